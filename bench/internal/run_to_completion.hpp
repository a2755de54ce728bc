#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <utility>

#include "ockam/api/node.hpp"

namespace ockam::bench {

/// How long a measurement may overrun its own time budget before its watchdog ends it (the
/// bound on anything that waits without a timeout of its own, such as back-pressure).
inline constexpr std::chrono::seconds kWatchdogGrace{60};

namespace detail {

/// Awaits `task`, keeps its result in `out` and cancels `watchdog` (both owned by the caller of
/// io_context::run, which outlives the coroutine).
template <class T>
Task<Result<void>> keep_result(Task<Result<T>> task, std::optional<Result<T>>& out,
                               asio::steady_timer& watchdog) {
  out.emplace(co_await std::move(task));
  watchdog.cancel();
  if (!*out) {
    co_return out->error();
  }
  co_return ok();
}

/// The result of a run whose body did not finish: the watchdog's timeout, or `otherwise`.
template <class T>
Result<T> unfinished(bool watchdog_fired, Result<void> otherwise) {
  if (watchdog_fired) {
    return Error(Origin::kApplication, Kind::kTimeout, "the benchmark overran its time limit");
  }
  if (!otherwise) {
    return otherwise.error();
  }
  return Error(Origin::kApplication, Kind::kInternal, "the benchmark did not finish");
}

}  // namespace detail

/// run_on_node runs `body` on a fresh node (its own Runtime and in-memory services) until it
/// completes, stops the node, and returns what `body` returned. kTimeout when `limit` passes
/// first (the node is then stopped); the node's error when it stopped on its own.
template <class T>
Result<T> run_on_node(std::chrono::steady_clock::duration limit,
                      std::function<Task<Result<T>>(Node)> body) {
  Runtime runtime;
  Node node(runtime);
  std::optional<Result<T>> result;
  bool watchdog_fired = false;
  asio::steady_timer watchdog(runtime.io());
  watchdog.expires_after(limit);
  watchdog.async_wait([&runtime, &watchdog_fired](const asio::error_code& error) {
    if (!error) {
      watchdog_fired = true;
      runtime.request_stop();
    }
  });
  auto ran = runtime.run_until_complete([&body, node, &result, &watchdog](Context&) {
    return detail::keep_result(body(node), result, watchdog);
  });
  if (!result) {
    return detail::unfinished<T>(watchdog_fired, ran);
  }
  return std::move(*result);
}

/// run_on_io runs `body` on a fresh single-threaded io_context (no node: the baselines) until
/// nothing is left to do, and returns what `body` returned. kTimeout when `limit` passes first.
template <class T>
Result<T> run_on_io(std::chrono::steady_clock::duration limit,
                    std::function<Task<Result<T>>(asio::io_context&)> body) {
  asio::io_context io(1);
  std::optional<Result<T>> result;
  bool watchdog_fired = false;
  asio::steady_timer watchdog(io);
  watchdog.expires_after(limit);
  watchdog.async_wait([&io, &watchdog_fired](const asio::error_code& error) {
    if (!error) {
      watchdog_fired = true;
      io.stop();
    }
  });
  asio::co_spawn(io, detail::keep_result(body(io), result, watchdog), asio::detached);
  io.run();
  if (!result) {
    return detail::unfinished<T>(watchdog_fired, ok());
  }
  return std::move(*result);
}

/// limit_for is the watchdog limit of a measurement that should take `seconds`.
inline std::chrono::steady_clock::duration limit_for(double seconds) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
             std::chrono::duration<double>(seconds)) +
         kWatchdogGrace;
}

}  // namespace ockam::bench
