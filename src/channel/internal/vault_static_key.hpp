#pragma once

#include <memory>

#include "ockam/noise/static_key.hpp"
#include "ockam/vault/vault.hpp"

namespace ockam::channel::internal {

/// VaultStaticKey is a Noise static key that stays in the vault: only DH results leave it.
class VaultStaticKey final : public noise::StaticKey {
 public:
  VaultStaticKey(std::shared_ptr<vault::Vault> vault, vault::X25519KeyHandle handle,
                 vault::X25519PublicKey public_key)
      : vault_(std::move(vault)), handle_(std::move(handle)), public_key_(public_key) {}

  std::array<std::uint8_t, 32> public_key() const override { return public_key_; }
  Result<SecretBytes> dh(ByteView peer_public) const override {
    return vault_->x25519_ecdh(handle_, peer_public);
  }

 private:
  std::shared_ptr<vault::Vault> vault_;
  vault::X25519KeyHandle handle_;
  vault::X25519PublicKey public_key_;
};

}  // namespace ockam::channel::internal
