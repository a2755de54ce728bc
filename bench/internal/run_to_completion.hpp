#pragma once

#include <functional>
#include <optional>
#include <utility>

#include "ockam/api/node.hpp"

namespace ockam::bench {

namespace detail {

/// Awaits `task` and keeps its result in `out` (owned by the caller of io_context::run, which
/// outlives the coroutine).
template <class T>
Task<Result<void>> keep_result(Task<Result<T>> task, std::optional<Result<T>>& out) {
  out.emplace(co_await std::move(task));
  if (!*out) {
    co_return out->error();
  }
  co_return ok();
}

inline Error unfinished() {
  return Error(Origin::kApplication, Kind::kInternal, "the benchmark did not finish");
}

}  // namespace detail

/// run_on_node runs `body` on a fresh node (its own Runtime and in-memory services) until it
/// completes, stops the node, and returns what `body` returned, or the node's error when it
/// stopped first.
template <class T>
Result<T> run_on_node(std::function<Task<Result<T>>(Node)> body) {
  Runtime runtime;
  Node node(runtime);
  std::optional<Result<T>> result;
  auto ran = runtime.run_until_complete(
      [&body, node, &result](Context&) { return detail::keep_result(body(node), result); });
  if (!result) {
    if (!ran) {
      return ran.error();
    }
    return detail::unfinished();
  }
  return std::move(*result);
}

/// run_on_io runs `body` on a fresh single-threaded io_context (no node: the baselines) until
/// nothing is left to do, and returns what `body` returned.
template <class T>
Result<T> run_on_io(std::function<Task<Result<T>>(asio::io_context&)> body) {
  asio::io_context io(1);
  std::optional<Result<T>> result;
  asio::co_spawn(io, detail::keep_result(body(io), result), asio::detached);
  io.run();
  if (!result) {
    return detail::unfinished();
  }
  return std::move(*result);
}

}  // namespace ockam::bench
