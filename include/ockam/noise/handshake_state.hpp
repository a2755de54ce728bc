#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "ockam/core/byte_reader.hpp"
#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"
#include "ockam/noise/protocol_name.hpp"
#include "ockam/noise/role.hpp"
#include "ockam/noise/static_key.hpp"
#include "ockam/noise/symmetric_state.hpp"
#include "ockam/noise/transport_state.hpp"

namespace ockam::noise {

namespace internal {
class LocalKey;
}

/// HandshakeConfig is everything Initialize() takes (Noise spec §5.3).
struct HandshakeConfig {
  /// A standard name (`Noise_XX_25519_AESGCM_SHA256`) or kOckamProtocolName.
  std::string protocol_name;
  Role role = Role::kInitiator;
  Bytes prologue;
  /// The local static key s for 25519 (may be backed by a vault). At most one of
  /// `static_key` and `static_secret` may be set.
  std::shared_ptr<const StaticKey> static_key;
  /// The local static secret held in memory, for any DH (the only way to give a 448 key).
  SecretBytes static_secret;
  /// The peer's static public key rs when the pattern pre-shares it (K, IK, ...).
  Bytes remote_static;
  /// Pre-shared keys, 32 bytes each, in the order the pattern's psk tokens use them.
  std::vector<SecretBytes> psks;
  /// A fixed ephemeral secret instead of a random one: only for test vectors.
  SecretBytes ephemeral_secret_for_testing;

  /// ockam makes the configuration of Ockam's secure channel handshake for `role`.
  static HandshakeConfig ockam(Role role, std::shared_ptr<const StaticKey> static_key);
};

/// HandshakeState runs one Noise handshake (Noise spec §5.3), synchronously and without I/O.
/// After any error it is failed and every later call returns kMisuse. Not safe for concurrent use.
class HandshakeState {
 public:
  /// What the owner should do next.
  enum class Action { kWriteMessage, kReadMessage, kSplit, kFailed };

  /// create runs Initialize(). kUnsupported/kParse for a bad protocol name; kInvalid when keys
  /// the pattern needs are missing or have the wrong length, or the psk count does not match.
  static Result<HandshakeState> create(HandshakeConfig config);

  HandshakeState(HandshakeState&&) noexcept;
  HandshakeState& operator=(HandshakeState&&) noexcept;
  ~HandshakeState();

  /// WriteMessage(payload): the next handshake message. kMisuse when it is not this side's
  /// turn or the state has failed; kInvalid when the message would exceed 65535 bytes; the DH
  /// and cipher errors otherwise. Any error leaves the state failed.
  Result<Bytes> write_message(ByteView payload);
  /// ReadMessage(message): the decrypted payload. kMisuse when it is not this side's turn or
  /// the state has failed; kProtocol for a message that is too long, too short, has trailing
  /// garbage or does not authenticate. Any error leaves the state failed.
  Result<Bytes> read_message(ByteView message);

  Action next_action() const noexcept;
  /// All messages are written or read and the state has not failed.
  bool is_complete() const noexcept;
  bool is_failed() const noexcept { return failed_; }
  Role role() const noexcept { return role_; }
  const ProtocolName& protocol() const noexcept { return protocol_; }
  /// The current handshake hash h (the final one once complete).
  ByteView handshake_hash() const noexcept { return symmetric_.handshake_hash(); }
  /// The peer's static public key, or empty while it is not known.
  ByteView remote_static() const noexcept { return remote_static_; }

  /// Split(): consumes the completed handshake and returns this side's TransportState (send
  /// and receive CipherStates in the profile's direction). kMisuse if not complete.
  Result<TransportState> split() &&;

 private:
  HandshakeState(ProtocolName protocol, Role role);

  Result<void> initialize(HandshakeConfig& config);
  Result<void> write_token(Token token, Bytes& out);
  Result<void> read_token(Token token, ByteReader& reader);
  Result<void> mix_ephemeral(ByteView public_key);
  Result<void> mix_dh(Token token);
  Role message_writer() const noexcept;
  Error fail(Error error) noexcept;

  ProtocolName protocol_;
  Role role_;
  SymmetricState symmetric_;
  std::unique_ptr<internal::LocalKey> static_;
  std::unique_ptr<internal::LocalKey> ephemeral_;
  SecretBytes ephemeral_secret_for_testing_;
  Bytes remote_static_;
  Bytes remote_ephemeral_;
  std::vector<SecretBytes> psks_;
  std::size_t next_psk_ = 0;
  std::size_t message_index_ = 0;
  bool failed_ = false;
};

}  // namespace ockam::noise
