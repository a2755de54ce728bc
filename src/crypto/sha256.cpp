#include "ockam/crypto/sha256.hpp"

#include "crypto/internal/sodium_init.hpp"

namespace ockam::crypto {

Sha256Digest sha256(ByteView data) {
  internal::ensure_sodium_initialized();
  Sha256Digest digest{};
  crypto_hash_sha256(digest.data(), data.data(), data.size());
  return digest;
}

}  // namespace ockam::crypto
