#pragma once

#include <memory>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"
#include "ockam/noise/dh.hpp"
#include "ockam/noise/static_key.hpp"

namespace ockam::noise::internal {

/// LocalKey is a local key pair of a handshake (s or e): either an external StaticKey (25519,
/// possibly vault-backed) or an in-memory key pair of any DhAlgorithm.
class LocalKey {
 public:
  /// external wraps a StaticKey (X25519 only).
  static std::unique_ptr<LocalKey> external(std::shared_ptr<const StaticKey> key);
  /// in_memory derives a key pair from a DHLEN-byte secret; kInvalid on a wrong length.
  static Result<std::unique_ptr<LocalKey>> in_memory(DhAlgorithm algorithm, ByteView secret);
  /// generate makes a fresh in-memory key pair.
  static Result<std::unique_ptr<LocalKey>> generate(DhAlgorithm algorithm);

  ByteView public_key() const noexcept { return public_key_; }
  /// DH(this secret, peer_public); kProtocol on an all-zero result.
  Result<SecretBytes> dh(ByteView peer_public) const;

  LocalKey(DhAlgorithm algorithm, Bytes public_key, SecretBytes secret,
           std::shared_ptr<const StaticKey> external_key)
      : algorithm_(algorithm),
        public_key_(std::move(public_key)),
        secret_(std::move(secret)),
        external_(std::move(external_key)) {}

 private:
  DhAlgorithm algorithm_;
  Bytes public_key_;
  SecretBytes secret_;
  std::shared_ptr<const StaticKey> external_;
};

}  // namespace ockam::noise::internal
