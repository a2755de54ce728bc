#include "ockam/channel/x3dh_signed_prekey.hpp"

namespace ockam::channel {
namespace {

Result<std::shared_ptr<const X3dhSignedPrekey>> sign_prekey(
    const vault::Vault& vault, const vault::X25519KeyHandle& identity_key,
    crypto::X25519KeyPair pair) {
  auto identity_public = vault.x25519_public_key(identity_key);
  if (!identity_public) {
    return identity_public.error();
  }
  auto signature = vault.x25519_xeddsa_sign(identity_key, pair.public_key);
  if (!signature) {
    return signature.error();
  }
  return std::make_shared<const X3dhSignedPrekey>(identity_key, *identity_public, std::move(pair),
                                                  *signature);
}

}  // namespace

Result<std::shared_ptr<const X3dhSignedPrekey>> X3dhSignedPrekey::create(
    const vault::Vault& vault, const vault::X25519KeyHandle& identity_key) {
  return sign_prekey(vault, identity_key, crypto::x25519_generate());
}

Result<std::shared_ptr<const X3dhSignedPrekey>> X3dhSignedPrekey::from_secret_for_testing(
    const vault::Vault& vault, const vault::X25519KeyHandle& identity_key, ByteView secret) {
  auto pair = crypto::x25519_from_secret(secret);
  if (!pair) {
    return pair.error();
  }
  return sign_prekey(vault, identity_key, std::move(*pair));
}

Result<SecretBytes> X3dhSignedPrekey::dh(ByteView peer_public) const {
  return crypto::x25519_dh(pair_.secret_key, peer_public);
}

}  // namespace ockam::channel
