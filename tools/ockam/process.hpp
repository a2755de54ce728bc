#pragma once

#include <chrono>
#include <cstdint>

namespace ockam::command {

/// process_is_running is whether `pid` is a live process (not a zombie) running `ockam`: a
/// stale pid reused by another program does not count.
bool process_is_running(std::int64_t pid);

/// wait_for_exit polls (every 50 ms) until `pid` is no longer running or `timeout` passes;
/// returns whether it ended.
bool wait_for_exit(std::int64_t pid, std::chrono::milliseconds timeout);

}  // namespace ockam::command
