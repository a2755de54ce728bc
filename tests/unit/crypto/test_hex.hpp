#pragma once

#include <string_view>

#include "ockam/core/bytes.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::crypto::test {

/// hex decodes a literal known to be valid hexadecimal (test data only).
inline Bytes hex(std::string_view text) {
  return from_hex(text).value();
}

/// secret decodes a hexadecimal literal into SecretBytes.
inline SecretBytes secret(std::string_view text) {
  return SecretBytes(ByteView(hex(text)));
}

}  // namespace ockam::crypto::test
