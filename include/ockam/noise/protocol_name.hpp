#pragma once

#include <string>
#include <string_view>

#include "ockam/core/result.hpp"
#include "ockam/crypto/hash.hpp"
#include "ockam/noise/cipher_state.hpp"
#include "ockam/noise/dh.hpp"
#include "ockam/noise/handshake_pattern.hpp"

namespace ockam::noise {

/// Ockam's production protocol name. Its 32 bytes are the initial h and ck (no hashing), and it
/// means XX, 25519, AES-256-GCM, SHA-256, an empty prologue and a reversed Split().
inline constexpr std::string_view kOckamProtocolName = "OCKAM_XX_25519_AES256_GCM_SHA256";

/// ProtocolName is a parsed protocol name (Noise spec §8): `Noise_<pattern>_<dh>_<cipher>_<hash>`
/// or Ockam's `OCKAM_XX_25519_AES256_GCM_SHA256` profile.
struct ProtocolName {
  /// The exact name, whose bytes initialize the SymmetricState.
  std::string text;
  HandshakePattern pattern;
  DhAlgorithm dh = DhAlgorithm::k25519;
  CipherAlgorithm cipher = CipherAlgorithm::kAesGcm;
  crypto::HashAlgorithm hash = crypto::HashAlgorithm::kSha256;
  /// Ockam's profile: the initiator sends with the second Split() key and receives with the
  /// first (Noise specifies the opposite).
  bool reversed_split = false;

  /// parse reads a protocol name. kUnsupported for well-formed names with algorithms or
  /// patterns this library lacks (448 is supported; P256, XChaChaPoly, hybrid `25519+448`,
  /// fallback, hfs and the pre-revision-32 `NoisePSK_` prefix are not); kParse otherwise.
  static Result<ProtocolName> parse(std::string_view name);
};

}  // namespace ockam::noise
