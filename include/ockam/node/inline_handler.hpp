#pragma once

#include "ockam/core/local_message.hpp"

namespace ockam {

/// InlineHandler lets the router hand a message straight to an idle worker, in the sender's
/// call, instead of queueing it and waking the worker (DESIGN.md: the encryptor, decryptor and
/// TCP sender handle a message synchronously). The runtime registers one per worker.
class InlineHandler {
 public:
  virtual ~InlineHandler() = default;
  /// Handles `message`, delivered to `destination`, now if the worker is idle (nothing queued,
  /// not inside a handler) and can handle it without waiting; a failure is the worker's, logged
  /// as a queued message's would be. False, with `message` untouched, to have it queued.
  virtual bool handle_inline(const Address& destination, LocalMessage& message) noexcept = 0;
};

}  // namespace ockam
