#pragma once

#include <array>
#include <cstdint>

#include "ockam/vault/signing_key_type.hpp"

namespace ockam::vault {

/// Signature is a 64-byte signature and its algorithm: Ed25519, or ECDSA P-256 as r || s.
struct Signature {
  SigningKeyType type = SigningKeyType::kEd25519;
  std::array<std::uint8_t, kSignatureLength> bytes{};

  friend bool operator==(const Signature&, const Signature&) = default;
};

}  // namespace ockam::vault
