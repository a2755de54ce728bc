#pragma once

#include <cstddef>
#include <cstdint>

namespace ockam::vault {

/// SigningKeyType names the signature algorithms of identity keys (Ockam's
/// `EdDSACurve25519` and `ECDSASHA256CurveP256`).
enum class SigningKeyType : std::uint8_t {
  kEd25519,
  kP256,
};

/// Length of an Ed25519 public key in bytes.
inline constexpr std::size_t kEd25519PublicKeyLength = 32;
/// Length of a P-256 public key in bytes (SEC1 uncompressed: 0x04 || x || y).
inline constexpr std::size_t kP256PublicKeyLength = 65;
/// Length of a signature of either type in bytes (Ed25519, or P-256 as r || s).
inline constexpr std::size_t kSignatureLength = 64;

/// public_key_length returns the length of a public key of `type`.
constexpr std::size_t public_key_length(SigningKeyType type) noexcept {
  return type == SigningKeyType::kEd25519 ? kEd25519PublicKeyLength : kP256PublicKeyLength;
}

}  // namespace ockam::vault
