#include "ockam/transport/tcp/transport_message.hpp"

#include "ockam/core/byte_writer.hpp"
#include "ockam/core/cbor_route.hpp"
#include "ockam/transport/tcp/constants.hpp"

namespace ockam::tcp {

namespace {

/// True when a decoder (ours, read_cbor_route) accepts `route`: what we send, our peer accepts.
bool within_decoder_limits(const Route& route) {
  if (route.size() > kMaxCborRouteLength) {
    return false;
  }
  for (const Address& address : route) {
    if (address.inner().size() > kMaxCborAddressInnerLength) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<void> append_frame_head(Bytes& out, const Route& onward_route, const Route& return_route,
                               std::size_t payload_size) {
  if (!within_decoder_limits(onward_route) || !within_decoder_limits(return_route)) {
    return Error(Origin::kTransport, Kind::kInvalid, "a route exceeds what a TCP peer accepts");
  }
  std::size_t start = out.size();
  ByteWriter writer(std::move(out));
  writer.write_u32_be(0);  // patched below, once the body length is known
  CborWriter cbor(writer);
  cbor.write_array_header(3);
  write_cbor_route(cbor, onward_route);
  write_cbor_route(cbor, return_route);
  cbor.write_bytes_header(payload_size);
  std::size_t body_length = writer.size() - start - kFrameHeaderLength + payload_size;
  if (body_length > kMaxMessageSize) {
    out = writer.take();
    out.resize(start);
    return Error(Origin::kTransport, Kind::kInvalid, "message exceeds the 16 MiB frame limit");
  }
  writer.patch_u32_be(start, static_cast<std::uint32_t>(body_length));
  out = writer.take();
  return ok();
}

Result<void> append_frame(Bytes& out, const Route& onward_route, const Route& return_route,
                          ByteView payload) {
  auto head = append_frame_head(out, onward_route, return_route, payload.size());
  if (head) {
    out.insert(out.end(), payload.begin(), payload.end());
  }
  return head;
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
