#include "internal/round_trips.hpp"

#include <algorithm>
#include <cmath>

#include "internal/budget.hpp"
#include "internal/framed_connection.hpp"
#include "internal/message_sizes.hpp"
#include "internal/peer_protocol.hpp"

namespace ockam::bench {

void add_round_trip_options(CLI::App* command, RoundTripOptions& options) {
  command->add_option("--size", options.size, "payload size in bytes (default 64)")
      ->check(CLI::Range(std::size_t{1}, kMaxMessageSize));
  command->add_option("--count", options.count, "round trips measured (default 10000)")
      ->check(CLI::PositiveNumber);
  command->add_option("--warmup", options.warmup,
                      "round trips made first and not measured (default 200)");
  command
      ->add_option("--max-seconds", options.max_seconds,
                   "stop each side's run after this long (default 30)")
      ->check(CLI::PositiveNumber);
}

double microseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
      .count();
}

double percentile(Latencies& samples, double fraction) {
  if (samples.empty()) {
    return 0;
  }
  const auto rank =
      static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(samples.size())));
  const auto nth =
      samples.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(rank, 1) - 1);
  std::nth_element(samples.begin(), nth, samples.end());
  return *nth;
}

Task<Result<Latencies>> echo_frames(asio::io_context& io, std::uint16_t port,
                                    RoundTripOptions options) {
  auto connection = co_await FramedConnection::connect(io, port);
  if (!connection) {
    co_return connection.error();
  }
  const Bytes payload(options.size, kPayloadByte);
  Bytes frame;
  append_frame(frame, payload);
  Bytes echo;
  Latencies latencies;
  latencies.reserve(options.count);
  Budget budget(options.max_seconds, options.warmup + options.count);
  for (std::uint64_t i = 0; budget.allows(i); ++i) {
    const auto start = std::chrono::steady_clock::now();
    if (auto written = co_await connection->write(frame); !written) {
      co_return written.error();
    }
    if (auto read = co_await connection->read_frame(echo); !read) {
      co_return read.error();
    }
    if (echo != payload) {
      co_return wrong_echo();
    }
    if (i >= options.warmup) {
      latencies.push_back(microseconds_since(start));
    }
  }
  connection->close();
  co_return latencies;
}

}  // namespace ockam::bench
