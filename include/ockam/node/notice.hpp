#pragma once

#include <cstdint>

#include "ockam/node/router.hpp"

namespace ockam {

/// notify puts an empty message for `recipient` in its mailbox, past access control and the
/// mailbox bound: a notice from the node itself (a transport went away, a timer fired), handled
/// in turn with the worker's other messages. A worker tells notices from other messages by the
/// address they reach, so give them an address whose incoming access control denies
/// everything. False when `recipient` is not registered.
bool notify(Router& router, const Address& recipient);

/// notify_when_gone is `Router::watch` with a notice (see `notify`) to `recipient` when
/// `address` is unregistered. Returns the id for `Router::unwatch`.
std::uint64_t notify_when_gone(Router& router, const Address& address, Address recipient);

}  // namespace ockam
