#pragma once

#include <array>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "ockam/core/byte_reader.hpp"
#include "ockam/core/byte_writer.hpp"

/// The BARE encoding that Ockam's typed workers use for message bodies (serde_bare 0.5):
/// strings and byte vectors are a ULEB128 length then the bytes, fixed-width integers are
/// little-endian, optionals a 0/1 tag, sequences a ULEB128 count, structs their fields in order.
namespace ockam::bare {

/// Largest ULEB128-declared element count a decoder accepts for a sequence (a length is also
/// checked against the bytes left, so this only bounds sequences of zero-sized elements).
inline constexpr std::uint64_t kMaxSequenceLength = std::uint64_t{16} * 1024 * 1024;

void write_uint(ByteWriter& out, std::uint64_t value);
bool read_uint(ByteReader& in, std::uint64_t& out);
void write_data(ByteWriter& out, ByteView data);
/// Reads a length-prefixed byte run as a view; fails if the length exceeds the bytes left.
bool read_data(ByteReader& in, ByteView& out);
void write_string(ByteWriter& out, std::string_view text);
/// Reads a length-prefixed string and checks it is valid UTF-8 (as serde_bare does).
bool read_string(ByteReader& in, std::string& out);

/// A user struct takes part in BARE encoding by listing its members in order:
///   struct Ping { std::string text; std::uint64_t seq;
///                 static constexpr auto bare_fields = std::make_tuple(&Ping::text, &Ping::seq); };
template <class T>
concept BareStruct = requires {
  T::bare_fields;
};

template <class T>
struct Codec;

template <class T>
concept Encodable = requires(ByteWriter& w, ByteReader& r, const T& in, T& out) {
  Codec<T>::encode(w, in);
  { Codec<T>::decode(r, out) } -> std::same_as<bool>;
};

template <>
struct Codec<std::string> {
  static void encode(ByteWriter& w, const std::string& v) { write_string(w, v); }
  static bool decode(ByteReader& r, std::string& v) { return read_string(r, v); }
};

template <>
struct Codec<Bytes> {
  static void encode(ByteWriter& w, const Bytes& v) { write_data(w, v); }
  static bool decode(ByteReader& r, Bytes& v) {
    ByteView view;
    if (!read_data(r, view)) {
      return false;
    }
    v.assign(view.begin(), view.end());
    return true;
  }
};

template <>
struct Codec<bool> {
  static void encode(ByteWriter& w, bool v) { w.write_u8(v ? 1 : 0); }
  static bool decode(ByteReader& r, bool& v) {
    std::uint8_t b = 0;
    if (!r.read_u8(b) || b > 1) {
      return false;
    }
    v = b == 1;
    return true;
  }
};

template <std::unsigned_integral T>
requires(!std::same_as<T, bool>) struct Codec<T> {
  static void encode(ByteWriter& w, T v) {
    for (std::size_t i = 0; i < sizeof(T); ++i) {
      w.write_u8(static_cast<std::uint8_t>(v >> (8 * i)));
    }
  }
  static bool decode(ByteReader& r, T& v) {
    ByteView raw;
    if (!r.read_bytes(sizeof(T), raw)) {
      return false;
    }
    v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) {
      v = static_cast<T>(v | (static_cast<T>(raw[i]) << (8 * i)));
    }
    return true;
  }
};

template <class T>
struct Codec<std::optional<T>> {
  static void encode(ByteWriter& w, const std::optional<T>& v) {
    w.write_u8(v ? 1 : 0);
    if (v) {
      Codec<T>::encode(w, *v);
    }
  }
  static bool decode(ByteReader& r, std::optional<T>& v) {
    std::uint8_t tag = 0;
    if (!r.read_u8(tag) || tag > 1) {
      return false;
    }
    if (tag == 0) {
      v.reset();
      return true;
    }
    T inner{};
    if (!Codec<T>::decode(r, inner)) {
      return false;
    }
    v = std::move(inner);
    return true;
  }
};

template <class T>
requires(!std::same_as<T, std::uint8_t>) struct Codec<std::vector<T>> {
  static void encode(ByteWriter& w, const std::vector<T>& v) {
    write_uint(w, v.size());
    for (const T& item : v) {
      Codec<T>::encode(w, item);
    }
  }
  static bool decode(ByteReader& r, std::vector<T>& v) {
    std::uint64_t count = 0;
    if (!read_uint(r, count) || count > kMaxSequenceLength || count > r.remaining()) {
      return false;
    }
    v.clear();
    v.reserve(static_cast<std::size_t>(count));
    for (std::uint64_t i = 0; i < count; ++i) {
      T item{};
      if (!Codec<T>::decode(r, item)) {
        return false;
      }
      v.push_back(std::move(item));
    }
    return true;
  }
};

template <BareStruct T>
struct Codec<T> {
  static void encode(ByteWriter& w, const T& v) {
    std::apply([&](auto... member) { (encode_member(w, v.*member), ...); }, T::bare_fields);
  }
  static bool decode(ByteReader& r, T& v) {
    return std::apply([&](auto... member) { return (decode_member(r, v.*member) && ...); },
                      T::bare_fields);
  }

 private:
  template <class F>
  static void encode_member(ByteWriter& w, const F& f) {
    Codec<F>::encode(w, f);
  }
  template <class F>
  static bool decode_member(ByteReader& r, F& f) {
    return Codec<F>::decode(r, f);
  }
};

/// encode returns the BARE bytes of `value`.
template <Encodable T>
Bytes encode(const T& value) {
  ByteWriter w;
  Codec<T>::encode(w, value);
  return w.take();
}

/// decode parses exactly one `T` from `data`; truncated input or trailing bytes fail with kParse.
template <Encodable T>
Result<T> decode(ByteView data) {
  ByteReader r(data);
  T value{};
  if (!Codec<T>::decode(r, value)) {
    return Error(Origin::kCore, Kind::kParse, "malformed BARE message");
  }
  if (auto end = r.expect_end(); !end) {
    return end.error();
  }
  return value;
}

}  // namespace ockam::bare
