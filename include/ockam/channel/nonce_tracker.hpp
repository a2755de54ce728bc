#pragma once

#include <cstdint>
#include <optional>

#include "ockam/channel/constants.hpp"

namespace ockam::channel {

/// NonceTracker is the replay window of a decryptor (Ockam's nonce_tracker.rs): a bitmap of the
/// nonces seen within kKeyRenewalInterval of the highest one. `mark` returns the tracker that
/// would result, without changing this one, so the caller commits only after decryption works.
class NonceTracker {
 public:
  /// The tracker after accepting `nonce`, or nullopt for a replay, a nonce more than the window
  /// behind the highest seen, or one more than the window ahead.
  std::optional<NonceTracker> mark(std::uint64_t nonce) const noexcept;
  std::uint64_t highest() const noexcept { return current_; }

 private:
  static_assert(kKeyRenewalInterval + 1 <= 64, "the bitmap must cover the window");
  std::uint64_t bitmap_ = 0;
  std::uint64_t current_ = 0;
};

}  // namespace ockam::channel
