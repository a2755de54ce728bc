#pragma once

#include <array>
#include <cstdint>

#include "ockam/core/bytes.hpp"

namespace ockam::internal {

/// SipHashKey is SipHash's secret 128-bit key, as two little-endian 64-bit halves.
struct SipHashKey {
  std::uint64_t k0 = 0;
  std::uint64_t k1 = 0;
};

/// siphash returns SipHash-c-d (Aumasson and Bernstein) of `data` under `key`: a keyed hash
/// whose collisions a peer cannot choose without the key. Address hashes use SipHash-1-3 (what
/// Rust's HashMap uses against hash flooding); SipHash-2-4 is the original, tested against
/// libsodium's crypto_shorthash.
template <int kCompressionRounds, int kFinalizationRounds>
std::uint64_t siphash(const SipHashKey& key, ByteView data) noexcept;

extern template std::uint64_t siphash<1, 3>(const SipHashKey&, ByteView) noexcept;
extern template std::uint64_t siphash<2, 4>(const SipHashKey&, ByteView) noexcept;

}  // namespace ockam::internal
