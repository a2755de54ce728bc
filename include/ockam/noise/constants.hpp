#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

namespace ockam::noise {

/// Largest Noise message, handshake or transport, in bytes (Noise spec §3).
inline constexpr std::size_t kMaxMessageLength = 65535;

/// The nonce value Noise reserves (spec §5.1): a CipherState refuses to encrypt or decrypt with
/// it, and Rekey() uses it.
inline constexpr std::uint64_t kReservedNonce = std::numeric_limits<std::uint64_t>::max();

/// Length of a CipherState key in bytes (spec §5.1; longer HKDF outputs are truncated).
inline constexpr std::size_t kCipherKeyLength = 32;

}  // namespace ockam::noise
