#include "ockam/channel/channel_key.hpp"

#include <array>
#include <limits>

#include "ockam/core/byte_writer.hpp"

namespace ockam::channel {
namespace {

crypto::AeadNonce gcm_nonce(std::uint64_t nonce) {
  crypto::AeadNonce out{};
  for (std::size_t i = 0; i < 8; ++i) {
    out[4 + i] = static_cast<std::uint8_t>(nonce >> (8 * (7 - i)));
  }
  return out;
}

}  // namespace

Result<ChannelKey> ChannelKey::create(SecretBytes key) {
  auto aead = crypto::AesGcm::create(key.expose_secret());
  if (!aead) {
    return aead.error();
  }
  return ChannelKey(std::move(key), std::move(*aead));
}

Result<void> ChannelKey::seal(std::uint64_t nonce, ByteView plaintext, Bytes& out) const {
  ByteWriter writer(std::move(out));
  writer.reserve(writer.size() + 8 + plaintext.size() + crypto::kAeadTagLength);
  writer.write_u64_be(nonce);
  out = writer.take();
  return aead_->encrypt(gcm_nonce(nonce), {}, plaintext, out);
}

Result<void> ChannelKey::open(std::uint64_t nonce, ByteView ciphertext, Bytes& out) const {
  return aead_->decrypt(gcm_nonce(nonce), {}, ciphertext, out);
}

Result<ChannelKey> ChannelKey::rekey() const {
  std::array<std::uint8_t, 32> zeros{};
  Bytes sealed;
  auto encrypted =
      aead_->encrypt(gcm_nonce(std::numeric_limits<std::uint64_t>::max()), {}, zeros, sealed);
  if (!encrypted) {
    return encrypted.error();
  }
  SecretBytes next(ByteView(sealed).first(32));
  secure_wipe(sealed);
  return create(std::move(next));
}

}  // namespace ockam::channel
