#include "ockam/channel/encryptor.hpp"

#include <limits>

#include "ockam/channel/constants.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::channel {
namespace {

/// Drops a plaintext that will not be sent, leaving no copy of it in the buffer.
void discard(Bytes& buffer, std::size_t start) {
  secure_wipe(std::span(buffer).subspan(start));
  buffer.resize(start);
}

}  // namespace

Result<void> Encryptor::encrypt(ByteView plaintext, Bytes& out) {
  const std::size_t start = out.size();
  out.reserve(start + kNonceLength + plaintext.size() + crypto::kAeadTagLength);
  out.resize(start + kNonceLength);
  out.insert(out.end(), plaintext.begin(), plaintext.end());
  return encrypt_in_place(out, start);
}

Result<void> Encryptor::encrypt_in_place(Bytes& buffer, std::size_t start) {
  if (nonce_ == std::numeric_limits<std::uint64_t>::max()) {
    discard(buffer, start);
    return Error(Origin::kChannel, Kind::kResourceExhausted, "the channel's nonces are exhausted");
  }
  if (nonce_ > 0 && nonce_ % kKeyRenewalInterval == 0) {
    auto next = key_.rekey();
    if (!next) {
      discard(buffer, start);
      return next.error();
    }
    key_ = std::move(*next);
  }
  auto sealed = key_.seal_in_place(nonce_, buffer, start);
  if (sealed) {
    ++nonce_;
  }
  return sealed;
}

}  // namespace ockam::channel
