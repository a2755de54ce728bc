#include "ockam/crypto/hmac.hpp"

#include "crypto/internal/hmac_state.hpp"

namespace ockam::crypto {

namespace internal {

namespace {
constexpr std::uint8_t kInnerPad = 0x36;
constexpr std::uint8_t kOuterPad = 0x5c;
}  // namespace

HmacState::HmacState(HashAlgorithm algorithm, ByteView key)
    : algorithm_(algorithm), inner_(algorithm), outer_pad_(hash_block_length(algorithm)) {
  // The block-length key: a longer key is hashed first, a shorter one is zero-padded.
  SecretBytes block_key(hash_block_length(algorithm));
  std::span<std::uint8_t> block = block_key.expose_secret_mut();
  if (key.size() > block.size()) {
    inner_.update(key);
    inner_.finish(block.first(hash_length(algorithm)));
  } else {
    std::copy(key.begin(), key.end(), block.begin());
  }
  std::span<std::uint8_t> outer = outer_pad_.expose_secret_mut();
  for (std::size_t i = 0; i < block.size(); ++i) {
    outer[i] = static_cast<std::uint8_t>(block[i] ^ kOuterPad);
    block[i] = static_cast<std::uint8_t>(block[i] ^ kInnerPad);
  }
  inner_.update(block);
}

SecretBytes HmacState::finish() {
  SecretBytes inner_digest(hash_length(algorithm_));
  inner_.finish(inner_digest.expose_secret_mut());
  Hasher outer(algorithm_);
  outer.update(outer_pad_.expose_secret());
  outer.update(inner_digest.expose_secret());
  SecretBytes mac(hash_length(algorithm_));
  outer.finish(mac.expose_secret_mut());
  return mac;
}

}  // namespace internal

SecretBytes hmac(HashAlgorithm algorithm, ByteView key, ByteView data) {
  internal::HmacState state(algorithm, key);
  state.update(data);
  return state.finish();
}

}  // namespace ockam::crypto
