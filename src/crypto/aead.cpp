#include "ockam/crypto/aead.hpp"

#include <algorithm>

namespace ockam::crypto {

Result<void> Aead::encrypt(const AeadNonce& nonce, ByteView ad, ByteView plaintext,
                           Bytes& out) const {
  const std::size_t start = out.size();
  out.resize(start + plaintext.size() + kAeadTagLength);
  const std::span<std::uint8_t> body(out.data() + start, plaintext.size());
  std::copy(plaintext.begin(), plaintext.end(), body.begin());
  const std::span<std::uint8_t, kAeadTagLength> tag(body.data() + body.size(), kAeadTagLength);
  auto sealed = encrypt_in_place(nonce, ad, body, tag);
  if (!sealed) {
    out.resize(start);
  }
  return sealed;
}

Result<void> Aead::decrypt(const AeadNonce& nonce, ByteView ad, ByteView ciphertext,
                           Bytes& out) const {
  if (ciphertext.size() < kAeadTagLength) {
    return Error(Origin::kCrypto, Kind::kProtocol, "AEAD authentication failed");
  }
  const std::size_t body_length = ciphertext.size() - kAeadTagLength;
  const std::size_t start = out.size();
  out.insert(out.end(), ciphertext.begin(),
             ciphertext.begin() + static_cast<std::ptrdiff_t>(body_length));
  const std::span<const std::uint8_t, kAeadTagLength> tag(ciphertext.data() + body_length,
                                                          kAeadTagLength);
  auto opened = decrypt_in_place(nonce, ad, std::span(out).subspan(start), tag);
  if (!opened) {
    out.resize(start);
  }
  return opened;
}

}  // namespace ockam::crypto
