#include "ockam/node/worker.hpp"

#include <gtest/gtest.h>

#include "ockam/node/runtime.hpp"
#include "test_workers.hpp"

namespace ockam {
namespace {

using testing::Journal;
using testing::kReplyTimeout;
using testing::Recorder;
using testing::run_node_test;

TEST(WorkerTest, ABodyThatDoesNotDecodeIsDroppedAndTheWorkerKeepsRunning) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("recorder", Recorder(journal))).value();
    // A length-prefixed 0xff is not UTF-8, so it is no std::string.
    Bytes not_utf8(1, 0xff);
    (co_await ctx.send(route("recorder"), not_utf8)).value();
    // One byte declaring a five-byte string that is not there.
    (co_await ctx.send(route("recorder"), std::uint8_t{5})).value();
    (co_await ctx.send(route("recorder"), std::string("good"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "good");
    co_return ok();
  });
  EXPECT_EQ(journal->bodies, std::vector<std::string>{"good"});
}

TEST(WorkerTest, AHandlerReturningAnErrorKeepsTheWorkerRunning) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("recorder", Recorder(journal))).value();
    (co_await ctx.send(route("recorder"), std::string("fail"))).value();
    (co_await ctx.send(route("recorder"), std::string("after"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "after");
    EXPECT_TRUE(ctx.router().has_address("recorder"));
    co_return ok();
  });
  EXPECT_EQ(journal->bodies, (std::vector<std::string>{"fail", "after"}));
}

TEST(WorkerTest, AHandlerThrowingKeepsTheWorkerRunning) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("recorder", Recorder(journal))).value();
    (co_await ctx.send(route("recorder"), std::string("throw"))).value();
    (co_await ctx.send(route("recorder"), std::string("after"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "after");
    co_return ok();
  });
  EXPECT_EQ(journal->bodies, (std::vector<std::string>{"throw", "after"}));
}

TEST(WorkerTest, AWorkerWithTwoAddressesSeesTheMsgAddressOfEach) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    std::vector<MailboxSpec> mailboxes{{"first"}, {"second"}};
    (co_await ctx.start_worker_with_mailboxes(std::move(mailboxes),
                                              std::make_shared<Recorder>(journal)))
        .value();
    (co_await ctx.send(route("second"), std::string("to second"))).value();
    (void)(co_await ctx.receive<std::string>(kReplyTimeout)).value();
    (co_await ctx.send(route("first"), std::string("to first"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    // The worker replies from its primary address whichever address it was reached at.
    EXPECT_EQ(*reply.sender(), Address("first"));
    co_return ok();
  });
  EXPECT_EQ(journal->msg_addresses, (std::vector<Address>{"second", "first"}));
}

TEST(WorkerTest, StartingTwoWorkersOnTheSameAddressFailsWithAlreadyExists) {
  auto first = std::make_shared<Journal>();
  auto second = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("taken", Recorder(first))).value();
    auto again = co_await ctx.start_worker("taken", Recorder(second));
    EXPECT_FALSE(again);
    EXPECT_EQ(again.error().kind(), Kind::kAlreadyExists);
    EXPECT_EQ(again.error().detail(), "0#taken");
    (co_await ctx.send(route("taken"), std::string("who"))).value();
    (void)(co_await ctx.receive<std::string>(kReplyTimeout)).value();
    co_return ok();
  });
  EXPECT_EQ(first->bodies.size(), 1u);
  EXPECT_TRUE(second->bodies.empty());
}

TEST(WorkerTest, AWorkerNamingOneAddressTwiceFailsAndLeavesTheAddressFree) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    std::vector<MailboxSpec> twice{{"dup"}, {"dup"}};
    auto started = co_await ctx.start_worker_with_mailboxes(std::move(twice),
                                                            std::make_shared<Recorder>(journal));
    EXPECT_FALSE(started);
    EXPECT_EQ(started.error().kind(), Kind::kAlreadyExists);
    EXPECT_EQ(started.error().detail(), "0#dup");
    EXPECT_FALSE(ctx.router().has_address("dup"));
    EXPECT_TRUE(co_await ctx.start_worker("dup", Recorder(journal)));
    co_return ok();
  });
}

TEST(WorkerTest, AWorkerWithoutAddressesIsInvalid) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    auto started = co_await ctx.start_worker_with_mailboxes(
        {}, std::make_shared<Recorder>(std::make_shared<Journal>()));
    EXPECT_FALSE(started);
    EXPECT_EQ(started.error().kind(), Kind::kInvalid);
    co_return ok();
  });
}

TEST(WorkerTest, AWorkerWhoseInitializeFailsIsUnregisteredAndNeverShutDown) {
  class FailsToStart final : public Worker<std::string> {
   public:
    explicit FailsToStart(std::shared_ptr<Journal> journal) : journal_(std::move(journal)) {}
    Task<Result<void>> initialize(Context&) override {
      co_return Error(Origin::kApplication, Kind::kInvalid, "cannot start");
    }
    Task<Result<void>> handle_message(Context&, Routed<std::string> message) override {
      journal_->bodies.push_back(message.body());
      co_return ok();
    }
    Task<Result<void>> shutdown(Context&) override {
      ++journal_->shutdowns;
      co_return ok();
    }

   private:
    std::shared_ptr<Journal> journal_;
  };
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("broken", FailsToStart(journal))).value();
    bool gone =
        co_await testing::eventually(ctx, [&] { return !ctx.router().has_address("broken"); });
    EXPECT_TRUE(gone);
    co_return ok();
  });
  EXPECT_TRUE(journal->bodies.empty());
  EXPECT_EQ(journal->shutdowns, 0);
}

}  // namespace
}  // namespace ockam
