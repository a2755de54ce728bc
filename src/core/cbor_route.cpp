#include "ockam/core/cbor_route.hpp"

#include <string>
#include <utility>
#include <vector>

namespace ockam {
namespace {

constexpr std::uint64_t kAddressFields = 2;

}  // namespace

void write_cbor_address(CborWriter& out, const Address& address) {
  out.write_array_header(kAddressFields);
  out.write_uint(address.transport_type());
  out.write_bytes(as_bytes(address.inner()));
}

bool read_cbor_address(CborReader& in, Address& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  std::uint8_t type = 0;
  ByteView inner;
  if (!probe.read_array_header(fields) || fields < kAddressFields || !probe.read_u8(type) ||
      !probe.read_bytes(inner) || inner.size() > kMaxCborAddressInnerLength ||
      !probe.skip_items(fields - kAddressFields)) {
    return false;
  }
  out = Address(type, std::string_view(reinterpret_cast<const char*>(inner.data()), inner.size()));
  in = probe;
  return true;
}

void write_cbor_route(CborWriter& out, const Route& route) {
  out.write_array_header(route.size());
  for (const Address& address : route) {
    write_cbor_address(out, address);
  }
}

bool read_cbor_route(CborReader& in, Route& out) {
  CborReader probe = in;
  std::uint64_t count = 0;
  if (!probe.read_array_header(count) || count > kMaxCborRouteLength) {
    out = Route();
    return false;
  }
  // Decoded where it goes, with one free slot in front: the hop that receives a message
  // prepends itself to its return route.
  out.reset_with_room(1, static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    Address address;
    if (!read_cbor_address(probe, address)) {
      out = Route();
      return false;
    }
    out.append(std::move(address));
  }
  in = probe;
  return true;
}

Bytes encode_cbor_route(const Route& route) {
  ByteWriter bytes;
  CborWriter out(bytes);
  write_cbor_route(out, route);
  return bytes.take();
}

Result<Route> decode_cbor_route(ByteView data) {
  CborReader in(data);
  Route route;
  if (!read_cbor_route(in, route)) {
    return Error(Origin::kCore, Kind::kParse, "malformed CBOR route");
  }
  if (auto end = in.expect_end(); !end) {
    return end.error();
  }
  return route;
}

}  // namespace ockam
