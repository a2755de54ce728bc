#include "ockam/node/runtime.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "support/echoer.hpp"
#include "test_workers.hpp"

namespace ockam {
namespace {

using testing::Echoer;

TEST(RuntimeTest, EchoWorkerRepliesToTheSender) {
  Runtime runtime;
  std::string reply;
  auto result = runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("echoer", Echoer{})).value();
    (co_await ctx.send(route("echoer"), std::string("Hello Ockam!"))).value();
    auto message = co_await ctx.receive<std::string>();
    reply = message.value().body();
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(reply, "Hello Ockam!");
}

using testing::Journal;
using testing::kReplyTimeout;
using testing::Recorder;
using testing::run_node_test;

TEST(RuntimeTest, StoppingTheNodeRunsEveryWorkersShutdown) {
  auto journal = std::make_shared<Journal>();
  Runtime runtime;
  auto result = runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    for (const char* address : {"a", "b", "c"}) {
      (co_await ctx.start_worker(address, Recorder(journal))).value();
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(journal->shutdowns, 3);
  EXPECT_TRUE(runtime.is_stopping());
}

TEST(RuntimeTest, StopWorkerRunsShutdownAndUnregistersTheAddress) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("worker", Recorder(journal))).value();
    (co_await ctx.stop_worker("worker")).value();
    EXPECT_EQ(journal->shutdowns, 1);
    EXPECT_FALSE(ctx.router().has_address("worker"));
    auto sent = co_await ctx.send(route("worker"), std::string("too late"));
    EXPECT_FALSE(sent);
    EXPECT_EQ(sent.error().kind(), Kind::kNotFound);
    co_return ok();
  });
  EXPECT_EQ(journal->shutdowns, 1);
  EXPECT_TRUE(journal->bodies.empty());
}

TEST(RuntimeTest, StopWorkerOfAnUnknownAddressReturnsNotFound) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    auto stopped = co_await ctx.stop_worker("nobody");
    EXPECT_FALSE(stopped);
    EXPECT_EQ(stopped.error().kind(), Kind::kNotFound);
    EXPECT_EQ(stopped.error().detail(), "0#nobody");
    co_return ok();
  });
}

TEST(RuntimeTest, AWorkerCanStopItself) {
  class StopsOnRequest final : public Worker<std::string> {
   public:
    explicit StopsOnRequest(std::shared_ptr<Journal> journal) : journal_(std::move(journal)) {}
    Task<Result<void>> handle_message(Context& ctx, Routed<std::string>) override {
      co_return co_await ctx.stop_worker(ctx.address());
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
    (co_await ctx.start_worker("quitter", StopsOnRequest(journal))).value();
    (co_await ctx.send(route("quitter"), std::string("stop"))).value();
    bool gone =
        co_await testing::eventually(ctx, [&] { return !ctx.router().has_address("quitter"); });
    EXPECT_TRUE(gone);
    EXPECT_EQ(journal->shutdowns, 1);
    co_return ok();
  });
}

TEST(RuntimeTest, RunUntilCompleteReturnsTheErrorOfMain) {
  Runtime runtime;
  auto result = runtime.run_until_complete([](Context&) -> Task<Result<void>> {
    co_return Error(Origin::kApplication, Kind::kPermission, "main failed");
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind(), Kind::kPermission);
}

TEST(RuntimeTest, RunUntilCompleteTurnsExceptionsFromMainIntoErrors) {
  Runtime thrown_error;
  auto from_value = thrown_error.run_until_complete([](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.send(route("nobody"), std::string("x"))).value();
    co_return ok();
  });
  ASSERT_FALSE(from_value);
  EXPECT_EQ(from_value.error().kind(), Kind::kNotFound);

  Runtime thrown_exception;
  auto from_exception = thrown_exception.run_until_complete([](Context&) -> Task<Result<void>> {
    throw std::runtime_error("boom");
    co_return ok();
  });
  ASSERT_FALSE(from_exception);
  EXPECT_EQ(from_exception.error().kind(), Kind::kInternal);
}

TEST(RuntimeTest, RunUntilStoppedKeepsTheNodeRunningAfterMainUntilAStop) {
  class StopsTheNode final : public Worker<std::string> {
   public:
    explicit StopsTheNode(std::shared_ptr<Journal> journal) : journal_(std::move(journal)) {}
    Task<Result<void>> handle_message(Context& ctx, Routed<std::string> message) override {
      journal_->bodies.push_back(message.body());
      co_return co_await ctx.stop();
    }
    Task<Result<void>> shutdown(Context&) override {
      ++journal_->shutdowns;
      co_return ok();
    }

   private:
    std::shared_ptr<Journal> journal_;
  };
  auto journal = std::make_shared<Journal>();
  bool main_returned = false;
  auto start = std::chrono::steady_clock::now();
  Runtime runtime;
  auto result = runtime.run_until_stopped([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("recorder", Recorder(journal))).value();
    (co_await ctx.start_worker("stopper", StopsTheNode(journal))).value();
    (co_await ctx.send(route("stopper"), std::string("stop"))).value();
    main_returned = true;
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_TRUE(main_returned);
  EXPECT_EQ(journal->bodies, std::vector<std::string>{"stop"});
  // Both workers shut down, the stopping one included, without waiting out the grace period.
  EXPECT_EQ(journal->shutdowns, 2);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
}

}  // namespace
}  // namespace ockam
