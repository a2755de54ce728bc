#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "ockam/core/bytes.hpp"

namespace ockam {

/// SecretBytes holds key material. It is move-only (copies go through `clone()`), wipes its
/// memory when destroyed or moved from, and has no printing or implicit conversion. Raw access
/// goes through `expose_secret()`: grep for that name to find every place secrets are read.
class SecretBytes {
 public:
  SecretBytes() = default;
  /// Makes `size` zero bytes, to be filled through `expose_secret_mut()`.
  explicit SecretBytes(std::size_t size) : bytes_(size, 0) {}
  /// Copies `data`; the caller remains responsible for wiping its own copy.
  explicit SecretBytes(ByteView data) : bytes_(data.begin(), data.end()) {}
  ~SecretBytes() { wipe(); }

  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;

  SecretBytes clone() const { return SecretBytes(ByteView(bytes_)); }
  std::size_t size() const noexcept { return bytes_.size(); }
  bool empty() const noexcept { return bytes_.empty(); }

  ByteView expose_secret() const noexcept { return bytes_; }
  std::span<std::uint8_t> expose_secret_mut() noexcept { return bytes_; }

 private:
  void wipe() noexcept;

  std::vector<std::uint8_t> bytes_;
};

/// ct_equal compares two byte strings in time that depends only on their lengths.
bool ct_equal(ByteView a, ByteView b) noexcept;

/// ct_is_zero tells, in constant time, whether every byte of `data` is zero.
bool ct_is_zero(ByteView data) noexcept;

/// secure_wipe zeroes memory in a way the compiler cannot optimise away.
void secure_wipe(std::span<std::uint8_t> data) noexcept;

}  // namespace ockam
