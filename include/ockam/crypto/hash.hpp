#pragma once

#include <cstddef>

#include "ockam/core/bytes.hpp"

namespace ockam::crypto {

/// HashAlgorithm names the hash functions Noise uses (Noise spec §12.5-12.8).
enum class HashAlgorithm { kSha256, kSha512, kBlake2b, kBlake2s };

/// hash_length returns the output length in bytes: 32, 64, 64, 32.
std::size_t hash_length(HashAlgorithm algorithm);

/// hash_block_length returns the internal block length in bytes: 64, 128, 128, 64.
std::size_t hash_block_length(HashAlgorithm algorithm);

/// hash returns the digest of `data` (hash_length(algorithm) bytes; BLAKE2 unkeyed, full length).
Bytes hash(HashAlgorithm algorithm, ByteView data);

/// hash returns the digest of `first || second` without concatenating them in memory.
Bytes hash(HashAlgorithm algorithm, ByteView first, ByteView second);

}  // namespace ockam::crypto
