#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ockam/core/result.hpp"

namespace ockam::noise {

/// Token is one step of a message pattern (Noise spec §7.1, §9).
enum class Token { kE, kS, kEe, kEs, kSe, kSs, kPsk };

/// HandshakePattern is a pattern's pre-messages and message token lists (Noise spec §7),
/// built from its name: the fundamental patterns (N K X NN NK NX KN KK KX XN XK XX IN IK IX),
/// the deferred ones (NK1, X1K, ..., I1X1) and any `pskN` modifiers (`XXpsk3`,
/// `NNpsk0+psk2`).
struct HandshakePattern {
  std::string name;
  /// Keys the initiator's peer knows beforehand (only `s` in supported patterns).
  std::vector<Token> initiator_pre_message;
  /// Keys the responder's peer knows beforehand.
  std::vector<Token> responder_pre_message;
  /// Message i is written by the initiator when i is even, by the responder when odd.
  std::vector<std::vector<Token>> messages;

  /// parse builds the pattern named `name`. kUnsupported for unknown base patterns or
  /// modifiers other than pskN (fallback, hfs), kParse for malformed or duplicate modifiers
  /// and psk positions beyond the last message.
  static Result<HandshakePattern> parse(std::string_view name);

  /// One-way patterns (N, K, X) have a single message and only the initiator sends.
  bool is_one_way() const noexcept { return messages.size() == 1; }
  /// The number of psk tokens; a pattern with any is in PSK mode (spec §9.2).
  std::size_t psk_count() const noexcept;
  /// Whether the initiator (`initiator` true) or responder sends or pre-shares `s`.
  bool needs_local_static(bool initiator) const noexcept;
  /// Whether the initiator (`initiator` true) or responder must know the peer's `s` beforehand.
  bool needs_remote_static(bool initiator) const noexcept;
};

}  // namespace ockam::noise
