#pragma once

#include <cstdint>

namespace ockam::bench {

/// allocations_on_this_thread is how many heap allocations (malloc, calloc, realloc, the
/// aligned forms, and so operator new) the calling thread has made since it started. The
/// benchmark program replaces the C allocator's entry points with counting ones that forward
/// to glibc (internal/allocation_counter.cpp), so allocations made inside OpenSSL, libsodium
/// and Asio count too. A node runs on one thread, so the difference of two readings on that
/// thread is what the node allocated in between.
std::uint64_t allocations_on_this_thread() noexcept;

}  // namespace ockam::bench
