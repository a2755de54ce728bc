#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "ockam/core/result.hpp"

namespace ockam::identity {

/// Identifier names an identity: the 32-byte SHA-256 of the data of its first change (Ockam:
/// models/identifiers.rs). Its text form is "I" followed by 64 lowercase hex digits.
class Identifier {
 public:
  /// Length of an identifier in bytes.
  static constexpr std::size_t kLength = 32;

  /// The all-zero identifier (names no real identity; for default-constructed values).
  Identifier() = default;
  /// The identifier with the given 32 bytes.
  explicit Identifier(const std::array<std::uint8_t, kLength>& bytes) noexcept : bytes_(bytes) {}

  /// parse reads "I" + 64 lowercase hex digits; anything else is a kParse error.
  static Result<Identifier> parse(std::string_view text);

  /// The 32 bytes (the CBOR form is these as a byte string).
  const std::array<std::uint8_t, kLength>& bytes() const noexcept { return bytes_; }
  /// Returns the text form, "I" + 64 lowercase hex digits.
  std::string to_string() const;

  friend bool operator==(const Identifier&, const Identifier&) = default;
  friend auto operator<=>(const Identifier&, const Identifier&) = default;

 private:
  std::array<std::uint8_t, kLength> bytes_{};
};

}  // namespace ockam::identity

/// Hashes an identifier (its bytes are already uniformly distributed).
template <>
struct std::hash<ockam::identity::Identifier> {
  std::size_t operator()(const ockam::identity::Identifier& id) const noexcept {
    std::size_t h = 0;
    for (std::size_t i = 0; i < sizeof(std::size_t); ++i) {
      h = (h << 8) | id.bytes()[i];
    }
    return h;
  }
};
