#include "ockam/channel/x3dh_keys.hpp"

#include <algorithm>

#include "ockam/channel/constants.hpp"
#include "ockam/crypto/hkdf.hpp"
#include "ockam/crypto/sha256.hpp"

namespace ockam::channel {
namespace {

constexpr std::size_t kKeyLength = 32;
constexpr std::size_t kPrefixLength = 32;  // F = 32×0xFF separates the KDF from XEdDSA

}  // namespace

Result<X3dhKeys> derive_x3dh_keys(noise::Role role, const SecretBytes& dh1, const SecretBytes& dh2,
                                  const SecretBytes& dh3, const SecretBytes& dh4,
                                  const vault::X25519PublicKey& their_identity_key) {
  const SecretBytes* results[] = {&dh1, &dh2, &dh3, &dh4};
  // SHA256(info) || F || DH1..DH4: the input of h, whose tail is the KDF's IKM.
  const crypto::Sha256Digest info_hash = crypto::sha256(x3dh::kInfo);
  SecretBytes hash_input(info_hash.size() + kPrefixLength + 4 * kKeyLength);
  auto out = hash_input.expose_secret_mut();
  std::copy(info_hash.begin(), info_hash.end(), out.begin());
  std::fill_n(out.begin() + info_hash.size(), kPrefixLength, 0xFF);
  std::size_t offset = info_hash.size() + kPrefixLength;
  for (const SecretBytes* result : results) {
    if (result->size() != kKeyLength) {
      return Error(Origin::kChannel, Kind::kInvalid, "X3DH results must be 32 bytes");
    }
    std::copy_n(result->expose_secret().begin(), kKeyLength, out.begin() + offset);
    offset += kKeyLength;
  }
  const ByteView ikm = hash_input.expose_secret().subspan(info_hash.size());
  const std::array<std::uint8_t, 32> salt{};
  auto okm = crypto::hkdf_sha256(salt, ikm, x3dh::kInfo, 2 * kKeyLength);
  if (!okm) {
    return okm.error();
  }
  SecretBytes first(okm->expose_secret().first(kKeyLength));
  SecretBytes second(okm->expose_secret().subspan(kKeyLength));
  X3dhKeys keys;
  if (role == noise::Role::kInitiator) {
    keys.encrypt_key = std::move(second);
    keys.decrypt_key = std::move(first);
  } else {
    keys.encrypt_key = std::move(first);
    keys.decrypt_key = std::move(second);
  }
  keys.h = crypto::sha256(hash_input.expose_secret());
  keys.their_identity_key = their_identity_key;
  return keys;
}

}  // namespace ockam::channel
