#include "ockam/portal/portal_message.hpp"

#include "ockam/core/byte_reader.hpp"
#include "ockam/portal/constants.hpp"

namespace ockam::portal {
namespace {

Error malformed(const char* what) {
  return Error(Origin::kTransport, Kind::kParse, what);
}

// The trailer after a Payload's data is a BARE optional<u16>: nothing (older senders), 00, or
// 01 and the counter little-endian.
Result<std::optional<std::uint16_t>> read_counter(ByteReader& reader) {
  if (reader.empty()) {
    return std::optional<std::uint16_t>();
  }
  std::uint8_t present = 0;
  (void)reader.read_u8(present);
  if (present == 0) {
    if (auto end = reader.expect_end(); !end) {
      return end.error();
    }
    return std::optional<std::uint16_t>();
  }
  std::uint16_t counter = 0;
  if (present != 1 || !reader.read_u16_le(counter)) {
    return malformed("portal payload has a malformed packet counter");
  }
  if (auto end = reader.expect_end(); !end) {
    return end.error();
  }
  return std::optional<std::uint16_t>(counter);
}

}  // namespace

Result<PortalMessage> decode_portal_message(ByteView bytes) {
  ByteReader reader(bytes);
  std::uint8_t tag = 0;
  if (!reader.read_u8(tag)) {
    return malformed("empty portal message");
  }
  PortalMessage message;
  switch (tag) {
    case kPingTag:
      message.kind = PortalMessage::Kind::kPing;
      return message;
    case kPongTag:
      message.kind = PortalMessage::Kind::kPong;
      return message;
    case kDisconnectTag:
      message.kind = PortalMessage::Kind::kDisconnect;
      return message;
    case kPayloadTag:
      break;
    default:
      return malformed("unknown portal message tag");
  }
  message.kind = PortalMessage::Kind::kPayload;
  std::uint64_t length = 0;
  if (!reader.read_uleb128(length) || length > reader.remaining() ||
      !reader.read_bytes(static_cast<std::size_t>(length), message.data)) {
    return malformed("portal payload is shorter than its length");
  }
  auto counter = read_counter(reader);
  if (!counter) {
    return counter.error();
  }
  message.counter = *counter;
  return message;
}

Bytes encode_portal_ping() {
  return Bytes{kPingTag};
}
Bytes encode_portal_pong() {
  return Bytes{kPongTag};
}
Bytes encode_portal_disconnect() {
  return Bytes{kDisconnectTag};
}

void append_portal_payload(Bytes& out, ByteView data) {
  const std::size_t at = out.size();
  const std::size_t head = portal_payload_head_length(data.size());
  out.reserve(at + head + data.size());
  out.resize(at + head);
  write_portal_payload_head(std::span<std::uint8_t>(out).subspan(at), data.size());
  out.insert(out.end(), data.begin(), data.end());
}

std::size_t portal_payload_head_length(std::size_t size) {
  std::size_t length = 2;  // the tag and the length's last byte
  for (; size >= 0x80; size >>= 7) {
    ++length;
  }
  return length;
}

void write_portal_payload_head(std::span<std::uint8_t> out, std::size_t size) {
  std::size_t at = 0;
  out[at++] = kPayloadTag;
  for (; size >= 0x80; size >>= 7) {
    out[at++] = static_cast<std::uint8_t>(size | 0x80);
  }
  out[at] = static_cast<std::uint8_t>(size);
}

}  // namespace ockam::portal
