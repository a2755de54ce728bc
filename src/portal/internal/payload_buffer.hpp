#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "ockam/core/bytes.hpp"

namespace ockam::portal {

/// PayloadBuffer is where a portal reads its socket: the bytes land behind room for a Payload
/// message's head (tag and ULEB128 length), so that a large read becomes its Payload without
/// being copied. Small reads, whose head is shorter or whose buffer would be mostly empty, are
/// copied into a message of their own size and the buffer is kept for the next read.
class PayloadBuffer {
 public:
  /// `capacity` bytes are read at most (the portal's chunk size).
  explicit PayloadBuffer(std::size_t capacity);

  /// Where the next read goes: `capacity` bytes (a new buffer, zero-filled by std::vector,
  /// after one was handed over).
  std::span<std::uint8_t> space();
  /// The Payload message carrying the first `n` bytes of `space()` (n <= capacity). When the
  /// buffer itself was handed over, the next `space()` is a new one.
  Bytes take(std::size_t n);

 private:
  std::size_t capacity_;
  // Bytes in front of the data: the tag and the longest length a read can have.
  std::size_t head_room_;
  Bytes buffer_;
};

}  // namespace ockam::portal
