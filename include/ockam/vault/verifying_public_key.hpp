#pragma once

#include "ockam/core/bytes.hpp"
#include "ockam/vault/signing_key_type.hpp"

namespace ockam::vault {

/// VerifyingPublicKey is the public half of a signing key and its algorithm: 32 bytes for
/// Ed25519, 65 bytes (SEC1 uncompressed) for P-256. Public, so it may be logged.
struct VerifyingPublicKey {
  SigningKeyType type = SigningKeyType::kEd25519;
  Bytes key;

  friend bool operator==(const VerifyingPublicKey&, const VerifyingPublicKey&) = default;
};

}  // namespace ockam::vault
