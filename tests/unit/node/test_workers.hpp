#pragma once

// Workers and helpers shared by the node tests.
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ockam/node/runtime.hpp"

namespace ockam::testing {

/// How long a test waits for a reply that should arrive.
inline constexpr std::chrono::milliseconds kReplyTimeout{2000};
/// How long a test waits for a reply that must not arrive.
inline constexpr std::chrono::milliseconds kNoReplyTimeout{50};

/// Journal is what a Recorder saw; the test keeps a shared_ptr to read it.
struct Journal {
  std::vector<std::string> bodies;
  std::vector<Address> msg_addresses;
  std::vector<Route> return_routes;
  int shutdowns = 0;
};

/// Recorder writes every string message into its journal and echoes it to the sender. The body
/// "fail" makes the handler return an error and "throw" makes it throw; neither is echoed.
class Recorder final : public Worker<std::string> {
 public:
  explicit Recorder(std::shared_ptr<Journal> journal) : journal_(std::move(journal)) {}

  Task<Result<void>> handle_message(Context& ctx, Routed<std::string> message) override {
    journal_->bodies.push_back(message.body());
    journal_->msg_addresses.push_back(message.msg_address());
    journal_->return_routes.push_back(message.return_route());
    if (message.body() == "fail") {
      co_return Error(Origin::kApplication, Kind::kInvalid, "asked to fail");
    }
    if (message.body() == "throw") {
      throw std::runtime_error("asked to throw");
    }
    co_return co_await ctx.send(message.return_route(), message.body());
  }

  Task<Result<void>> shutdown(Context&) override {
    ++journal_->shutdowns;
    co_return ok();
  }

 private:
  std::shared_ptr<Journal> journal_;
};

/// Hop steps past itself and forwards the message, putting itself on the return route so
/// replies come back through it (like the examples' Hop).
class Hop final : public Worker<Any> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override {
    LocalMessage local = std::move(message).take_local_message();
    if (auto stepped = local.onward_route.step(); !stepped) {
      co_return stepped.error();
    }
    local.return_route.prepend(ctx.address());
    co_return co_await ctx.forward(std::move(local));
  }
};

/// eventually polls `condition` every millisecond until it holds or `timeout` passes, and
/// tells whether it held.
inline Task<bool> eventually(Context& ctx, std::function<bool()> condition,
                             std::chrono::milliseconds timeout = kReplyTimeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  asio::steady_timer timer(ctx.io());
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      co_return false;
    }
    timer.expires_after(std::chrono::milliseconds(1));
    co_await timer.async_wait(kUseTuple);
  }
  co_return true;
}

/// Runs `main` on a fresh node until it completes and fails the test if it returned an error
/// (a `value()` on an error inside `main` throws, which ends up here too).
inline void run_node_test(std::function<Task<Result<void>>(Context&)> main) {
  Runtime runtime;
  auto result = runtime.run_until_complete(std::move(main));
  if (!result) {
    ADD_FAILURE() << result.error().to_string();
  }
}

}  // namespace ockam::testing
