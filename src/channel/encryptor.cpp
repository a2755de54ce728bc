#include "ockam/channel/encryptor.hpp"

#include <limits>

#include "ockam/channel/constants.hpp"

namespace ockam::channel {

Result<void> Encryptor::encrypt(ByteView plaintext, Bytes& out) {
  if (nonce_ == std::numeric_limits<std::uint64_t>::max()) {
    return Error(Origin::kChannel, Kind::kResourceExhausted, "the channel's nonces are exhausted");
  }
  if (nonce_ > 0 && nonce_ % kKeyRenewalInterval == 0) {
    auto next = key_.rekey();
    if (!next) {
      return next.error();
    }
    key_ = std::move(*next);
  }
  auto sealed = key_.seal(nonce_, plaintext, out);
  if (sealed) {
    ++nonce_;
  }
  return sealed;
}

}  // namespace ockam::channel
