#pragma once

#include <cstddef>
#include <cstdint>

#include "ockam/core/bytes.hpp"

namespace ockam {

/// ByteReader is the one bounds-checked cursor over untrusted bytes. Every read returns false
/// and leaves the cursor where it was when the input is too short. It does not own the bytes:
/// views it returns live as long as the buffer given to the constructor.
class ByteReader {
 public:
  explicit ByteReader(ByteView data) noexcept : data_(data) {}

  std::size_t remaining() const noexcept { return data_.size() - offset_; }
  bool empty() const noexcept { return remaining() == 0; }
  /// The bytes not read yet.
  ByteView rest() const noexcept { return data_.subspan(offset_); }

  // The one-byte reads, read_bytes and skip are here, inline: decoders call them per field.
  bool read_u8(std::uint8_t& out) noexcept {
    if (empty()) {
      return false;
    }
    out = data_[offset_++];
    return true;
  }
  bool peek_u8(std::uint8_t& out) const noexcept {
    if (empty()) {
      return false;
    }
    out = data_[offset_];
    return true;
  }
  bool read_u16_be(std::uint16_t& out) noexcept;
  bool read_u32_be(std::uint32_t& out) noexcept;
  bool read_u64_be(std::uint64_t& out) noexcept;
  bool read_u16_le(std::uint16_t& out) noexcept;
  bool read_u32_le(std::uint32_t& out) noexcept;
  bool read_u64_le(std::uint64_t& out) noexcept;
  /// Reads `count` bytes as a view into the buffer.
  bool read_bytes(std::size_t count, ByteView& out) noexcept {
    if (remaining() < count) {
      return false;
    }
    out = data_.subspan(offset_, count);
    offset_ += count;
    return true;
  }
  bool skip(std::size_t count) noexcept {
    if (remaining() < count) {
      return false;
    }
    offset_ += count;
    return true;
  }
  /// Reads an unsigned LEB128 varint of at most 10 bytes that fits in 64 bits. Non-minimal
  /// encodings are accepted (as Ockam's `bare.rs` does); writers never emit them.
  bool read_uleb128(std::uint64_t& out) noexcept;

  /// Fails with kParse when bytes are left: every decoder ends with this call.
  Result<void> expect_end() const;

 private:
  template <class T>
  bool read_fixed(T& out, bool big_endian) noexcept;

  ByteView data_;
  std::size_t offset_ = 0;
};

}  // namespace ockam
