#pragma once

// The Asio pieces the node runtime uses, and the one completion token style of the project.

// A standard header first: Asio's config picks how it allocates coroutine frames from a macro
// of the standard library (_GLIBCXX_HAVE_ALIGNED_ALLOC). A translation unit that reached Asio
// before any standard header would allocate frames with operator new while the others free them
// with free() (an ODR violation that ASan reports as alloc-dealloc-mismatch).
#include <cstddef>

#include <asio/awaitable.hpp>
#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <asio/steady_timer.hpp>
#include <asio/use_awaitable.hpp>

#if defined(_GLIBCXX_HAVE_ALIGNED_ALLOC) && !defined(ASIO_HAS_STD_ALIGNED_ALLOC)
#error "an Asio header was included before any standard header; include a standard header first"
#endif

namespace ockam {

template <class T = void>
using Task = asio::awaitable<T>;

/// Every asynchronous call passes this token: errors come back as values, never exceptions.
inline constexpr auto kUseTuple = asio::experimental::as_tuple(asio::use_awaitable);

}  // namespace ockam
