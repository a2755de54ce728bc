#pragma once

#include <cstddef>

#include "ockam/core/address.hpp"
#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "ockam/core/route.hpp"

/// CBOR forms of Address and Route as Ockam's minicbor derive writes them (ockam_core
/// routing/address.rs, route.rs): an Address is array(2) [uint transport type, bytes inner], a
/// Route is an array of Addresses. The TCP transport and the secure channel carry them.
namespace ockam {

/// Longest route a decoder accepts (an implementation limit; Ockam has none).
inline constexpr std::size_t kMaxCborRouteLength = 256;
/// Longest address inner part a decoder accepts, in bytes (an implementation limit).
inline constexpr std::size_t kMaxCborAddressInnerLength = std::size_t{64} * 1024;

/// write_cbor_address appends `address` as array(2) [transport type, bytes inner].
void write_cbor_address(CborWriter& out, const Address& address);

/// read_cbor_address reads one address; false (reader unchanged) on a malformed item, a
/// transport type above 255 or an inner part longer than kMaxCborAddressInnerLength. Array
/// elements after the second are skipped, as minicbor does.
bool read_cbor_address(CborReader& in, Address& out);

/// write_cbor_route appends `route` as an array of addresses.
void write_cbor_route(CborWriter& out, const Route& route);

/// read_cbor_route reads one route into `out`; false (reader unchanged, `out` empty) on a
/// malformed item or more than kMaxCborRouteLength addresses.
bool read_cbor_route(CborReader& in, Route& out);

/// encode_cbor_route returns the CBOR bytes of `route`.
Bytes encode_cbor_route(const Route& route);

/// decode_cbor_route parses exactly one route from `data`; kParse on malformed input or
/// trailing bytes.
Result<Route> decode_cbor_route(ByteView data);

}  // namespace ockam
