#pragma once

#include "ockam/core/bytes.hpp"
#include "ockam/core/secret_bytes.hpp"
#include "ockam/crypto/hash.hpp"

namespace ockam::crypto {

/// hmac returns HMAC(key, data) over `algorithm` (RFC 2104; hash_length(algorithm) bytes).
SecretBytes hmac(HashAlgorithm algorithm, ByteView key, ByteView data);

}  // namespace ockam::crypto
