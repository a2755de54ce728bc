#include "ockam/noise/symmetric_state.hpp"

#include <algorithm>

#include "ockam/crypto/hkdf.hpp"
#include "ockam/noise/constants.hpp"

namespace ockam::noise {

namespace {

/// A cipher key from an HKDF output: its first 32 bytes (spec §5.2, for HASHLEN 64).
SecretBytes truncate_key(const SecretBytes& output) {
  return SecretBytes(output.expose_secret().first(kCipherKeyLength));
}

}  // namespace

SymmetricState::SymmetricState(ByteView protocol_name, CipherAlgorithm cipher,
                               crypto::HashAlgorithm hash)
    : hash_(hash), cipher_(cipher) {
  const std::size_t hash_length = crypto::hash_length(hash);
  if (protocol_name.size() <= hash_length) {
    h_.assign(hash_length, 0);
    std::copy(protocol_name.begin(), protocol_name.end(), h_.begin());
  } else {
    h_ = crypto::hash(hash, protocol_name);
  }
  ck_ = SecretBytes(ByteView(h_));
}

Result<void> SymmetricState::mix_key(ByteView input_key_material) {
  std::vector<SecretBytes> outputs =
      crypto::noise_hkdf(hash_, ck_.expose_secret(), input_key_material, 2);
  ck_ = std::move(outputs[0]);
  return cipher_.initialize_key(truncate_key(outputs[1]));
}

void SymmetricState::mix_hash(ByteView data) {
  h_ = crypto::hash(hash_, h_, data);
}

Result<void> SymmetricState::mix_key_and_hash(ByteView input_key_material) {
  std::vector<SecretBytes> outputs =
      crypto::noise_hkdf(hash_, ck_.expose_secret(), input_key_material, 3);
  ck_ = std::move(outputs[0]);
  mix_hash(outputs[1].expose_secret());
  return cipher_.initialize_key(truncate_key(outputs[2]));
}

Result<void> SymmetricState::encrypt_and_hash(ByteView plaintext, Bytes& out) {
  const std::size_t start = out.size();
  if (Result<void> sealed = cipher_.encrypt_with_ad(h_, plaintext, out); !sealed) {
    return sealed;
  }
  mix_hash(ByteView(out).subspan(start));
  return ok();
}

Result<void> SymmetricState::decrypt_and_hash(ByteView ciphertext, Bytes& out) {
  if (Result<void> opened = cipher_.decrypt_with_ad(h_, ciphertext, out); !opened) {
    return opened;
  }
  mix_hash(ciphertext);
  return ok();
}

Result<std::pair<CipherState, CipherState>> SymmetricState::split() const {
  std::vector<SecretBytes> outputs = crypto::noise_hkdf(hash_, ck_.expose_secret(), {}, 2);
  CipherState first(cipher_.algorithm());
  CipherState second(cipher_.algorithm());
  if (Result<void> keyed = first.initialize_key(truncate_key(outputs[0])); !keyed) {
    return keyed.error();
  }
  if (Result<void> keyed = second.initialize_key(truncate_key(outputs[1])); !keyed) {
    return keyed.error();
  }
  return std::make_pair(std::move(first), std::move(second));
}

}  // namespace ockam::noise
