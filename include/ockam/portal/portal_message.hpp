#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"

namespace ockam::portal {

/// PortalMessage is what inlets and outlets exchange (reference ockam-portals §1.1): the routed
/// payload is these bytes exactly, `00` Ping, `01` Pong, `02` Disconnect, or `03` ULEB128
/// length, data and an optional BARE `optional<u16>` packet counter (little-endian).
struct PortalMessage {
  enum class Kind : std::uint8_t { kPing, kPong, kDisconnect, kPayload };

  Kind kind = Kind::kPing;
  /// The bytes of a Payload; a view into the decoded buffer.
  ByteView data;
  /// The packet counter of a Payload, when the sender wrote one (Ockam never does today).
  std::optional<std::uint16_t> counter;
};

/// decode_portal_message parses `bytes` as Ockam's PortalMessage. The returned `data` views
/// `bytes`, valid as long as it is. Ping, Pong and Disconnect ignore bytes after the tag, as
/// Ockam does (a future `route_index` may follow them). A Payload must be followed by nothing,
/// `00` (no counter) or `01` and a u16 counter. kParse otherwise.
Result<PortalMessage> decode_portal_message(ByteView bytes);

/// The one-byte Ping, Pong and Disconnect messages.
Bytes encode_portal_ping();
Bytes encode_portal_pong();
Bytes encode_portal_disconnect();

/// append_portal_payload appends a Payload message carrying `data` to `out` (no counter: Ockam
/// never sends one).
void append_portal_payload(Bytes& out, ByteView data);
/// The length of the head (tag and ULEB128 length) of a Payload carrying `size` bytes.
std::size_t portal_payload_head_length(std::size_t size);
/// write_portal_payload_head writes that head at the start of `out`, which has room for it; the
/// `size` bytes of data are to follow it.
void write_portal_payload_head(std::span<std::uint8_t> out, std::size_t size);

}  // namespace ockam::portal
