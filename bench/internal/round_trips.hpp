#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <CLI/CLI.hpp>

#include "ockam/core/result.hpp"
#include "ockam/node/asio.hpp"

namespace ockam::bench {

/// RoundTripOptions are the settings of a latency benchmark (one request outstanding at a time).
struct RoundTripOptions {
  std::size_t size = 64;
  std::uint64_t count = 10'000;
  std::uint64_t warmup = 200;
  double max_seconds = 30.0;
};

/// add_round_trip_options adds --size, --count, --warmup and --max-seconds to `command`.
void add_round_trip_options(CLI::App* command, RoundTripOptions& options);

/// Latencies are the round trips measured after the warm-up, in microseconds.
using Latencies = std::vector<double>;

/// microseconds_since is the time from `start` to now in microseconds.
double microseconds_since(std::chrono::steady_clock::time_point start);

/// percentile is the `fraction` percentile (nearest rank) of `samples`, which it reorders; 0
/// when there are none.
double percentile(Latencies& samples, double fraction);

/// echo_frames sends frames of `options.size` bytes one at a time over a plain TCP connection to
/// 127.0.0.1:`port` and waits for each echo (an echo server, directly or through a portal). The
/// errors of FramedConnection; kProtocol when an echo differs.
Task<Result<Latencies>> echo_frames(asio::io_context& io, std::uint16_t port,
                                    RoundTripOptions options);

}  // namespace ockam::bench
