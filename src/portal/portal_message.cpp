#include "ockam/portal/portal_message.hpp"

#include "ockam/core/byte_reader.hpp"
#include "ockam/core/byte_writer.hpp"
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
  ByteWriter writer(std::move(out));
  writer.reserve(writer.size() + 1 + 10 + data.size());
  writer.write_u8(kPayloadTag);
  writer.write_uleb128(data.size());
  writer.write_bytes(data);
  out = writer.take();
}

}  // namespace ockam::portal
