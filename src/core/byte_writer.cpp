#include "ockam/core/byte_writer.hpp"

namespace ockam {
namespace {

template <class T>
void write_fixed(Bytes& out, T value, bool big_endian) {
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    std::size_t shift = big_endian ? 8 * (sizeof(T) - 1 - i) : 8 * i;
    out.push_back(static_cast<std::uint8_t>(value >> shift));
  }
}

}  // namespace

void ByteWriter::write_u16_be(std::uint16_t value) {
  write_fixed(bytes_, value, true);
}
void ByteWriter::write_u32_be(std::uint32_t value) {
  write_fixed(bytes_, value, true);
}
void ByteWriter::write_u64_be(std::uint64_t value) {
  write_fixed(bytes_, value, true);
}
void ByteWriter::write_u16_le(std::uint16_t value) {
  write_fixed(bytes_, value, false);
}
void ByteWriter::write_u32_le(std::uint32_t value) {
  write_fixed(bytes_, value, false);
}
void ByteWriter::write_u64_le(std::uint64_t value) {
  write_fixed(bytes_, value, false);
}

void ByteWriter::write_uleb128(std::uint64_t value) {
  do {
    std::uint8_t byte = value & 0x7f;
    value >>= 7;
    if (value != 0) {
      byte |= 0x80;
    }
    bytes_.push_back(byte);
  } while (value != 0);
}

void ByteWriter::patch_u32_be(std::size_t offset, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) {
    bytes_.at(offset + i) = static_cast<std::uint8_t>(value >> (8 * (3 - i)));
  }
}

}  // namespace ockam
