#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::noise {

/// StaticKey is a local X25519 static key whose secret may live elsewhere (for example in a
/// vault that never releases it). A HandshakeState only asks it for its public key and for DH
/// results. Implementations must be safe to call from the thread that drives the handshake.
class StaticKey {
 public:
  virtual ~StaticKey() = default;
  /// The 32-byte X25519 public key.
  virtual std::array<std::uint8_t, 32> public_key() const = 0;
  /// DH(secret, peer_public): the 32-byte shared secret; kProtocol when it is all zero,
  /// kInvalid when `peer_public` is not 32 bytes.
  virtual Result<SecretBytes> dh(ByteView peer_public) const = 0;
};

/// InMemoryStaticKey is a StaticKey whose secret is held in process memory (crypto::x25519).
class InMemoryStaticKey final : public StaticKey {
 public:
  /// generate makes a key from a fresh random secret.
  static std::shared_ptr<InMemoryStaticKey> generate();
  /// from_secret takes a 32-byte X25519 secret; kInvalid on another length.
  static Result<std::shared_ptr<InMemoryStaticKey>> from_secret(ByteView secret_key);

  std::array<std::uint8_t, 32> public_key() const override { return public_key_; }
  Result<SecretBytes> dh(ByteView peer_public) const override;

 private:
  struct ConstructionToken {
    explicit ConstructionToken() = default;
  };

 public:
  /// Use `generate` or `from_secret`.
  InMemoryStaticKey(ConstructionToken /*token*/, SecretBytes secret_key,
                    std::array<std::uint8_t, 32> public_key)
      : secret_key_(std::move(secret_key)), public_key_(public_key) {}

 private:
  SecretBytes secret_key_;
  std::array<std::uint8_t, 32> public_key_;
};

}  // namespace ockam::noise
