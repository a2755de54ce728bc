#include "ockam/node/processor.hpp"

#include <gtest/gtest.h>

#include "ockam/node/runtime.hpp"
#include "test_workers.hpp"

namespace ockam {
namespace {

using testing::eventually;
using testing::run_node_test;

/// What a Counter did, shared with the test.
struct Progress {
  int initialized = 0;
  int processed = 0;
  int shutdowns = 0;
};

/// Counter counts its calls and asks to stop after `limit` of them (never, with limit 0).
/// Each call yields to the node first, so a stop request can arrive between calls.
class Counter final : public Processor {
 public:
  Counter(std::shared_ptr<Progress> progress, int limit, bool fail = false)
      : progress_(std::move(progress)), limit_(limit), fail_(fail) {}

  Task<Result<void>> initialize(Context&) override {
    ++progress_->initialized;
    co_return ok();
  }
  Task<Result<bool>> process(Context& ctx) override {
    co_await asio::post(ctx.io(), asio::use_awaitable);
    ++progress_->processed;
    if (fail_) {
      co_return Error(Origin::kApplication, Kind::kInvalid, "asked to fail");
    }
    co_return limit_ == 0 || progress_->processed < limit_;
  }
  Task<Result<void>> shutdown(Context&) override {
    ++progress_->shutdowns;
    co_return ok();
  }

 private:
  std::shared_ptr<Progress> progress_;
  int limit_;
  bool fail_;
};

TEST(ProcessorTest, AProcessorRunsUntilItReturnsFalseThenShutsDown) {
  auto progress = std::make_shared<Progress>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_processor("counter", std::make_shared<Counter>(progress, 5))).value();
    bool ended = co_await eventually(ctx, [&] { return !ctx.router().has_address("counter"); });
    EXPECT_TRUE(ended);
    co_return ok();
  });
  EXPECT_EQ(progress->initialized, 1);
  EXPECT_EQ(progress->processed, 5);
  EXPECT_EQ(progress->shutdowns, 1);
}

TEST(ProcessorTest, AProcessorErrorEndsItAndItsShutdownRuns) {
  auto progress = std::make_shared<Progress>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_processor("failing", std::make_shared<Counter>(progress, 0, true))).value();
    bool ended = co_await eventually(ctx, [&] { return !ctx.router().has_address("failing"); });
    EXPECT_TRUE(ended);
    co_return ok();
  });
  EXPECT_EQ(progress->processed, 1);
  EXPECT_EQ(progress->shutdowns, 1);
}

TEST(ProcessorTest, StopProcessorEndsARunningProcessorAndRunsItsShutdown) {
  auto progress = std::make_shared<Progress>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_processor("forever", std::make_shared<Counter>(progress, 0))).value();
    bool running = co_await eventually(ctx, [&] { return progress->processed >= 3; });
    EXPECT_TRUE(running);
    (co_await ctx.stop_processor("forever")).value();
    EXPECT_EQ(progress->shutdowns, 1);
    EXPECT_FALSE(ctx.router().has_address("forever"));
    co_return ok();
  });
  EXPECT_EQ(progress->shutdowns, 1);
}

TEST(ProcessorTest, StoppingTheNodeStopsAProcessorThatNeverEnds) {
  auto progress = std::make_shared<Progress>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_processor("forever", std::make_shared<Counter>(progress, 0))).value();
    co_return ok();
  });
  EXPECT_EQ(progress->shutdowns, 1);
}

TEST(ProcessorTest, AProcessorAddressRefusesMessages) {
  auto progress = std::make_shared<Progress>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_processor("forever", std::make_shared<Counter>(progress, 0))).value();
    EXPECT_TRUE(co_await ctx.send(route("forever"), std::string("hello")));
    EXPECT_EQ(ctx.router().denied_count(), 1u);
    co_return ok();
  });
}

}  // namespace
}  // namespace ockam
