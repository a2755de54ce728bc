#include "ockam/core/bare.hpp"

namespace ockam::bare {
namespace {

// Strict UTF-8 check: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(ByteView s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::uint8_t c = s[i];
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      extra = 1;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) {
      return false;
    }
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) {
        return false;
      }
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    static constexpr std::uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace

void write_uint(ByteWriter& out, std::uint64_t value) { out.write_uleb128(value); }

bool read_uint(ByteReader& in, std::uint64_t& out) { return in.read_uleb128(out); }

void write_data(ByteWriter& out, ByteView data) {
  out.write_uleb128(data.size());
  out.write_bytes(data);
}

bool read_data(ByteReader& in, ByteView& out) {
  ByteReader probe = in;
  std::uint64_t length = 0;
  if (!probe.read_uleb128(length) || length > probe.remaining()) {
    return false;
  }
  if (!probe.read_bytes(static_cast<std::size_t>(length), out)) {
    return false;
  }
  in = probe;
  return true;
}

void write_string(ByteWriter& out, std::string_view text) { write_data(out, as_bytes(text)); }

bool read_string(ByteReader& in, std::string& out) {
  ByteReader probe = in;
  ByteView view;
  if (!read_data(probe, view) || !is_valid_utf8(view)) {
    return false;
  }
  out.assign(reinterpret_cast<const char*>(view.data()), view.size());
  in = probe;
  return true;
}

}  // namespace ockam::bare
