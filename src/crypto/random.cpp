#include "ockam/crypto/random.hpp"

#include "crypto/internal/sodium_init.hpp"

namespace ockam::crypto {

void random_fill(std::span<std::uint8_t> out) {
  internal::ensure_sodium_initialized();
  if (!out.empty()) {
    randombytes_buf(out.data(), out.size());
  }
}

Bytes random_bytes(std::size_t count) {
  Bytes out(count);
  random_fill(out);
  return out;
}

}  // namespace ockam::crypto
