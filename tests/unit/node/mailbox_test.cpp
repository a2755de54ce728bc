#include "ockam/node/mailbox.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <asio/use_awaitable.hpp>

#include "ockam/node/runtime.hpp"
#include "test_workers.hpp"

namespace ockam {
namespace {

using testing::kReplyTimeout;
using testing::run_node_test;

Envelope envelope_for(std::string text) {
  LocalMessage message;
  message.onward_route = route("box");
  message.payload = to_bytes(text);
  return Envelope{"box", std::move(message)};
}

std::string text_of(const Envelope& envelope) {
  const Bytes& payload = envelope.message.payload;
  return std::string(payload.begin(), payload.end());
}

Task<> pop_into(Mailbox& mailbox, std::chrono::milliseconds wait,
                std::vector<std::optional<std::string>>& out) {
  auto envelope = co_await mailbox.pop(std::chrono::steady_clock::now() + wait);
  out.push_back(envelope ? std::optional(text_of(*envelope)) : std::nullopt);
}

Task<> push_when_space(Mailbox& mailbox, std::string text) {
  co_await mailbox.wait_for_space();
  EXPECT_TRUE(mailbox.push(envelope_for(std::move(text))));
}

Task<> close_after(Mailbox& mailbox, std::chrono::milliseconds delay) {
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(kUseTuple);
  mailbox.close();
}

Task<> consume_after(Mailbox& mailbox, std::chrono::milliseconds delay, std::size_t count,
                     std::vector<std::optional<std::string>>& out) {
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(kUseTuple);
  for (std::size_t i = 0; i < count; ++i) {
    co_await pop_into(mailbox, kReplyTimeout, out);
  }
}

TEST(MailboxTest, PopReturnsMessagesInOrder) {
  asio::io_context io;
  Mailbox mailbox(io);
  ASSERT_TRUE(mailbox.push(envelope_for("a")));
  ASSERT_TRUE(mailbox.push(envelope_for("b")));
  std::vector<std::optional<std::string>> out;
  asio::co_spawn(io, pop_into(mailbox, kReplyTimeout, out), asio::detached);
  asio::co_spawn(io, pop_into(mailbox, kReplyTimeout, out), asio::detached);
  io.run();
  EXPECT_EQ(out, (std::vector<std::optional<std::string>>{"a", "b"}));
  EXPECT_EQ(mailbox.size(), 0u);
}

TEST(MailboxTest, TryPopTakesWhatIsQueuedWithoutWaiting) {
  asio::io_context io;
  Mailbox mailbox(io);
  EXPECT_FALSE(mailbox.try_pop().has_value());
  ASSERT_TRUE(mailbox.push(envelope_for("a")));
  auto taken = mailbox.try_pop();
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->destination, Address("box"));
  EXPECT_EQ(text_of(*taken), "a");
  EXPECT_FALSE(mailbox.try_pop().has_value());
}

TEST(MailboxTest, ParkedEnvelopesGoAheadOfQueuedOnesInTheirOwnOrderEvenPastTheCapacity) {
  asio::io_context io;
  Mailbox mailbox(io, 2);
  ASSERT_TRUE(mailbox.push(envelope_for("queued 1")));
  ASSERT_TRUE(mailbox.push(envelope_for("queued 2")));
  EXPECT_FALSE(mailbox.has_space());
  ASSERT_TRUE(mailbox.push_parked(envelope_for("parked 1")));
  ASSERT_TRUE(mailbox.push_parked(envelope_for("parked 2")));
  EXPECT_EQ(mailbox.size(), 4u);
  std::vector<std::string> taken;
  std::vector<bool> parked;
  while (auto envelope = mailbox.try_pop()) {
    taken.push_back(text_of(*envelope));
    parked.push_back(envelope->parked);
  }
  EXPECT_EQ(taken, (std::vector<std::string>{"parked 1", "parked 2", "queued 1", "queued 2"}));
  EXPECT_EQ(parked, (std::vector<bool>{true, true, false, false}));
  // Parked again after the first ones were taken: still ahead of what is queued.
  ASSERT_TRUE(mailbox.push(envelope_for("queued 3")));
  ASSERT_TRUE(mailbox.push_parked(envelope_for("parked 3")));
  EXPECT_EQ(text_of(*mailbox.try_pop()), "parked 3");
  EXPECT_EQ(text_of(*mailbox.try_pop()), "queued 3");
}

TEST(MailboxTest, OnlyAConsumerWaitingOnAnEmptyMailboxIsIdle) {
  asio::io_context io;
  Mailbox mailbox(io);
  EXPECT_FALSE(mailbox.is_idle());  // nobody waits
  std::vector<std::optional<std::string>> out;
  asio::co_spawn(io, pop_into(mailbox, kReplyTimeout, out), asio::detached);
  io.poll();
  EXPECT_TRUE(mailbox.is_idle());
  ASSERT_TRUE(mailbox.push(envelope_for("a")));
  EXPECT_FALSE(mailbox.is_idle());  // woken, not yet run
  io.run();
  EXPECT_EQ(out, (std::vector<std::optional<std::string>>{"a"}));
  EXPECT_FALSE(mailbox.is_idle());
}

TEST(MailboxTest, MessagesKeepTheirOrderWhenTheQueueGrowsAfterWrappingAround) {
  asio::io_context io;
  Mailbox mailbox(io);
  std::vector<std::string> taken;
  int next = 0;
  // Fill, half drain and refill a few times, so the queue wraps and then grows.
  for (int round = 0; round < 4; ++round) {
    for (int i = 0; i < 7 * (round + 1); ++i) {
      ASSERT_TRUE(mailbox.push(envelope_for(std::to_string(next++))));
    }
    for (int i = 0; i < 5; ++i) {
      taken.push_back(text_of(*mailbox.try_pop()));
    }
  }
  while (auto envelope = mailbox.try_pop()) {
    taken.push_back(text_of(*envelope));
  }
  ASSERT_EQ(taken.size(), static_cast<std::size_t>(next));
  for (int i = 0; i < next; ++i) {
    EXPECT_EQ(taken[i], std::to_string(i));
  }
}

TEST(MailboxTest, PopWakesWhenAMessageArrives) {
  asio::io_context io;
  Mailbox mailbox(io);
  std::vector<std::optional<std::string>> out;
  asio::co_spawn(io, pop_into(mailbox, kReplyTimeout, out), asio::detached);
  asio::co_spawn(io, push_when_space(mailbox, "late"), asio::detached);
  auto start = std::chrono::steady_clock::now();
  io.run();
  EXPECT_EQ(out, (std::vector<std::optional<std::string>>{"late"}));
  EXPECT_LT(std::chrono::steady_clock::now() - start, kReplyTimeout);
}

TEST(MailboxTest, PopPastItsDeadlineReturnsNothing) {
  asio::io_context io;
  Mailbox mailbox(io);
  std::vector<std::optional<std::string>> out;
  asio::co_spawn(io, pop_into(mailbox, std::chrono::milliseconds(20), out), asio::detached);
  io.run();
  EXPECT_EQ(out, (std::vector<std::optional<std::string>>{std::nullopt}));
}

TEST(MailboxTest, CloseWakesAWaitingConsumerAndDropsQueuedMessages) {
  asio::io_context io;
  Mailbox mailbox(io);
  std::vector<std::optional<std::string>> out;
  asio::co_spawn(io, pop_into(mailbox, kReplyTimeout, out), asio::detached);
  asio::co_spawn(io, close_after(mailbox, std::chrono::milliseconds(5)), asio::detached);
  auto start = std::chrono::steady_clock::now();
  io.run();
  EXPECT_LT(std::chrono::steady_clock::now() - start, kReplyTimeout);
  EXPECT_EQ(out, (std::vector<std::optional<std::string>>{std::nullopt}));
  EXPECT_TRUE(mailbox.is_closed());
  auto pushed = mailbox.push(envelope_for("ignored"));
  ASSERT_FALSE(pushed);
  EXPECT_EQ(pushed.error().kind(), Kind::kShutdown);
  EXPECT_EQ(mailbox.size(), 0u);
}

TEST(MailboxTest, AFullMailboxHasNoSpaceUntilAMessageIsTaken) {
  asio::io_context io;
  Mailbox mailbox(io, 2);
  ASSERT_TRUE(mailbox.push(envelope_for("a")));
  EXPECT_TRUE(mailbox.has_space());
  ASSERT_TRUE(mailbox.push(envelope_for("b")));
  EXPECT_FALSE(mailbox.has_space());
  std::vector<std::optional<std::string>> out;
  asio::co_spawn(io, push_when_space(mailbox, "c"), asio::detached);
  asio::co_spawn(io, consume_after(mailbox, std::chrono::milliseconds(5), 3, out), asio::detached);
  io.run();
  // "c" waited for space, then went in behind "a" and "b".
  EXPECT_EQ(out, (std::vector<std::optional<std::string>>{"a", "b", "c"}));
}

TEST(MailboxTest, SeveralWaitingProducersSleepUntilSpaceIsFreed) {
  asio::io_context io;
  Mailbox mailbox(io, 1);
  ASSERT_TRUE(mailbox.push(envelope_for("first")));
  std::vector<std::optional<std::string>> out;
  for (const char* text : {"p1", "p2", "p3"}) {
    asio::co_spawn(io, push_when_space(mailbox, text), asio::detached);
  }
  asio::co_spawn(io, consume_after(mailbox, std::chrono::milliseconds(20), 4, out), asio::detached);
  std::size_t handlers = io.run();
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0], "first");
  EXPECT_EQ(std::count(out.begin(), out.end(), std::nullopt), 0);
  // Waiting producers must not wake each other in a loop while the mailbox stays full.
  EXPECT_LT(handlers, 100u);
}

TEST(MailboxTest, ABoundedMailboxAppliesBackPressureAndLosesNothing) {
  // A worker that yields once per message, so a sender easily outruns it.
  struct Slow final : public Worker<std::uint64_t> {
    explicit Slow(std::shared_ptr<std::vector<std::uint64_t>> seen) : seen_(std::move(seen)) {}
    Task<Result<void>> handle_message(Context& ctx, Routed<std::uint64_t> message) override {
      co_await asio::post(ctx.io(), asio::use_awaitable);
      seen_->push_back(message.body());
      co_return ok();
    }
    std::shared_ptr<std::vector<std::uint64_t>> seen_;
  };
  constexpr std::uint64_t kMessages = 4 * Mailbox::kDefaultCapacity;
  auto seen = std::make_shared<std::vector<std::uint64_t>>();
  std::size_t seen_when_sending_ended = 0;
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("slow", Slow(seen))).value();
    for (std::uint64_t i = 0; i < kMessages; ++i) {
      (co_await ctx.send(route("slow"), i)).value();
    }
    seen_when_sending_ended = seen->size();
    bool all = co_await testing::eventually(ctx, [&] { return seen->size() == kMessages; });
    EXPECT_TRUE(all);
    co_return ok();
  });
  // The sender could only run ahead of the worker by the mailbox capacity (plus the message
  // in the worker's hands).
  EXPECT_GE(seen_when_sending_ended + Mailbox::kDefaultCapacity + 1, kMessages);
  ASSERT_EQ(seen->size(), kMessages);
  for (std::uint64_t i = 0; i < kMessages; ++i) {
    ASSERT_EQ((*seen)[i], i);
  }
}

}  // namespace
}  // namespace ockam
