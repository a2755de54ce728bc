#include "ockam/node/mailbox.hpp"

#include <algorithm>

namespace ockam {
namespace {

/// Slots of a mailbox's first ring; it doubles from there up to what the traffic needs. Small:
/// most mailboxes (a channel's two workers) hold one message at a time, and an idle channel keeps
/// its rings.
constexpr std::size_t kInitialSlots = 1;

}  // namespace

Mailbox::Mailbox(asio::io_context& io, std::size_t capacity)
    : capacity_(capacity), message_arrived_(io), space_freed_(io) {
  // Producers only ever wait for a cancel(); re-arming the timer in wait_for_space would cancel
  // the other waiting producers, and they would wake each other in a loop.
  space_freed_.expires_at(std::chrono::steady_clock::time_point::max());
}

Task<> Mailbox::wait_for_space() {
  while (!has_space()) {
    ++producers_waiting_;
    co_await space_freed_.async_wait(kUseTuple);
  }
}

void Mailbox::grow() {
  std::vector<Envelope> bigger(std::max(kInitialSlots, 2 * ring_.size()));
  for (std::size_t i = 0; i < count_; ++i) {
    bigger[i] = std::move(ring_[(head_ + i) & (ring_.size() - 1)]);
  }
  ring_.swap(bigger);
  head_ = 0;
}

Result<void> Mailbox::push(Envelope envelope) {
  if (closed_) {
    return Error(Origin::kNode, Kind::kShutdown, "the destination worker stopped");
  }
  if (count_ == ring_.size()) {
    grow();
  }
  slot(count_) = std::move(envelope);
  ++count_;
  wake_consumer();
  return ok();
}

Result<void> Mailbox::push_parked(Envelope envelope) {
  if (closed_) {
    return Error(Origin::kNode, Kind::kShutdown, "the destination worker stopped");
  }
  if (count_ == ring_.size()) {
    grow();
  }
  // Behind the envelopes already parked, ahead of the rest (rare: only under back-pressure).
  for (std::size_t i = count_; i > parked_; --i) {
    slot(i) = std::move(slot(i - 1));
  }
  envelope.parked = true;
  slot(parked_) = std::move(envelope);
  ++parked_;
  ++count_;
  wake_consumer();
  return ok();
}

void Mailbox::wake_consumer() {
  if (consumer_waiting_) {
    consumer_waiting_ = false;
    message_arrived_.cancel();
  }
}

void Mailbox::close() {
  closed_ = true;
  std::vector<Envelope>().swap(ring_);
  head_ = 0;
  count_ = 0;
  parked_ = 0;
  consumer_waiting_ = false;
  producers_waiting_ = 0;
  message_arrived_.cancel();
  space_freed_.cancel();
}

std::optional<Envelope> Mailbox::try_pop() {
  if (count_ == 0) {
    return std::nullopt;
  }
  std::optional<Envelope> envelope(std::move(ring_[head_]));
  head_ = (head_ + 1) & (ring_.size() - 1);
  --count_;
  if (envelope->parked) {
    --parked_;
  }
  // Waiting producers wake at every message taken: waking them only once half the mailbox is
  // free deadlocks two workers that each wait to send to the other (review of the fast path).
  if (producers_waiting_ > 0) {
    producers_waiting_ = 0;
    space_freed_.cancel();
  }
  return envelope;
}

Task<std::optional<Envelope>> Mailbox::pop(std::chrono::steady_clock::time_point deadline) {
  while (!closed_) {
    if (auto envelope = try_pop()) {
      co_return envelope;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      co_return std::nullopt;
    }
    consumer_waiting_ = true;
    message_arrived_.expires_at(deadline);
    co_await message_arrived_.async_wait(kUseTuple);
    consumer_waiting_ = false;
  }
  co_return std::nullopt;
}

Task<std::optional<Envelope>> Mailbox::pop() {
  return pop(std::chrono::steady_clock::time_point::max());
}

}  // namespace ockam
