#include "ockam/channel/decryptor.hpp"

#include "ockam/core/byte_reader.hpp"
#include "ockam/crypto/aead.hpp"

namespace ockam::channel {

Result<std::uint64_t> Decryptor::decrypt(ByteView ciphertext, Bytes& out) {
  static const Error kRejected(Origin::kChannel, Kind::kProtocol, "message rejected by decryptor");
  ByteReader reader(ciphertext);
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
  std::size_t before = out.size();
  if (!(*key)->open(nonce, reader.rest(), out)) {
    out.resize(before);
    ++rejected_;
    return kRejected;
  }
  nonces_ = *window;
  keys_.commit(std::move(*key));
  return nonce;
}

}  // namespace ockam::channel
