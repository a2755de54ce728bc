#pragma once

#include <compare>
#include <string>
#include <utility>

#include "ockam/core/bytes.hpp"

namespace ockam::vault {

/// Handle names a secret held by a Vault. It carries no secret material: it may be logged and
/// stored. Each `Tag` gives a distinct type, so a handle of one kind of key cannot be passed
/// where another is expected.
template <class Tag>
class Handle {
 public:
  /// An empty handle, which names nothing.
  Handle() = default;
  /// A handle with the bytes `value` (as a Vault or a store gave them out).
  explicit Handle(Bytes value) : value_(std::move(value)) {}

  /// The handle's bytes (SHA-256 of the public key for signing and X25519 keys, random bytes
  /// for buffers and AEAD keys).
  const Bytes& value() const noexcept { return value_; }
  /// Returns the hexadecimal form of the handle, for logs.
  std::string to_string() const { return to_hex(value_); }

  friend bool operator==(const Handle&, const Handle&) = default;
  friend auto operator<=>(const Handle&, const Handle&) = default;

 private:
  Bytes value_;
};

/// Names an Ed25519 or P-256 signing key.
using SigningKeyHandle = Handle<struct SigningKeyTag>;
/// Names a static X25519 key.
using X25519KeyHandle = Handle<struct X25519KeyTag>;
/// Names an AES-256-GCM key.
using AeadKeyHandle = Handle<struct AeadKeyTag>;
/// Names a secret buffer (for example an HKDF output).
using SecretBufferHandle = Handle<struct SecretBufferTag>;

}  // namespace ockam::vault
