#pragma once

#include <optional>
#include <string>

#include "ockam/core/bytes.hpp"
#include "ockam/core/route.hpp"

namespace ockam::tcp {

/// TcpTransportMessage is one TCP frame's body (reference §3.1): CBOR array
/// [onward route, return route, payload bytes, tracing context?]. Rust std nodes send the
/// tracing field; we accept it (and ignore extra trailing elements) but never send it.
struct TransportMessage {
  Route onward_route;
  Route return_route;
  Bytes payload;
  std::optional<std::string> tracing_context;
};

/// append_frame appends one frame (u32 big-endian length, then the CBOR body without tracing
/// context) to `out`. kInvalid (`out` unchanged) if the peer's decoder would refuse the frame:
/// a body above kMaxMessageSize, a route longer than kMaxCborRouteLength or an address longer
/// than kMaxCborAddressInnerLength; a relay thus never emits what its peer calls malformed.
Result<void> append_frame(Bytes& out, const Route& onward_route, const Route& return_route,
                          ByteView payload);
/// append_frame without the payload's bytes: the frame up to the head of a payload of
/// `payload_size` bytes, which the caller sends right after (a gather write of a large payload
/// where it lies). Same checks and errors as append_frame.
Result<void> append_frame_head(Bytes& out, const Route& onward_route, const Route& return_route,
                               std::size_t payload_size);

/// decode_transport_message parses one frame body; kParse on malformed CBOR, fewer than three
/// fields, or trailing bytes after the array.
Result<TransportMessage> decode_transport_message(ByteView body);

}  // namespace ockam::tcp
