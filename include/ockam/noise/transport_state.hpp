#pragma once

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"
#include "ockam/noise/cipher_state.hpp"

namespace ockam::noise {

/// TransportState is what a completed handshake becomes (HandshakeState::split() &&): the
/// CipherState this side sends with, the one it receives with, the final handshake hash and
/// the peer's static public key. Not safe for concurrent use.
class TransportState {
 public:
  /// Normally made by HandshakeState::split() &&; `remote_static` may be empty.
  TransportState(CipherState send, CipherState receive, Bytes handshake_hash, Bytes remote_static)
      : send_(std::move(send)),
        receive_(std::move(receive)),
        handshake_hash_(std::move(handshake_hash)),
        remote_static_(std::move(remote_static)) {}

  /// write_message encrypts `payload` with the send CipherState and empty AD. kInvalid when
  /// the result would exceed 65535 bytes; see CipherState::encrypt_with_ad for other errors.
  Result<Bytes> write_message(ByteView payload);
  /// read_message decrypts `message` with the receive CipherState and empty AD. kProtocol when
  /// it exceeds 65535 bytes or fails authentication.
  Result<Bytes> read_message(ByteView message);

  CipherState& send_cipher() noexcept { return send_; }
  CipherState& receive_cipher() noexcept { return receive_; }
  /// The raw 32-byte key this side encrypts with (Ockam: the initiator's is Split()'s second).
  const SecretBytes& encrypt_key() const noexcept { return send_.key(); }
  /// The raw 32-byte key this side decrypts with.
  const SecretBytes& decrypt_key() const noexcept { return receive_.key(); }
  /// The handshake hash h at the end of the handshake (channel binding).
  ByteView handshake_hash() const noexcept { return handshake_hash_; }
  /// The peer's static public key, or empty when the pattern did not provide one.
  ByteView remote_static() const noexcept { return remote_static_; }

 private:
  CipherState send_;
  CipherState receive_;
  Bytes handshake_hash_;
  Bytes remote_static_;
};

}  // namespace ockam::noise
