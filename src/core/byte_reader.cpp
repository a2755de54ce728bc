#include "ockam/core/byte_reader.hpp"

namespace ockam {

template <class T>
bool ByteReader::read_fixed(T& out, bool big_endian) noexcept {
  if (remaining() < sizeof(T)) {
    return false;
  }
  T value = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    std::size_t index = big_endian ? i : sizeof(T) - 1 - i;
    value = static_cast<T>((value << 8) | data_[offset_ + index]);
  }
  offset_ += sizeof(T);
  out = value;
  return true;
}

bool ByteReader::read_u16_be(std::uint16_t& out) noexcept {
  return read_fixed(out, true);
}
bool ByteReader::read_u32_be(std::uint32_t& out) noexcept {
  return read_fixed(out, true);
}
bool ByteReader::read_u64_be(std::uint64_t& out) noexcept {
  return read_fixed(out, true);
}
bool ByteReader::read_u16_le(std::uint16_t& out) noexcept {
  return read_fixed(out, false);
}
bool ByteReader::read_u32_le(std::uint32_t& out) noexcept {
  return read_fixed(out, false);
}
bool ByteReader::read_u64_le(std::uint64_t& out) noexcept {
  return read_fixed(out, false);
}

bool ByteReader::read_uleb128(std::uint64_t& out) noexcept {
  std::uint64_t value = 0;
  std::size_t at = offset_;
  for (unsigned shift = 0; shift < 70; shift += 7) {
    if (at >= data_.size()) {
      return false;
    }
    std::uint8_t byte = data_[at++];
    std::uint64_t bits = byte & 0x7f;
    if (shift == 63 && bits > 1) {
      return false;  // does not fit in 64 bits
    }
    value |= bits << shift;
    if ((byte & 0x80) == 0) {
      offset_ = at;
      out = value;
      return true;
    }
  }
  return false;  // more than 10 bytes
}

Result<void> ByteReader::expect_end() const {
  if (!empty()) {
    return Error(Origin::kCore, Kind::kParse, "trailing bytes after message");
  }
  return ok();
}

}  // namespace ockam
