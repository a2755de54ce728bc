#include "ockam/channel/x3dh_initiator.hpp"

#include <algorithm>

#include "channel/internal/x3dh_dh.hpp"
#include "ockam/channel/constants.hpp"
#include "ockam/core/byte_reader.hpp"
#include "ockam/crypto/xeddsa.hpp"

namespace ockam::channel {
namespace {

/// Copies the next N bytes of `reader` into `out`; false when fewer remain.
template <std::size_t N>
bool read_array(ByteReader& reader, std::array<std::uint8_t, N>& out) {
  ByteView bytes;
  if (!reader.read_bytes(N, bytes)) {
    return false;
  }
  std::copy(bytes.begin(), bytes.end(), out.begin());
  return true;
}

}  // namespace

Result<X3dhInitiator> X3dhInitiator::create(std::shared_ptr<const vault::Vault> vault,
                                            vault::X25519KeyHandle identity_key) {
  return with_ephemeral(std::move(vault), std::move(identity_key), crypto::x25519_generate());
}

Result<X3dhInitiator> X3dhInitiator::create_for_testing(std::shared_ptr<const vault::Vault> vault,
                                                        vault::X25519KeyHandle identity_key,
                                                        ByteView ephemeral_secret) {
  auto ephemeral = crypto::x25519_from_secret(ephemeral_secret);
  if (!ephemeral) {
    return ephemeral.error();
  }
  return with_ephemeral(std::move(vault), std::move(identity_key), std::move(*ephemeral));
}

Result<X3dhInitiator> X3dhInitiator::with_ephemeral(std::shared_ptr<const vault::Vault> vault,
                                                    vault::X25519KeyHandle identity_key,
                                                    crypto::X25519KeyPair ephemeral) {
  auto identity_public = vault->x25519_public_key(identity_key);
  if (!identity_public) {
    return identity_public.error();
  }
  return X3dhInitiator(std::move(vault), std::move(identity_key), *identity_public,
                       std::move(ephemeral));
}

Bytes X3dhInitiator::message1() const {
  Bytes message(identity_public_.begin(), identity_public_.end());
  message.insert(message.end(), ephemeral_.public_key.begin(), ephemeral_.public_key.end());
  return message;
}

Result<X3dhKeys> X3dhInitiator::read_message2(ByteView message) {
  if (used_) {
    return Error(Origin::kChannel, Kind::kMisuse, "the X3DH initiator already read message 2");
  }
  used_ = true;
  auto keys = derive(message);
  ephemeral_.secret_key = SecretBytes();  // EK_A is used once
  return keys;
}

Result<X3dhKeys> X3dhInitiator::derive(ByteView message) {
  if (message.size() != x3dh::kMessage2Length) {
    return Error(Origin::kChannel, Kind::kProtocol, "the X3DH prekey bundle is not 160 bytes");
  }
  ByteReader reader(message);
  vault::X25519PublicKey identity_key{};
  vault::X25519PublicKey signed_prekey{};
  crypto::XEdDsaSignature signature{};
  vault::X25519PublicKey one_time_prekey{};
  if (!read_array(reader, identity_key) || !read_array(reader, signed_prekey) ||
      !read_array(reader, signature) || !read_array(reader, one_time_prekey) || !reader.empty()) {
    return Error(Origin::kChannel, Kind::kProtocol, "the X3DH prekey bundle is not 160 bytes");
  }
  if (!crypto::xeddsa_verify(identity_key, signed_prekey, signature)) {
    return Error(Origin::kChannel, Kind::kProtocol, "the X3DH prekey signature does not verify");
  }
  auto dh1 = internal::x3dh_dh(vault_->x25519_ecdh(identity_key_, signed_prekey));
  auto dh2 = internal::x3dh_dh(crypto::x25519_dh(ephemeral_.secret_key, identity_key));
  auto dh3 = internal::x3dh_dh(crypto::x25519_dh(ephemeral_.secret_key, signed_prekey));
  auto dh4 = internal::x3dh_dh(crypto::x25519_dh(ephemeral_.secret_key, one_time_prekey));
  for (const auto* result : {&dh1, &dh2, &dh3, &dh4}) {
    if (!*result) {
      return result->error();
    }
  }
  return derive_x3dh_keys(noise::Role::kInitiator, *dh1, *dh2, *dh3, *dh4, identity_key);
}

}  // namespace ockam::channel
