#pragma once

#include "crypto/internal/hasher.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::crypto::internal {

/// HmacState computes one HMAC (RFC 2104) incrementally over any HashAlgorithm.
class HmacState {
 public:
  HmacState(HashAlgorithm algorithm, ByteView key);
  void update(ByteView data) { inner_.update(data); }
  /// Returns the MAC; the state must not be used afterwards.
  SecretBytes finish();

 private:
  HashAlgorithm algorithm_;
  Hasher inner_;
  SecretBytes outer_pad_;  // block-length key XOR 0x5c
};

}  // namespace ockam::crypto::internal
