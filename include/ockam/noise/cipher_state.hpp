#pragma once

#include <cstdint>
#include <memory>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"
#include "ockam/crypto/aead.hpp"

namespace ockam::noise {

/// CipherAlgorithm names the Noise cipher functions (spec §12.3-12.4).
enum class CipherAlgorithm { kAesGcm, kChaChaPoly };

/// noise_nonce returns the 12-byte AEAD nonce for counter `n`: 4 zero bytes, then `n` as 8
/// bytes big-endian (AESGCM, also Ockam's format) or little-endian (ChaChaPoly).
crypto::AeadNonce noise_nonce(CipherAlgorithm algorithm, std::uint64_t n);

/// CipherState is a key k (possibly empty) and a nonce counter n (Noise spec §5.1). Without a
/// key, encryption and decryption pass data through unchanged. Not safe for concurrent use.
class CipherState {
 public:
  explicit CipherState(CipherAlgorithm algorithm) : algorithm_(algorithm) {}

  /// InitializeKey(k): sets a 32-byte key and n = 0. kInvalid on another length.
  Result<void> initialize_key(SecretBytes key);
  /// HasKey().
  bool has_key() const noexcept { return aead_ != nullptr; }
  /// SetNonce(n).
  void set_nonce(std::uint64_t n) noexcept { n_ = n; }
  /// The next nonce to be used.
  std::uint64_t nonce() const noexcept { return n_; }
  CipherAlgorithm algorithm() const noexcept { return algorithm_; }
  /// The raw key (empty without one), for callers that hand transport keys to another layer.
  const SecretBytes& key() const noexcept { return key_; }

  /// EncryptWithAd(ad, plaintext): appends the ciphertext to `out` and increments n.
  /// kResourceExhausted when n has reached 2^64-1 (nothing is appended).
  Result<void> encrypt_with_ad(ByteView ad, ByteView plaintext, Bytes& out);
  /// DecryptWithAd(ad, ciphertext): appends the plaintext to `out` and increments n.
  /// kProtocol on authentication failure (n unchanged), kResourceExhausted at n = 2^64-1.
  Result<void> decrypt_with_ad(ByteView ad, ByteView ciphertext, Bytes& out);
  /// Rekey(): k = the first 32 bytes of ENCRYPT(k, 2^64-1, empty, 32 zero bytes); n unchanged.
  /// kMisuse without a key.
  Result<void> rekey();

 private:
  Result<void> check_nonce() const;

  CipherAlgorithm algorithm_;
  SecretBytes key_;
  std::unique_ptr<crypto::Aead> aead_;
  std::uint64_t n_ = 0;
};

}  // namespace ockam::noise
