#include "portal/internal/payload_buffer.hpp"

#include <algorithm>
#include <cassert>

#include "ockam/core/byte_writer.hpp"
#include "ockam/portal/constants.hpp"
#include "ockam/portal/portal_message.hpp"

namespace ockam::portal {
namespace {

std::size_t uleb128_length(std::size_t value) {
  std::size_t length = 1;
  while (value >= 0x80) {
    value >>= 7;
    ++length;
  }
  return length;
}

}  // namespace

PayloadBuffer::PayloadBuffer(std::size_t capacity)
    : capacity_(capacity), head_room_(1 + uleb128_length(capacity)) {}

std::span<std::uint8_t> PayloadBuffer::space() noexcept {
  if (buffer_.empty()) {
    buffer_.resize(head_room_ + capacity_);
  }
  return std::span<std::uint8_t>(buffer_).subspan(head_room_);
}

Bytes PayloadBuffer::take(std::size_t n) {
  assert(n <= capacity_ && !buffer_.empty());
  const ByteView data = ByteView(buffer_).subspan(head_room_, n);
  // A head that fills the room exactly sits in front of the data as it lies; a buffer handed
  // over holds at least half its size in data, so queued messages waste at most as much.
  if (1 + uleb128_length(n) != head_room_ || n < capacity_ / 2) {
    Bytes message;
    append_portal_payload(message, data);
    return message;
  }
  ByteWriter head;
  head.write_u8(kPayloadTag);
  head.write_uleb128(n);
  Bytes message = std::move(buffer_);
  std::copy(head.view().begin(), head.view().end(), message.begin());
  message.resize(head_room_ + n);
  buffer_.clear();
  return message;
}

}  // namespace ockam::portal
