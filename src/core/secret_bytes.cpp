#include "ockam/core/secret_bytes.hpp"

#include <sodium.h>

namespace ockam {

SecretBytes::SecretBytes(SecretBytes&& other) noexcept : bytes_(std::move(other.bytes_)) {
  other.wipe();
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    wipe();
    bytes_ = std::move(other.bytes_);
    other.wipe();
  }
  return *this;
}

void SecretBytes::wipe() noexcept {
  secure_wipe(bytes_);
  bytes_.clear();
}

bool ct_equal(ByteView a, ByteView b) noexcept {
  if (a.size() != b.size()) {
    return false;
  }
  if (a.empty()) {
    return true;
  }
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool ct_is_zero(ByteView data) noexcept {
  return sodium_is_zero(data.data(), data.size()) == 1;
}

void secure_wipe(std::span<std::uint8_t> data) noexcept {
  if (!data.empty()) {
    sodium_memzero(data.data(), data.size());
  }
}

}  // namespace ockam
