#pragma once

#include <optional>

#include "ockam/channel/decryptor.hpp"
#include "ockam/channel/encryptor.hpp"
#include "ockam/channel/key_agreement.hpp"
#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/identity/identifier.hpp"
#include "ockam/noise/role.hpp"

namespace ockam::channel {

/// CompletedKeyExchange is what an authenticated key exchange hands to the channel: the two
/// directional keys, as the Encryptor and Decryptor that continue from the nonces the exchange
/// itself used (X3DH's identity messages take nonce 0 of each direction), the handshake hash `h`
/// and the verified identifier of the peer.
struct CompletedKeyExchange {
  Encryptor encryptor;
  Decryptor decryptor;
  Bytes handshake_hash;
  identity::Identifier their_identifier;
};

/// KeyExchange is one side of a secure channel's authenticated key agreement, synchronously and
/// without I/O (the role of Ockam's former `KeyExchanger`, shared/reference/x3dh.md §1). A
/// driver sends every `next_message()` until it returns nullopt, hands each message from the
/// peer to `handle_message`, and once `is_complete()` (and everything is sent) calls `finish()`.
/// Every implementation verifies the peer's identity and applies a trust policy before it
/// completes. After any error the exchange is failed and every later call returns kMisuse. Not
/// safe for concurrent use.
class KeyExchange {
 public:
  virtual ~KeyExchange() = default;

  virtual KeyAgreement key_agreement() const noexcept = 0;
  virtual noise::Role role() const noexcept = 0;
  /// The next message to send to the peer, or nullopt when there is none until the peer answers.
  virtual Result<std::optional<Bytes>> next_message() = 0;
  /// Handles one message from the peer: kProtocol for a malformed or unverifiable message (with
  /// a message naming the failure), kPermission when the trust policy refuses the peer.
  virtual Result<void> handle_message(ByteView message) = 0;
  /// True once the peer is verified; the last messages may still wait in `next_message()`.
  virtual bool is_complete() const noexcept = 0;
  /// Hands over the keys, once, after completion; kMisuse otherwise.
  virtual Result<CompletedKeyExchange> finish() = 0;
};

}  // namespace ockam::channel
