#include "ockam/core/cbor_writer.hpp"

#include <limits>

namespace ockam {
namespace {

constexpr std::uint8_t kUnsigned = 0;
constexpr std::uint8_t kNegative = 1;
constexpr std::uint8_t kBytes = 2;
constexpr std::uint8_t kText = 3;
constexpr std::uint8_t kArray = 4;
constexpr std::uint8_t kMap = 5;
constexpr std::uint8_t kFalse = 0xf4;
constexpr std::uint8_t kTrue = 0xf5;
constexpr std::uint8_t kNull = 0xf6;

}  // namespace

void CborWriter::write_head(std::uint8_t major, std::uint64_t value) {
  auto initial = [major](std::uint8_t info) {
    return static_cast<std::uint8_t>((major << 5) | info);
  };
  if (value < 24) {
    out_.write_u8(initial(static_cast<std::uint8_t>(value)));
  } else if (value <= std::numeric_limits<std::uint8_t>::max()) {
    out_.write_u8(initial(24));
    out_.write_u8(static_cast<std::uint8_t>(value));
  } else if (value <= std::numeric_limits<std::uint16_t>::max()) {
    out_.write_u8(initial(25));
    out_.write_u16_be(static_cast<std::uint16_t>(value));
  } else if (value <= std::numeric_limits<std::uint32_t>::max()) {
    out_.write_u8(initial(26));
    out_.write_u32_be(static_cast<std::uint32_t>(value));
  } else {
    out_.write_u8(initial(27));
    out_.write_u64_be(value);
  }
}

void CborWriter::write_uint(std::uint64_t value) {
  write_head(kUnsigned, value);
}

void CborWriter::write_int(std::int64_t value) {
  if (value >= 0) {
    write_head(kUnsigned, static_cast<std::uint64_t>(value));
  } else {
    // -1 - value is non-negative for every negative int64 (no overflow).
    write_head(kNegative, static_cast<std::uint64_t>(-1 - value));
  }
}

void CborWriter::write_bytes_header(std::uint64_t size) {
  write_head(kBytes, size);
}

void CborWriter::write_bytes(ByteView data) {
  write_bytes_header(data.size());
  out_.write_bytes(data);
}

void CborWriter::write_text(std::string_view text) {
  write_head(kText, text.size());
  out_.write_text(text);
}

void CborWriter::write_array_header(std::uint64_t count) {
  write_head(kArray, count);
}

void CborWriter::write_map_header(std::uint64_t count) {
  write_head(kMap, count);
}

void CborWriter::write_bool(bool value) {
  out_.write_u8(value ? kTrue : kFalse);
}

void CborWriter::write_null() {
  out_.write_u8(kNull);
}

}  // namespace ockam
