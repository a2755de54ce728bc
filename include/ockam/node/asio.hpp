#pragma once

// The Asio pieces the node runtime uses, and the one completion token style of the project.
#include <asio/awaitable.hpp>
#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <asio/steady_timer.hpp>
#include <asio/use_awaitable.hpp>

namespace ockam {

template <class T = void>
using Task = asio::awaitable<T>;

/// Every asynchronous call passes this token: errors come back as values, never exceptions.
inline constexpr auto kUseTuple = asio::experimental::as_tuple(asio::use_awaitable);

}  // namespace ockam
