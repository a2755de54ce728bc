#pragma once

#include <utility>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"
#include "ockam/crypto/hash.hpp"
#include "ockam/noise/cipher_state.hpp"

namespace ockam::noise {

/// SymmetricState is the chaining key ck, the handshake hash h and a CipherState
/// (Noise spec §5.2).
class SymmetricState {
 public:
  /// InitializeSymmetric(protocol_name): h = the name zero-padded to HASHLEN if it fits, else
  /// HASH(name); ck = h; no cipher key. (Ockam's 32-byte name is thus used as is.)
  SymmetricState(ByteView protocol_name, CipherAlgorithm cipher, crypto::HashAlgorithm hash);

  /// MixKey(ikm): ck, temp_k = HKDF(ck, ikm, 2); InitializeKey(temp_k truncated to 32 bytes).
  Result<void> mix_key(ByteView input_key_material);
  /// MixHash(data): h = HASH(h || data).
  void mix_hash(ByteView data);
  /// MixKeyAndHash(ikm): ck, temp_h, temp_k = HKDF(ck, ikm, 3); MixHash(temp_h);
  /// InitializeKey(temp_k truncated).
  Result<void> mix_key_and_hash(ByteView input_key_material);
  /// GetHandshakeHash(): h, valid until the next call that mixes into the state.
  ByteView handshake_hash() const noexcept { return h_; }
  bool has_key() const noexcept { return cipher_.has_key(); }

  /// EncryptAndHash(plaintext): appends EncryptWithAd(h, plaintext) to `out`, then MixHash of it.
  Result<void> encrypt_and_hash(ByteView plaintext, Bytes& out);
  /// DecryptAndHash(ciphertext): appends DecryptWithAd(h, ciphertext) to `out`, then MixHash of
  /// the ciphertext. kProtocol on authentication failure.
  Result<void> decrypt_and_hash(ByteView ciphertext, Bytes& out);
  /// Split(): two CipherStates from HKDF(ck, empty, 2), in the spec's order (c1, c2).
  Result<std::pair<CipherState, CipherState>> split() const;

 private:
  crypto::HashAlgorithm hash_;
  CipherState cipher_;
  SecretBytes ck_;
  Bytes h_;
};

}  // namespace ockam::noise
