#include "ockam/node/notice.hpp"

#include <utility>

namespace ockam {

bool notify(Router& router, const Address& recipient) {
  const Endpoint* endpoint = router.find(recipient);
  return endpoint != nullptr &&
         static_cast<bool>(endpoint->inbox->push(Envelope{recipient, LocalMessage{}}));
}

std::uint64_t notify_when_gone(Router& router, const Address& address, Address recipient) {
  return router.watch(
      address, [&router, recipient = std::move(recipient)] { (void)notify(router, recipient); });
}

}  // namespace ockam
