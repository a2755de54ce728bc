#pragma once

#include <cstddef>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"
#include "ockam/crypto/hash.hpp"

namespace ockam::crypto {

/// Noise HKDF (spec §4.3): returns 2 or 3 outputs of hash_length each.
/// `outputs` must be 2 or 3; any other value is clamped into that range.
std::vector<SecretBytes> noise_hkdf(HashAlgorithm algorithm, ByteView chaining_key,
                                    ByteView input_key_material, std::size_t outputs);

/// RFC 5869 HKDF-SHA256 (extract with salt, expand with info) of `length` bytes.
/// Fails with kInvalid when `length` exceeds 255 * 32.
Result<SecretBytes> hkdf_sha256(ByteView salt, ByteView ikm, ByteView info, std::size_t length);

}  // namespace ockam::crypto
