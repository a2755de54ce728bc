#pragma once

#include <array>
#include <cstdint>

#include "ockam/core/bytes.hpp"

namespace ockam::crypto {

/// Sha256Digest is a 32-byte SHA-256 output.
using Sha256Digest = std::array<std::uint8_t, 32>;

/// sha256 returns the SHA-256 digest of `data`.
Sha256Digest sha256(ByteView data);

}  // namespace ockam::crypto
