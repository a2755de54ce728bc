#include "ockam/channel/secure_channel_message.hpp"

#include <algorithm>

#include "ockam/core/byte_writer.hpp"
#include "ockam/core/cbor_route.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::channel {
namespace {

enum Variant : std::uint64_t { kPayload = 0, kRefreshCredentials = 1, kClose = 2 };

/// The longest CBOR head (initial byte and a 64-bit argument).
constexpr std::size_t kMaxCborHead = 9;

/// Reads an array header of at least `needed` elements; returns how many extra follow.
bool read_array_at_least(CborReader& in, std::uint64_t needed, std::uint64_t& extra) {
  std::uint64_t count = 0;
  if (!in.read_array_header(count) || count < needed) {
    return false;
  }
  extra = count - needed;
  return true;
}

/// Reads one whole CBOR item and returns its raw bytes.
bool read_raw_item(CborReader& in, Bytes& out) {
  ByteView before = in.rest();
  if (!in.skip()) {
    return false;
  }
  out.assign(before.begin(), before.end() - static_cast<std::ptrdiff_t>(in.remaining()));
  return true;
}

// A Payload's payload is left in `payload_bytes`, for the caller to copy or move.
bool decode_message(CborReader& in, SecureChannelMessage& out, ByteView& payload_bytes) {
  std::uint64_t extra = 0;
  std::uint64_t variant = 0;
  std::uint64_t fields_extra = 0;
  if (!read_array_at_least(in, 2, extra) || !in.read_uint(variant)) {
    return false;
  }
  switch (variant) {
    case kPayload: {
      PayloadMessage payload;
      std::uint64_t inner_extra = 0;
      if (!read_array_at_least(in, 1, fields_extra) || !read_array_at_least(in, 3, inner_extra) ||
          !read_cbor_route(in, payload.onward_route) ||
          !read_cbor_route(in, payload.return_route) || !in.read_bytes(payload_bytes) ||
          !in.skip_items(inner_extra)) {
        return false;
      }
      out = std::move(payload);
      break;
    }
    case kRefreshCredentials: {
      RefreshCredentialsMessage refresh;
      std::uint64_t inner_extra = 0;
      if (!read_array_at_least(in, 1, fields_extra) || !read_array_at_least(in, 2, inner_extra) ||
          !read_raw_item(in, refresh.change_history) || !read_raw_item(in, refresh.credentials) ||
          !in.skip_items(inner_extra)) {
        return false;
      }
      out = std::move(refresh);
      break;
    }
    case kClose:
      if (!read_array_at_least(in, 0, fields_extra)) {
        return false;
      }
      out = CloseMessage{};
      break;
    default:
      return false;
  }
  return in.skip_items(fields_extra) && in.skip_items(extra);
}

}  // namespace

void encode_payload_plaintext(ByteView onward_route_cbor, ByteView return_route_cbor,
                              ByteView payload, Bytes& out) {
  ByteWriter writer(std::move(out));
  CborWriter cbor(writer);
  cbor.write_array_header(2);
  cbor.write_array_header(2);
  cbor.write_uint(kPayload);
  cbor.write_array_header(1);
  cbor.write_array_header(3);
  writer.write_bytes(onward_route_cbor);
  writer.write_bytes(return_route_cbor);
  cbor.write_bytes(payload);
  cbor.write_bytes({});
  out = writer.take();
}

std::size_t payload_plaintext_size_bound(std::size_t routes_cbor_size, std::size_t payload_size) {
  // Four array heads, the variant and the empty padding are a byte each; the payload's head.
  constexpr std::size_t kEnvelope = 6 + kMaxCborHead;
  return kEnvelope + routes_cbor_size + payload_size;
}

Bytes encode_close_plaintext() {
  ByteWriter writer;
  CborWriter cbor(writer);
  cbor.write_array_header(2);
  cbor.write_array_header(2);
  cbor.write_uint(kClose);
  cbor.write_array_header(0);
  cbor.write_bytes({});
  return writer.take();
}

namespace {

Result<SecureChannelMessage> parse_plaintext(ByteView plaintext, ByteView& payload_bytes) {
  static const Error kMalformed(Origin::kChannel, Kind::kParse, "malformed secure channel message");
  CborReader in(plaintext);
  std::uint64_t extra = 0;
  SecureChannelMessage message = CloseMessage{};
  ByteView padding;
  if (!read_array_at_least(in, 2, extra) || !decode_message(in, message, payload_bytes) ||
      !in.read_bytes(padding) || !in.skip_items(extra)) {
    return kMalformed;
  }
  if (auto end = in.expect_end(); !end) {
    return end.error();
  }
  return message;
}

}  // namespace

Result<SecureChannelMessage> decode_plaintext(ByteView plaintext) {
  ByteView payload_bytes;
  auto message = parse_plaintext(plaintext, payload_bytes);
  if (auto* payload = message ? std::get_if<PayloadMessage>(&*message) : nullptr) {
    payload->payload.assign(payload_bytes.begin(), payload_bytes.end());
  }
  return message;
}

Result<SecureChannelMessage> decode_plaintext_in_place(Bytes buffer, std::size_t begin,
                                                       std::size_t end) {
  ByteView payload_bytes;
  auto message = parse_plaintext(ByteView(buffer).subspan(begin, end - begin), payload_bytes);
  if (auto* payload = message ? std::get_if<PayloadMessage>(&*message) : nullptr) {
    // Move the payload to the front of its own buffer: one pass, no allocation.
    const auto offset = payload_bytes.data() - buffer.data();
    std::copy(buffer.begin() + offset,
              buffer.begin() + offset + static_cast<std::ptrdiff_t>(payload_bytes.size()),
              buffer.begin());
    buffer.resize(payload_bytes.size());
    payload->payload = std::move(buffer);
  } else {
    secure_wipe(buffer);  // nothing of a plaintext that is not handed on stays in the heap
  }
  return message;
}

}  // namespace ockam::channel
