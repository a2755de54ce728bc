#include "ockam/core/cbor_reader.hpp"

#include "ockam/core/utf8.hpp"

#include <limits>

namespace ockam {
namespace {

constexpr std::uint8_t kInfoOneByte = 24;
constexpr std::uint8_t kInfoEightBytes = 27;
constexpr std::uint8_t kFalse = 0xf4;
constexpr std::uint8_t kTrue = 0xf5;
constexpr std::uint8_t kNull = 0xf6;
// Simple values below this number must use the one-byte head (RFC 8949 §3.3).
constexpr std::uint64_t kFirstTwoByteSimpleValue = 32;

bool read_unsigned(CborReader& reader, std::uint64_t limit, std::uint64_t& out) noexcept {
  CborReader probe = reader;
  std::uint64_t value = 0;
  if (!probe.read_uint(value) || value > limit) {
    return false;
  }
  reader = probe;
  out = value;
  return true;
}

}  // namespace

bool CborReader::read_head(ByteReader& in, Head& out) noexcept {
  // Read from the unread bytes directly: a message's envelope has a dozen heads.
  ByteView rest = in.rest();
  if (rest.empty()) {
    return false;
  }
  const std::uint8_t initial = rest[0];
  Head head{static_cast<CborType>(initial >> 5), static_cast<std::uint8_t>(initial & 0x1f), 0};
  std::size_t length = 1;
  if (head.info < kInfoOneByte) {
    head.value = head.info;
  } else if (head.info <= kInfoEightBytes) {
    const std::size_t width = std::size_t{1} << (head.info - kInfoOneByte);
    if (rest.size() <= width) {
      return false;
    }
    for (std::size_t i = 1; i <= width; ++i) {
      head.value = (head.value << 8) | rest[i];
    }
    length += width;
  } else {
    // 28-30 are reserved; 31 is an indefinite length (or "break"): none is accepted.
    return false;
  }
  (void)in.skip(length);
  out = head;
  return true;
}

bool CborReader::peek_type(CborType& out) const noexcept {
  std::uint8_t initial = 0;
  if (!reader_.peek_u8(initial)) {
    return false;
  }
  out = static_cast<CborType>(initial >> 5);
  return true;
}

bool CborReader::next_is_null() const noexcept {
  std::uint8_t initial = 0;
  return reader_.peek_u8(initial) && initial == kNull;
}

bool CborReader::read_uint(std::uint64_t& out) noexcept {
  ByteReader probe = reader_;
  Head head{};
  if (!read_head(probe, head) || head.type != CborType::kUnsigned) {
    return false;
  }
  reader_ = probe;
  out = head.value;
  return true;
}

bool CborReader::read_u8(std::uint8_t& out) noexcept {
  std::uint64_t value = 0;
  if (!read_unsigned(*this, std::numeric_limits<std::uint8_t>::max(), value)) {
    return false;
  }
  out = static_cast<std::uint8_t>(value);
  return true;
}

bool CborReader::read_u32(std::uint32_t& out) noexcept {
  std::uint64_t value = 0;
  if (!read_unsigned(*this, std::numeric_limits<std::uint32_t>::max(), value)) {
    return false;
  }
  out = static_cast<std::uint32_t>(value);
  return true;
}

bool CborReader::read_int(std::int64_t& out) noexcept {
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  ByteReader probe = reader_;
  Head head{};
  if (!read_head(probe, head) || head.value > kMax) {
    return false;
  }
  if (head.type == CborType::kUnsigned) {
    out = static_cast<std::int64_t>(head.value);
  } else if (head.type == CborType::kNegative) {
    // The item encodes -1 - value; value <= INT64_MAX keeps the result >= INT64_MIN.
    out = -1 - static_cast<std::int64_t>(head.value);
  } else {
    return false;
  }
  reader_ = probe;
  return true;
}

bool CborReader::read_string(ByteReader& in, CborType type, ByteView& out) noexcept {
  ByteReader probe = in;
  Head head{};
  if (!read_head(probe, head) || head.type != type || head.value > probe.remaining()) {
    return false;
  }
  ByteView content;
  if (!probe.read_bytes(static_cast<std::size_t>(head.value), content)) {
    return false;
  }
  if (type == CborType::kText && !is_valid_utf8(content)) {
    return false;
  }
  in = probe;
  out = content;
  return true;
}

bool CborReader::read_bytes(ByteView& out) noexcept {
  return read_string(reader_, CborType::kBytes, out);
}

bool CborReader::read_text(std::string_view& out) noexcept {
  ByteView content;
  if (!read_string(reader_, CborType::kText, content)) {
    return false;
  }
  out = std::string_view(reinterpret_cast<const char*>(content.data()), content.size());
  return true;
}

bool CborReader::read_count(CborType type, std::uint64_t per_item, std::uint64_t& count) noexcept {
  ByteReader probe = reader_;
  Head head{};
  // Every item takes at least one byte, so a count above what is left cannot be honest.
  if (!read_head(probe, head) || head.type != type || head.value > probe.remaining() / per_item) {
    return false;
  }
  reader_ = probe;
  count = head.value;
  return true;
}

bool CborReader::read_array_header(std::uint64_t& count) noexcept {
  return read_count(CborType::kArray, 1, count);
}

bool CborReader::read_map_header(std::uint64_t& count) noexcept {
  return read_count(CborType::kMap, 2, count);
}

bool CborReader::read_bool(bool& out) noexcept {
  std::uint8_t initial = 0;
  if (!reader_.peek_u8(initial) || (initial != kFalse && initial != kTrue)) {
    return false;
  }
  out = initial == kTrue;
  return reader_.skip(1);
}

bool CborReader::read_null() noexcept {
  return next_is_null() && reader_.skip(1);
}

bool CborReader::skip_item(ByteReader& in, std::size_t depth) noexcept {
  ByteReader probe = in;
  std::uint8_t initial = 0;
  if (!probe.peek_u8(initial)) {
    return false;
  }
  Head head{};
  switch (static_cast<CborType>(initial >> 5)) {
    case CborType::kUnsigned:
    case CborType::kNegative:
      if (!read_head(probe, head)) {
        return false;
      }
      break;
    case CborType::kBytes:
    case CborType::kText: {
      ByteView ignored;
      if (!read_string(probe, static_cast<CborType>(initial >> 5), ignored)) {
        return false;
      }
      break;
    }
    case CborType::kArray:
    case CborType::kMap: {
      if (depth >= kMaxSkipDepth || !read_head(probe, head)) {
        return false;
      }
      std::uint64_t per_entry = head.type == CborType::kMap ? 2 : 1;
      if (head.value > probe.remaining() / per_entry) {
        return false;
      }
      for (std::uint64_t i = 0; i < head.value * per_entry; ++i) {
        if (!skip_item(probe, depth + 1)) {
          return false;
        }
      }
      break;
    }
    case CborType::kTag:
      return false;
    case CborType::kSimple:
      if (!read_head(probe, head) ||
          (head.info == kInfoOneByte && head.value < kFirstTwoByteSimpleValue)) {
        return false;
      }
      break;
  }
  in = probe;
  return true;
}

bool CborReader::skip() noexcept {
  return skip_item(reader_, 0);
}

bool CborReader::skip_items(std::uint64_t count) noexcept {
  ByteReader probe = reader_;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (!skip_item(probe, 0)) {
      return false;
    }
  }
  reader_ = probe;
  return true;
}

Result<void> CborReader::expect_end() const {
  return reader_.expect_end();
}

}  // namespace ockam
