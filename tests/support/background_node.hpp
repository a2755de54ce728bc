#pragma once

#include <functional>
#include <future>
#include <string>
#include <thread>

#include "ockam/node/runtime.hpp"

namespace ockam::testing {

/// BackgroundNode runs `setup` on a fresh node in its own thread and keeps the node running
/// until the object is destroyed. `value()` is what `setup` returned (or "error: ...").
class BackgroundNode {
 public:
  explicit BackgroundNode(std::function<Task<Result<std::string>>(Context&)> setup) {
    std::promise<std::string> ready;
    auto ready_future = ready.get_future();
    thread_ = std::thread([this, setup = std::move(setup), &ready] {
      (void)runtime_.run_until_stopped([&](Context& ctx) -> Task<Result<void>> {
        auto result = co_await setup(ctx);
        ready.set_value(result ? *result : "error: " + result.error().to_string());
        co_return ok();
      });
    });
    value_ = ready_future.get();
  }
  ~BackgroundNode() {
    runtime_.request_stop();
    thread_.join();
  }
  BackgroundNode(const BackgroundNode&) = delete;
  BackgroundNode& operator=(const BackgroundNode&) = delete;

  const std::string& value() const { return value_; }

 private:
  Runtime runtime_;
  std::thread thread_;
  std::string value_;
};

}  // namespace ockam::testing
