#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "ockam/core/bytes.hpp"

namespace ockam::crypto {

/// random_fill fills `out` with bytes from the operating system's CSPRNG (libsodium).
void random_fill(std::span<std::uint8_t> out);

/// random_bytes returns `count` fresh random bytes.
Bytes random_bytes(std::size_t count);

}  // namespace ockam::crypto
