#include "portal/internal/payload_buffer.hpp"

#include <cassert>
#include <utility>

#include "ockam/portal/portal_message.hpp"

namespace ockam::portal {

PayloadBuffer::PayloadBuffer(std::size_t capacity)
    : capacity_(capacity), head_room_(portal_payload_head_length(capacity)) {}

std::span<std::uint8_t> PayloadBuffer::space() {
  if (buffer_.empty()) {
    buffer_.resize(head_room_ + capacity_);
  }
  return std::span<std::uint8_t>(buffer_).subspan(head_room_);
}

Bytes PayloadBuffer::take(std::size_t n) {
  assert(n <= capacity_ && !buffer_.empty());
  // A head that fills the room exactly sits in front of the data as it lies; a buffer handed
  // over holds at least half its size in data, so queued messages waste at most as much.
  if (portal_payload_head_length(n) != head_room_ || n < capacity_ / 2) {
    Bytes message;
    append_portal_payload(message, ByteView(buffer_).subspan(head_room_, n));
    return message;
  }
  Bytes message = std::move(buffer_);
  write_portal_payload_head(message, n);
  message.resize(head_room_ + n);
  buffer_.clear();
  return message;
}

}  // namespace ockam::portal
