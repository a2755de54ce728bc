#include "ockam/channel/key_tracker.hpp"

#include <limits>

#include "ockam/channel/constants.hpp"

namespace ockam::channel {

Result<std::shared_ptr<const ChannelKey>> KeyTracker::key_for(std::uint64_t nonce) const {
  static const Error kInvalidNonce(Origin::kChannel, Kind::kProtocol,
                                   "nonce outside the key window");
  if (exhausted_) {
    return kInvalidNonce;
  }
  std::uint64_t interval_start = rekeys_ * kKeyRenewalInterval;
  if (nonce >= interval_start) {
    std::uint64_t age = nonce - interval_start;
    if (age < kKeyRenewalInterval) {
      return current_;
    }
    if (age < 2 * kKeyRenewalInterval) {
      auto next = current_->rekey();
      if (!next) {
        return next.error();
      }
      return std::shared_ptr<const ChannelKey>(std::make_shared<ChannelKey>(std::move(*next)));
    }
    return kInvalidNonce;
  }
  if (interval_start - nonce <= kKeyRenewalInterval && previous_) {
    return previous_;
  }
  return kInvalidNonce;
}

void KeyTracker::commit(std::shared_ptr<const ChannelKey> used) {
  if (used == current_ || used == previous_) {
    return;
  }
  previous_ = std::move(current_);
  current_ = std::move(used);
  if (std::numeric_limits<std::uint64_t>::max() - rekeys_ * kKeyRenewalInterval <
      kKeyRenewalInterval) {
    exhausted_ = true;
  } else {
    ++rekeys_;
  }
}

}  // namespace ockam::channel
