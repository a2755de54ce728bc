#include "ockam/channel/decryptor.hpp"

#include "ockam/channel/constants.hpp"
#include "ockam/core/byte_reader.hpp"
#include "ockam/crypto/aead.hpp"

namespace ockam::channel {

Result<std::uint64_t> Decryptor::decrypt(ByteView ciphertext, Bytes& out) {
  const std::size_t start = out.size();
  out.insert(out.end(), ciphertext.begin(), ciphertext.end());
  auto nonce = decrypt_in_place(std::span(out).subspan(start));
  if (!nonce) {
    out.resize(start);
    return nonce;
  }
  // Keep only the plaintext between the nonce and the tag.
  out.erase(out.begin() + static_cast<std::ptrdiff_t>(start),
            out.begin() + static_cast<std::ptrdiff_t>(start + kNonceLength));
  out.resize(out.size() - crypto::kAeadTagLength);
  return nonce;
}

Result<std::uint64_t> Decryptor::decrypt_in_place(std::span<std::uint8_t> message) {
  static const Error kRejected(Origin::kChannel, Kind::kProtocol, "message rejected by decryptor");
  ByteReader reader(message);
  std::uint64_t nonce = 0;
  if (!reader.read_u64_be(nonce) || reader.remaining() < crypto::kAeadTagLength) {
    ++rejected_;
    return kRejected;
  }
  auto window = nonces_.mark(nonce);
  auto key = keys_.key_for(nonce);
  if (!window || !key) {
    ++rejected_;
    return kRejected;
  }
  if (!(*key)->open_in_place(nonce, message.subspan(kNonceLength))) {
    ++rejected_;
    return kRejected;
  }
  nonces_ = *window;
  keys_.commit(std::move(*key));
  return nonce;
}

}  // namespace ockam::channel
