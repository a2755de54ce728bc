#pragma once

#include <cstdint>
#include <string_view>

#include "ockam/core/byte_writer.hpp"
#include "ockam/core/bytes.hpp"

namespace ockam {

/// CborWriter appends CBOR items to a ByteWriter, always with the shortest head (as minicbor
/// does), and only definite lengths. It does not own the ByteWriter, which must outlive it.
/// Array and map headers announce a count; the caller then writes that many items (pairs).
class CborWriter {
 public:
  /// Appends to `out`, after the bytes already in it.
  explicit CborWriter(ByteWriter& out) noexcept : out_(out) {}

  /// Writes an unsigned integer (major type 0).
  void write_uint(std::uint64_t value);
  /// Writes `value` as major type 0 when non-negative, major type 1 otherwise.
  void write_int(std::int64_t value);
  /// Writes a byte string.
  void write_bytes(ByteView data);
  /// Writes only the head of a byte string of `size` bytes, which the caller appends itself.
  void write_bytes_header(std::uint64_t size);
  /// Writes a text string; `text` must be valid UTF-8 (the caller's responsibility).
  void write_text(std::string_view text);
  /// Writes the header of an array of `count` items.
  void write_array_header(std::uint64_t count);
  /// Writes the header of a map of `count` key/value pairs.
  void write_map_header(std::uint64_t count);
  /// Writes `false` or `true`.
  void write_bool(bool value);
  /// Writes `null`.
  void write_null();

 private:
  void write_head(std::uint8_t major, std::uint64_t value);

  ByteWriter& out_;
};

}  // namespace ockam
