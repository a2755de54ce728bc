#include "ockam/channel/channel_key.hpp"

#include <array>
#include <limits>

#include "ockam/channel/constants.hpp"
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
  // The plaintext is copied once, behind the nonce, and sealed where it lies: no zero-filling
  // of the body and no second copy.
  const std::size_t start = out.size();
  const std::size_t body = start + kNonceLength;
  ByteWriter writer(std::move(out));
  writer.reserve(body + plaintext.size() + crypto::kAeadTagLength);
  writer.write_u64_be(nonce);
  writer.write_bytes(plaintext);
  out = writer.take();
  out.resize(body + plaintext.size() + crypto::kAeadTagLength);
  const std::span<std::uint8_t> data(out.data() + body, plaintext.size());
  const std::span<std::uint8_t, crypto::kAeadTagLength> tag(data.data() + data.size(),
                                                            crypto::kAeadTagLength);
  auto sealed = aead_->encrypt_in_place(gcm_nonce(nonce), {}, data, tag);
  if (!sealed) {
    secure_wipe(data);
    out.resize(start);
  }
  return sealed;
}

Result<void> ChannelKey::open(std::uint64_t nonce, ByteView ciphertext, Bytes& out) const {
  return aead_->decrypt(gcm_nonce(nonce), {}, ciphertext, out);
}

Result<ChannelKey> ChannelKey::rekey() const {
  // Sealed in place on the stack: the new key never sits in a heap buffer.
  std::array<std::uint8_t, crypto::kAeadKeyLength> block{};
  std::array<std::uint8_t, crypto::kAeadTagLength> tag{};
  auto encrypted =
      aead_->encrypt_in_place(gcm_nonce(std::numeric_limits<std::uint64_t>::max()), {}, block, tag);
  SecretBytes next{ByteView(block)};
  secure_wipe(block);
  if (!encrypted) {
    return encrypted.error();
  }
  return create(std::move(next));
}

}  // namespace ockam::channel
