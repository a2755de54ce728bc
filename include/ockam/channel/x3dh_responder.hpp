#pragma once

#include <memory>

#include "ockam/channel/x3dh_keys.hpp"
#include "ockam/channel/x3dh_signed_prekey.hpp"
#include "ockam/crypto/x25519.hpp"
#include "ockam/vault/vault.hpp"

namespace ockam::channel {

/// X3dhResponder is Bob's side of Ockam's X3DH v2 (shared/reference/x3dh.md §2), without I/O: it
/// reads message 1 (IK_A || EK_A), derives the keys and answers with the prekey bundle
/// IK_B || SPK_B || XEdDSA(IK_B, SPK_B) || OPK_B. The one-time prekey OPK_B is made for this
/// exchange and wiped once message 1 has been read. Not safe for concurrent use.
class X3dhResponder {
 public:
  /// Answers with `prekey` (signed by IK_B, which stays in `vault`) and a fresh one-time prekey.
  static Result<X3dhResponder> create(std::shared_ptr<const vault::Vault> vault,
                                      std::shared_ptr<const X3dhSignedPrekey> prekey);
  /// Same with the one-time prekey's secret given (vectors); kInvalid unless 32 bytes.
  static Result<X3dhResponder> create_for_testing(std::shared_ptr<const vault::Vault> vault,
                                                  std::shared_ptr<const X3dhSignedPrekey> prekey,
                                                  ByteView one_time_secret);

  /// Reads message 1 and derives the keys, once. kProtocol with a distinct message when it is
  /// not 64 bytes or a DH result is all zero; kMisuse when called again. The one-time prekey's
  /// secret is wiped either way.
  Result<X3dhKeys> read_message1(ByteView message);
  /// Message 2, the prekey bundle (160 bytes).
  Bytes message2() const;

 private:
  X3dhResponder(std::shared_ptr<const vault::Vault> vault,
                std::shared_ptr<const X3dhSignedPrekey> prekey, crypto::X25519KeyPair one_time)
      : vault_(std::move(vault)), prekey_(std::move(prekey)), one_time_(std::move(one_time)) {}

  Result<X3dhKeys> derive(ByteView message);

  std::shared_ptr<const vault::Vault> vault_;
  std::shared_ptr<const X3dhSignedPrekey> prekey_;
  crypto::X25519KeyPair one_time_;
  bool used_ = false;
};

}  // namespace ockam::channel
