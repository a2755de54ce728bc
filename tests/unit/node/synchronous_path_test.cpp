// The synchronous path: a worker with handle_synchronously handles messages in the sender's call
// when it is idle, and everything a queued message would get still holds (order, back-pressure,
// access control).
#include <gtest/gtest.h>

#include "ockam/node/runtime.hpp"
#include "test_workers.hpp"

namespace ockam {
namespace {

using testing::eventually;
using testing::kReplyTimeout;
using testing::run_node_test;

/// What a Relabeler did, read by the test.
struct RelabelerLog {
  int synchronous = 0;  // handled by handle_synchronously (inline or from the run loop)
  int queued = 0;       // handled by handle_message
  bool in_handle_message = false;
  std::vector<std::string> order;
  std::optional<asio::steady_timer> gate;  // "hold" waits on it in handle_message
};

/// Relabeler steps past itself and forwards the message unchanged with forward_now; a body
/// "hold" takes the queued path and waits there until the test opens the gate.
class Relabeler final : public Worker<Any> {
 public:
  explicit Relabeler(std::shared_ptr<RelabelerLog> log) : log_(std::move(log)) {}

  std::optional<Result<void>> handle_synchronously(Context& ctx, const Address& /*msg_address*/,
                                                   LocalMessage& message) override {
    auto body = bare::decode<std::string>(message.payload);
    if (body && *body == "hold") {
      return std::nullopt;
    }
    ++log_->synchronous;
    log_->order.push_back(body ? *body : std::string("?"));
    if (auto stepped = message.onward_route.step(); !stepped) {
      return stepped.error();
    }
    return ctx.forward_now(message, ctx.address());
  }

  Task<Result<void>> handle_message(Context& /*ctx*/, Routed<Any> message) override {
    ++log_->queued;
    log_->in_handle_message = true;
    log_->order.push_back(*bare::decode<std::string>(message.local_message().payload));
    co_await log_->gate->async_wait(kUseTuple);
    log_->in_handle_message = false;
    co_return ok();
  }

 private:
  std::shared_ptr<RelabelerLog> log_;
};

/// Sink takes messages in its handler until the gate opens, so its mailbox fills up.
struct SinkLog {
  std::vector<std::string> bodies;
  std::optional<asio::steady_timer> gate;
};

class Sink final : public Worker<std::string> {
 public:
  explicit Sink(std::shared_ptr<SinkLog> log) : log_(std::move(log)) {}

  Task<Result<void>> handle_message(Context& /*ctx*/, Routed<std::string> message) override {
    if (log_->gate) {
      co_await log_->gate->async_wait(kUseTuple);
    }
    log_->bodies.push_back(message.body());
    co_return ok();
  }

 private:
  std::shared_ptr<SinkLog> log_;
};

std::shared_ptr<RelabelerLog> relabeler_log(Context& ctx) {
  auto log = std::make_shared<RelabelerLog>();
  log->gate.emplace(ctx.io());
  log->gate->expires_at(std::chrono::steady_clock::time_point::max());
  return log;
}

TEST(SynchronousPathTest, AnIdleWorkerHandlesTheMessageInTheSendersCall) {
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    auto log = relabeler_log(ctx);
    (co_await ctx.start_worker("relabeler", Relabeler(log))).value();
    // A first message, queued while the worker starts; once it is back, the worker waits on
    // its empty mailbox, idle.
    (co_await ctx.send(route("relabeler", ctx.address()), std::string("zero"))).value();
    (void)(co_await ctx.receive<std::string>(kReplyTimeout)).value();
    log->synchronous = 0;

    (co_await ctx.send(route("relabeler", ctx.address()), std::string("one"))).value();
    // No suspension between the send and this line: the worker has already handled it.
    EXPECT_EQ(log->synchronous, 1);
    EXPECT_EQ(log->queued, 0);
    auto forwarded = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(forwarded.body(), "one");
    co_return ok();
  });
}

TEST(SynchronousPathTest, MessagesSentWhileTheWorkerIsBusyKeepTheirOrder) {
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    auto log = relabeler_log(ctx);
    (co_await ctx.start_worker("relabeler", Relabeler(log))).value();
    (co_await ctx.send(route("relabeler", ctx.address()), std::string("hold"))).value();
    EXPECT_TRUE(co_await eventually(ctx, [&] { return log->in_handle_message; }));
    for (const char* body : {"a", "b", "c"}) {
      (co_await ctx.send(route("relabeler", ctx.address()), std::string(body))).value();
    }
    // Busy: queued behind the held message, not handled inline.
    EXPECT_EQ(log->synchronous, 0);
    log->gate->cancel();
    for (const char* body : {"a", "b", "c"}) {
      auto forwarded = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
      EXPECT_EQ(forwarded.body(), body);
    }
    EXPECT_EQ(log->order, (std::vector<std::string>{"hold", "a", "b", "c"}));
    EXPECT_EQ(log->synchronous, 3);  // taken from the queue by the synchronous path
    EXPECT_EQ(log->queued, 1);
    co_return ok();
  });
}

TEST(SynchronousPathTest, AFullNextHopParksTheMessageAndAppliesBackPressureWithoutLoss) {
  constexpr int kMessages = 3 * static_cast<int>(Mailbox::kDefaultCapacity);
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    auto log = relabeler_log(ctx);
    auto sink = std::make_shared<SinkLog>();
    sink->gate.emplace(ctx.io());
    sink->gate->expires_at(std::chrono::steady_clock::time_point::max());
    (co_await ctx.start_worker("relabeler", Relabeler(log))).value();
    (co_await ctx.start_worker("sink", Sink(sink))).value();

    auto sent = std::make_shared<int>(0);
    asio::co_spawn(
        ctx.io(),
        [](Context& sender, std::shared_ptr<int> count) -> Task<> {
          for (int i = 0; i < kMessages; ++i) {
            if (!co_await sender.send(route("relabeler", "sink"), std::to_string(i))) {
              co_return;
            }
            ++*count;
          }
        }(ctx, sent),
        asio::detached);
    // Where it stops: the sink holds one message in its handler and a full mailbox, the
    // relabeler has a parked message waiting for room and a full mailbox; nowhere else has
    // room, so the sender waits (back-pressure) with the rest unsent. Waiting producers wake
    // only once half a mailbox is free, so the sender may stop a message or two earlier.
    const int capacity = static_cast<int>(Mailbox::kDefaultCapacity);
    EXPECT_TRUE(co_await eventually(ctx, [&] { return *sent >= 2 * capacity; }));
    EXPECT_LE(*sent, 2 * capacity + 2);
    EXPECT_TRUE(sink->bodies.empty());

    sink->gate.reset();  // the waiting handler wakes (operation aborted) and the rest flows
    EXPECT_TRUE(co_await eventually(
        ctx, [&] { return static_cast<int>(sink->bodies.size()) == kMessages; }));
    EXPECT_EQ(*sent, kMessages);
    for (int i = 0; i < static_cast<int>(sink->bodies.size()); ++i) {
      if (sink->bodies[static_cast<std::size_t>(i)] != std::to_string(i)) {
        ADD_FAILURE() << "message " << i << " arrived as " << sink->bodies[i];
        break;
      }
    }
    co_return ok();
  });
}

TEST(SynchronousPathTest, AccessControlIsCheckedBeforeTheInlineHandler) {
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    auto log = relabeler_log(ctx);
    auto allowed = (ctx.new_detached_context()).value();
    // Built outside the co_await: GCC 12 mishandles a braced list inside one.
    std::vector<Address> sources{allowed->address()};
    IncomingAccessControlPtr only_allowed = allow_source_addresses(std::move(sources));
    (co_await ctx.start_worker("relabeler", Relabeler(log), only_allowed, nullptr)).value();
    std::uint64_t denied_before = ctx.router().denied_count();
    (co_await ctx.send(route("relabeler", ctx.address()), std::string("denied"))).value();
    EXPECT_EQ(ctx.router().denied_count(), denied_before + 1);
    (co_await allowed->send(route("relabeler", ctx.address()), std::string("allowed"))).value();
    auto forwarded = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(forwarded.body(), "allowed");
    EXPECT_EQ(log->order, std::vector<std::string>(1, "allowed"));
    co_return ok();
  });
}

TEST(SynchronousPathTest, AMessageBackToAWorkerInItsOwnHandlerIsQueuedNotReentered) {
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    auto log = relabeler_log(ctx);
    (co_await ctx.start_worker("relabeler", Relabeler(log))).value();
    (co_await ctx.send(route("relabeler", "relabeler", "relabeler", ctx.address()),
                       std::string("loop")))
        .value();
    auto forwarded = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(forwarded.body(), "loop");
    EXPECT_EQ(log->synchronous, 3);
    co_return ok();
  });
}

}  // namespace
}  // namespace ockam
