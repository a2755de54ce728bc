#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ockam/core/byte_reader.hpp"
#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"

namespace ockam {

/// CborType is the major type of a CBOR data item (RFC 8949 §3.1).
enum class CborType : std::uint8_t {
  kUnsigned = 0,
  kNegative = 1,
  kBytes = 2,
  kText = 3,
  kArray = 4,
  kMap = 5,
  kTag = 6,
  kSimple = 7,  // false, true, null, undefined, other simple values and floats
};

/// CborReader decodes the strict CBOR subset Ockam uses (minicbor semantics): integers, byte and
/// text strings, definite-length arrays and maps, booleans and null. Indefinite lengths, tags and
/// floats are rejected (`skip` alone steps over floats and simple values). Non-shortest heads are
/// accepted, as minicbor accepts them. Every read returns false and leaves the reader where it was
/// when the next item is not of the requested kind, is truncated, or declares a length larger
/// than the bytes left. The reader does not own the bytes: views it returns live as long as the
/// buffer given to the constructor.
class CborReader {
 public:
  /// Deepest nesting of arrays and maps that `skip` walks through.
  static constexpr std::size_t kMaxSkipDepth = 32;

  /// Reads from `data`, which must outlive the reader and the views it returns.
  explicit CborReader(ByteView data) noexcept : reader_(data) {}

  /// Number of bytes not read yet.
  std::size_t remaining() const noexcept { return reader_.remaining(); }
  /// The bytes not read yet.
  ByteView rest() const noexcept { return reader_.rest(); }

  /// Reports the major type of the next item; false when no bytes are left.
  bool peek_type(CborType& out) const noexcept;
  /// Tells whether the next item is null (without consuming it).
  bool next_is_null() const noexcept;

  /// Reads an unsigned integer (major type 0).
  bool read_uint(std::uint64_t& out) noexcept;
  /// Reads an unsigned integer that must fit in 8 bits.
  bool read_u8(std::uint8_t& out) noexcept;
  /// Reads an unsigned integer that must fit in 32 bits.
  bool read_u32(std::uint32_t& out) noexcept;
  /// Reads an unsigned or negative integer (major type 0 or 1) that fits in 64-bit signed range.
  bool read_int(std::int64_t& out) noexcept;
  /// Reads a definite-length byte string as a view into the input.
  bool read_bytes(ByteView& out) noexcept;
  /// Reads a definite-length text string that is valid UTF-8, as a view into the input.
  bool read_text(std::string_view& out) noexcept;
  /// Reads a definite-length array header; `count` never exceeds the bytes left.
  bool read_array_header(std::uint64_t& count) noexcept;
  /// Reads a definite-length map header; `count` (of pairs) never exceeds half the bytes left.
  bool read_map_header(std::uint64_t& count) noexcept;
  /// Reads `false` or `true`.
  bool read_bool(bool& out) noexcept;
  /// Reads `null`.
  bool read_null() noexcept;

  /// Steps over one whole item (nested arrays and maps up to `kMaxSkipDepth` deep), for ignoring
  /// unknown trailing fields. Besides what the reads accept it steps over floats and simple
  /// values; tags, indefinite lengths and invalid UTF-8 text fail.
  bool skip() noexcept;
  /// Steps over `count` whole items, as `skip` does; all or nothing.
  bool skip_items(std::uint64_t count) noexcept;

  /// Fails with kParse when bytes are left: every decoder ends with this call.
  Result<void> expect_end() const;

 private:
  struct Head {
    CborType type;
    std::uint8_t info;    // the additional-information bits
    std::uint64_t value;  // the argument: a length, a count or an integer
  };

  // Reads an item head whose argument has a definite value (no indefinite length).
  static bool read_head(ByteReader& in, Head& out) noexcept;
  static bool skip_item(ByteReader& in, std::size_t depth) noexcept;
  static bool read_string(ByteReader& in, CborType type, ByteView& out) noexcept;
  bool read_count(CborType type, std::uint64_t per_item, std::uint64_t& count) noexcept;

  ByteReader reader_;
};

}  // namespace ockam
