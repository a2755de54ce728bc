#include "ockam/core/bare.hpp"

#include "ockam/core/utf8.hpp"

namespace ockam::bare {

void write_uint(ByteWriter& out, std::uint64_t value) {
  out.write_uleb128(value);
}

bool read_uint(ByteReader& in, std::uint64_t& out) {
  return in.read_uleb128(out);
}

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

void write_string(ByteWriter& out, std::string_view text) {
  write_data(out, as_bytes(text));
}

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
