#pragma once

#include <cstdint>
#include <memory>

#include "ockam/channel/channel_key.hpp"

namespace ockam::channel {

/// KeyTracker chooses the decryption key for a nonce (Ockam's key_tracker.rs): nonces are cut
/// in intervals of kKeyRenewalInterval, each with its own key; a nonce of the current interval
/// uses the current key, of the previous interval the previous key, of the next interval the
/// rekeyed current key. `commit` records a rekey only after a successful decryption.
class KeyTracker {
 public:
  explicit KeyTracker(ChannelKey key) : current_(std::make_shared<ChannelKey>(std::move(key))) {}

  /// The key for `nonce`: the current or previous one, or a fresh rekey of the current one
  /// (not yet committed). kProtocol when the nonce is outside those three intervals.
  Result<std::shared_ptr<const ChannelKey>> key_for(std::uint64_t nonce) const;
  /// Makes `used` current if it is a new key (a rekey happened).
  void commit(std::shared_ptr<const ChannelKey> used);

 private:
  std::shared_ptr<const ChannelKey> current_;
  std::shared_ptr<const ChannelKey> previous_;
  std::uint64_t rekeys_ = 0;
  bool exhausted_ = false;
};

}  // namespace ockam::channel
