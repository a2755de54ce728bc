#pragma once

#include <optional>

#include "ockam/core/bare.hpp"
#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"
#include "ockam/node/asio.hpp"
#include "ockam/node/routed.hpp"

namespace ockam {

class Context;

/// WorkerBase is the untyped form of a worker, as the runtime drives it. Users derive from
/// `Worker<M>` instead. One message is handled at a time, on the node's thread.
class WorkerBase {
 public:
  virtual ~WorkerBase() = default;
  /// Runs once before the first message; an error stops the worker before it starts.
  virtual Task<Result<void>> initialize(Context&) { co_return ok(); }
  /// Runs once when the worker stops (stop_worker or node stop).
  virtual Task<Result<void>> shutdown(Context&) { co_return ok(); }
  /// Handles one message delivered to `msg_address`.
  virtual Task<Result<void>> handle_local_message(Context& ctx, Address msg_address,
                                                  LocalMessage message) = 0;
  /// The synchronous path, for workers whose handling never has to wait (a channel's encryptor
  /// and decryptor): tried first for every message, queued or not, and called by the router in
  /// the sender's call when this worker is idle, so the message costs no queueing and no
  /// wake-up. Send with `Context::forward_now`, never by awaiting. Returns nullopt, with
  /// `message` untouched and nothing else changed, to have `handle_local_message` handle it.
  virtual std::optional<Result<void>> handle_synchronously(Context& /*ctx*/,
                                                           const Address& /*msg_address*/,
                                                           LocalMessage& /*message*/) {
    return std::nullopt;
  }
};

/// Worker<M> receives messages whose body is a BARE-encoded `M` (or raw messages with `Any`).
/// A body that does not decode as `M` is dropped with a log line; the worker keeps running.
template <class M>
class Worker : public WorkerBase {
 public:
  using Message = M;

  virtual Task<Result<void>> handle_message(Context& ctx, Routed<M> message) = 0;

  // Not a coroutine itself: it hands back handle_message's task, so a delivery costs one
  // coroutine frame (the user's), not two.
  Task<Result<void>> handle_local_message(Context& ctx, Address msg_address,
                                          LocalMessage message) final {
    if constexpr (std::is_same_v<M, Any>) {
      return handle_message(ctx, Routed<M>(std::move(msg_address), std::move(message), Any{}));
    } else {
      auto body = bare::decode<M>(message.payload);
      if (!body) {
        // A peer can send such bodies at will: at most one line a second.
        static log::RateLimit limit;
        log::warn_limited(limit, "node", "worker {} dropped a message whose body does not decode",
                          log::escaped(msg_address.to_string()));
        return dropped();
      }
      return handle_message(
          ctx, Routed<M>(std::move(msg_address), std::move(message), std::move(*body)));
    }
  }

 private:
  static Task<Result<void>> dropped() { co_return ok(); }
};

}  // namespace ockam
