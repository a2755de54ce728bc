#include "ockam/channel/nonce_tracker.hpp"

namespace ockam::channel {

std::optional<NonceTracker> NonceTracker::mark(std::uint64_t nonce) const noexcept {
  NonceTracker next = *this;
  if (nonce > current_) {
    std::uint64_t shift = nonce - current_;
    if (shift > kKeyRenewalInterval) {
      return std::nullopt;
    }
    next.bitmap_ = (bitmap_ << shift) | 1;
    next.current_ = nonce;
    return next;
  }
  std::uint64_t behind = current_ - nonce;
  if (behind > kKeyRenewalInterval) {
    return std::nullopt;
  }
  std::uint64_t bit = std::uint64_t{1} << behind;
  if ((bitmap_ & bit) != 0) {
    return std::nullopt;
  }
  next.bitmap_ = bitmap_ | bit;
  return next;
}

}  // namespace ockam::channel
