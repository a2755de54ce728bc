#include "ockam/channel/x3dh_responder.hpp"

#include <algorithm>

#include "channel/internal/x3dh_dh.hpp"
#include "ockam/channel/constants.hpp"

namespace ockam::channel {

Result<X3dhResponder> X3dhResponder::create(std::shared_ptr<const vault::Vault> vault,
                                            std::shared_ptr<const X3dhSignedPrekey> prekey) {
  return X3dhResponder(std::move(vault), std::move(prekey), crypto::x25519_generate());
}

Result<X3dhResponder> X3dhResponder::create_for_testing(
    std::shared_ptr<const vault::Vault> vault, std::shared_ptr<const X3dhSignedPrekey> prekey,
    ByteView one_time_secret) {
  auto one_time = crypto::x25519_from_secret(one_time_secret);
  if (!one_time) {
    return one_time.error();
  }
  return X3dhResponder(std::move(vault), std::move(prekey), std::move(*one_time));
}

Bytes X3dhResponder::message2() const {
  Bytes message;
  message.reserve(x3dh::kMessage2Length);
  for (ByteView part : {ByteView(prekey_->identity_public_key()), ByteView(prekey_->public_key()),
                        ByteView(prekey_->signature()), ByteView(one_time_.public_key)}) {
    message.insert(message.end(), part.begin(), part.end());
  }
  return message;
}

Result<X3dhKeys> X3dhResponder::read_message1(ByteView message) {
  if (used_) {
    return Error(Origin::kChannel, Kind::kMisuse, "the X3DH responder already read message 1");
  }
  used_ = true;
  auto keys = derive(message);
  one_time_.secret_key = SecretBytes();  // OPK_B is used once
  return keys;
}

Result<X3dhKeys> X3dhResponder::derive(ByteView message) {
  if (message.size() != x3dh::kMessage1Length) {
    return Error(Origin::kChannel, Kind::kProtocol, "the X3DH message 1 is not 64 bytes");
  }
  const ByteView identity_key = message.first(32);
  const ByteView ephemeral_key = message.subspan(32);
  auto dh1 = internal::x3dh_dh(prekey_->dh(identity_key));
  auto dh2 = internal::x3dh_dh(vault_->x25519_ecdh(prekey_->identity_key(), ephemeral_key));
  auto dh3 = internal::x3dh_dh(prekey_->dh(ephemeral_key));
  auto dh4 = internal::x3dh_dh(crypto::x25519_dh(one_time_.secret_key, ephemeral_key));
  for (const auto* result : {&dh1, &dh2, &dh3, &dh4}) {
    if (!*result) {
      return result->error();
    }
  }
  vault::X25519PublicKey their_identity_key{};
  std::copy(identity_key.begin(), identity_key.end(), their_identity_key.begin());
  return derive_x3dh_keys(noise::Role::kResponder, *dh1, *dh2, *dh3, *dh4, their_identity_key);
}

}  // namespace ockam::channel
