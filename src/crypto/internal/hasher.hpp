#pragma once

#include <cstdint>
#include <span>

#include "crypto/internal/openssl_ptr.hpp"
#include "ockam/core/bytes.hpp"
#include "ockam/crypto/hash.hpp"

namespace ockam::crypto::internal {

/// Hasher computes one digest incrementally over OpenSSL EVP. OpenSSL digest calls fail only
/// when memory runs out; like std::bad_alloc under -fno-exceptions, that aborts the process.
class Hasher {
 public:
  explicit Hasher(HashAlgorithm algorithm);
  void update(ByteView data);
  /// Writes the digest to `out`, which must be hash_length(algorithm) bytes. The hasher is
  /// then reset for a new digest of the same algorithm.
  void finish(std::span<std::uint8_t> out);

 private:
  HashAlgorithm algorithm_;
  MdCtxPtr ctx_;
};

/// check_openssl aborts when an OpenSSL call that can fail only on allocation failure fails.
void check_openssl(int status) noexcept;

}  // namespace ockam::crypto::internal
