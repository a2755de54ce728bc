#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ockam/core/bytes.hpp"

namespace ockam {

/// ByteWriter appends wire bytes to a buffer it owns. It is the only code that lays out bytes
/// for the wire; length prefixes are written through it, never counted by hand elsewhere.
class ByteWriter {
 public:
  ByteWriter() = default;
  /// Continues writing after the bytes already in `initial` (for reserved headers).
  explicit ByteWriter(Bytes initial) noexcept : bytes_(std::move(initial)) {}

  void reserve(std::size_t capacity) { bytes_.reserve(capacity); }
  std::size_t size() const noexcept { return bytes_.size(); }
  ByteView view() const noexcept { return bytes_; }
  /// Hands over the buffer; the writer is empty afterwards.
  Bytes take() noexcept { return std::move(bytes_); }

  void write_u8(std::uint8_t value) { bytes_.push_back(value); }
  void write_u16_be(std::uint16_t value);
  void write_u32_be(std::uint32_t value);
  void write_u64_be(std::uint64_t value);
  void write_u16_le(std::uint16_t value);
  void write_u32_le(std::uint32_t value);
  void write_u64_le(std::uint64_t value);
  void write_bytes(ByteView data) { bytes_.insert(bytes_.end(), data.begin(), data.end()); }
  void write_text(std::string_view text) { write_bytes(as_bytes(text)); }
  /// Writes the minimal unsigned LEB128 form of `value`.
  void write_uleb128(std::uint64_t value);
  /// Overwrites 4 bytes at `offset` with `value` big-endian (for a length known only at the end).
  void patch_u32_be(std::size_t offset, std::uint32_t value);

 private:
  Bytes bytes_;
};

}  // namespace ockam
