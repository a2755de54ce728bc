#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "ockam/core/local_message.hpp"
#include "ockam/node/asio.hpp"

namespace ockam {

/// Envelope is a message in a mailbox together with the address it was delivered to.
struct Envelope {
  Address destination;
  LocalMessage message;
  /// A message its worker already handled, waiting for room at its next hop: the worker's run
  /// loop routes it on from `destination` (the worker's address) before anything else.
  bool parked = false;
};

/// Inbox is where the router puts messages for one worker, context or transport sender. A
/// sender waits (`wait_for_space`) while `has_space()` is false: that is the back-pressure.
class Inbox {
 public:
  virtual ~Inbox() = default;
  virtual bool has_space() const = 0;
  virtual Task<> wait_for_space() = 0;
  /// Takes the message; never blocks (callers check `has_space` first). An error goes back to
  /// the sender (e.g. kShutdown when closed, or a transport's own refusal).
  virtual Result<void> push(Envelope envelope) = 0;
  /// Rejects further messages and wakes every waiter.
  virtual void close() = 0;
  virtual bool is_closed() const = 0;
};

/// Mailbox is the bounded queue of a worker or context, consumed by one coroutine at a time.
class Mailbox final : public Inbox {
 public:
  static constexpr std::size_t kDefaultCapacity = 256;

  Mailbox(asio::io_context& io, std::size_t capacity = kDefaultCapacity);

  bool has_space() const override { return closed_ || count_ < capacity_; }
  Task<> wait_for_space() override;
  Result<void> push(Envelope envelope) override;
  void close() override;
  bool is_closed() const override { return closed_; }

  /// Queues a parked envelope (see Envelope::parked) ahead of every message not parked, past
  /// the capacity: a worker parks at most what one handled message sends.
  Result<void> push_parked(Envelope envelope);
  /// Whether the consumer waits in `pop` with nothing queued: a message can be handled inline.
  bool is_idle() const noexcept { return consumer_waiting_ && count_ == 0; }

  /// Takes the next message if one is queued, without waiting.
  std::optional<Envelope> try_pop();
  /// Takes the next message, waiting until `deadline`; nullopt on timeout or when closed.
  Task<std::optional<Envelope>> pop(std::chrono::steady_clock::time_point deadline);
  /// Takes the next message waiting as long as needed; nullopt when closed.
  Task<std::optional<Envelope>> pop();
  std::size_t size() const noexcept { return count_; }

 private:
  void grow();
  Envelope& slot(std::size_t index) { return ring_[(head_ + index) & (ring_.size() - 1)]; }
  void wake_consumer();

  // A ring of slots that doubles when full and is reused afterwards, so a busy mailbox does not
  // allocate per message. Its size is a power of two.
  std::vector<Envelope> ring_;
  std::size_t head_ = 0;
  std::size_t count_ = 0;
  // Parked envelopes, at the front of the ring.
  std::size_t parked_ = 0;
  std::size_t capacity_;
  bool closed_ = false;
  // Whether the consumer waits for message_arrived_, and how many producers wait for
  // space_freed_; both only count waiters not woken yet, so each wake-up cancels a timer once.
  bool consumer_waiting_ = false;
  std::size_t producers_waiting_ = 0;
  asio::steady_timer message_arrived_;
  asio::steady_timer space_freed_;
};

}  // namespace ockam
