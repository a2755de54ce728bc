#include "ockam/transport/tcp/transport_message.hpp"

#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_route.hpp"
#include "ockam/transport/tcp/frame_encoder.hpp"

namespace ockam::tcp {

Result<void> append_frame(Bytes& out, const Route& onward_route, const Route& return_route,
                          ByteView payload) {
  return FrameEncoder().append_frame(out, onward_route, return_route, payload);
}

Result<void> append_frame_head(Bytes& out, const Route& onward_route, const Route& return_route,
                               std::size_t payload_size) {
  return FrameEncoder().append_frame_head(out, onward_route, return_route, payload_size);
}

Result<TransportMessage> decode_transport_message(ByteView body) {
  static const Error kMalformed(Origin::kTransport, Kind::kParse,
                                "malformed TCP transport message");
  CborReader reader(body);
  std::uint64_t fields = 0;
  TransportMessage message;
  ByteView payload;
  if (!reader.read_array_header(fields) || fields < 3 ||
      !read_cbor_route(reader, message.onward_route) ||
      !read_cbor_route(reader, message.return_route) || !reader.read_bytes(payload)) {
    return kMalformed;
  }
  message.payload.assign(payload.begin(), payload.end());
  if (fields >= 4) {
    std::string_view tracing;
    if (reader.next_is_null()) {
      if (!reader.read_null()) {
        return kMalformed;
      }
    } else if (reader.read_text(tracing)) {
      message.tracing_context = std::string(tracing);
    } else {
      return kMalformed;
    }
    if (!reader.skip_items(fields - 4)) {
      return kMalformed;
    }
  }
  if (auto end = reader.expect_end(); !end) {
    return end.error();
  }
  return message;
}

}  // namespace ockam::tcp
