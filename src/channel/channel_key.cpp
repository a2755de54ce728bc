#include "ockam/channel/channel_key.hpp"

#include <array>
#include <limits>

#include "ockam/channel/constants.hpp"

namespace ockam::channel {
namespace {

void store_u64_be(std::uint64_t value, std::uint8_t* at) {
  for (std::size_t i = 0; i < 8; ++i) {
    at[i] = static_cast<std::uint8_t>(value >> (8 * (7 - i)));
  }
}

crypto::AeadNonce gcm_nonce(std::uint64_t nonce) {
  crypto::AeadNonce out{};
  store_u64_be(nonce, out.data() + 4);
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

Result<void> ChannelKey::seal_in_place(std::uint64_t nonce, Bytes& buffer,
                                       std::size_t start) const {
  const std::size_t body = start + kNonceLength;
  const std::size_t plaintext_size = buffer.size() - body;
  store_u64_be(nonce, buffer.data() + start);
  buffer.resize(buffer.size() + crypto::kAeadTagLength);
  const std::span<std::uint8_t> data(buffer.data() + body, plaintext_size);
  const std::span<std::uint8_t, crypto::kAeadTagLength> tag(data.data() + data.size(),
                                                            crypto::kAeadTagLength);
  auto sealed = aead_->encrypt_in_place(gcm_nonce(nonce), {}, data, tag);
  if (!sealed) {
    secure_wipe(std::span(buffer).subspan(start));
    buffer.resize(start);
  }
  return sealed;
}

Result<void> ChannelKey::open_in_place(std::uint64_t nonce, std::span<std::uint8_t> sealed) const {
  if (sealed.size() < crypto::kAeadTagLength) {
    return Error(Origin::kCrypto, Kind::kProtocol, "AEAD authentication failed");
  }
  const std::size_t body_length = sealed.size() - crypto::kAeadTagLength;
  const std::span<const std::uint8_t, crypto::kAeadTagLength> tag(sealed.data() + body_length,
                                                                  crypto::kAeadTagLength);
  return aead_->decrypt_in_place(gcm_nonce(nonce), {}, sealed.first(body_length), tag);
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
