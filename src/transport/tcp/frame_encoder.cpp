#include "ockam/transport/tcp/frame_encoder.hpp"

#include "ockam/core/byte_writer.hpp"
#include "ockam/core/cbor_route.hpp"
#include "ockam/core/cbor_writer.hpp"
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

Result<void> FrameEncoder::append_frame_head(Bytes& out, const Route& onward_route,
                                             const Route& return_route, std::size_t payload_size) {
  if (!within_decoder_limits(onward_route) || !within_decoder_limits(return_route)) {
    return Error(Origin::kTransport, Kind::kInvalid, "a route exceeds what a TCP peer accepts");
  }
  std::size_t start = out.size();
  ByteWriter writer(std::move(out));
  writer.write_u32_be(0);  // patched below, once the body length is known
  CborWriter cbor(writer);
  cbor.write_array_header(3);
  writer.write_bytes(onward_routes_.encode(onward_route));
  writer.write_bytes(return_routes_.encode(return_route));
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

Result<void> FrameEncoder::append_frame(Bytes& out, const Route& onward_route,
                                        const Route& return_route, ByteView payload) {
  auto head = append_frame_head(out, onward_route, return_route, payload.size());
  if (head) {
    out.insert(out.end(), payload.begin(), payload.end());
  }
  return head;
}

}  // namespace ockam::tcp
