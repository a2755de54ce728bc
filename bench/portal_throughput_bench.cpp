// portal-throughput: bulk bytes/s of one TCP stream through inlet -> secure channel over
// loopback TCP -> outlet (the outlet's node in a second process, the target in a third),
// beside the same stream sent directly to the target over loopback TCP and through a chain of
// two plain TCP forwarders (the portal's topology without Ockam), in the same run.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "internal/framed_connection.hpp"
#include "internal/message_sizes.hpp"
#include "internal/portal_paths.hpp"
#include "ockam/core/byte_reader.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::size_t size = 65536;
  double seconds = 3.0;
};

/// Sends frames of `options.size` bytes to the counting server behind `port` for
/// `options.seconds`, then asks for the count; returns bytes/s up to the count's arrival.
Task<Result<double>> stream_frames(asio::io_context& io, std::uint16_t port, Options options) {
  auto connection = co_await FramedConnection::connect(io, port);
  if (!connection) {
    co_return connection.error();
  }
  const Bytes payload(options.size, kPayloadByte);
  const std::size_t frames_per_write = std::max<std::size_t>(1, (1024 * 1024) / (options.size + 4));
  Bytes batch;
  for (std::size_t i = 0; i < frames_per_write; ++i) {
    append_frame(batch, payload);
  }
  Bytes ask_count;
  append_frame(ask_count, ByteView());
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration<double>(options.seconds);
  std::uint64_t sent = 0;
  while (Clock::now() < deadline) {
    if (auto written = co_await connection->write(batch); !written) {
      co_return written.error();
    }
    sent += frames_per_write;
  }
  if (auto written = co_await connection->write(ask_count); !written) {
    co_return written.error();
  }
  Bytes reply;
  if (auto read = co_await connection->read_frame(reply); !read) {
    co_return read.error();
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  ByteReader reader(reply);
  std::uint64_t counted = 0;
  if (!reader.read_u64_be(counted) || counted != sent) {
    co_return Error(Origin::kApplication, Kind::kProtocol, "the server counted other frames");
  }
  connection->close();
  co_return static_cast<double>(counted * options.size) / elapsed;
}

void run_portal_throughput(const Options& options) {
  auto figures = measure_portal_paths<double>("portal-throughput", kTcpCounterRole, options.seconds,
                                              [&options](asio::io_context& io, std::uint16_t port) {
                                                return stream_frames(io, port, options);
                                              });
  report("portal_throughput_bytes_per_s", figures.portal, "B/s");
  report("tcp_direct_throughput_bytes_per_s", figures.direct, "B/s");
  report("portal_throughput_ratio_to_direct", 100.0 * figures.portal / figures.direct, "%");
  report("tcp_relay_chain_throughput_bytes_per_s", figures.relay_chain, "B/s");
  report("portal_throughput_ratio_to_relay_chain", 100.0 * figures.portal / figures.relay_chain,
         "%");
}

}  // namespace

void add_portal_throughput_command(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "portal-throughput",
      "bytes/s of one TCP stream through inlet -> secure channel -> outlet, beside direct TCP");
  command->add_option("--size", options->size, "frame size in bytes (default 65536)")
      ->check(CLI::Range(std::size_t{1}, kMaxMessageSize));
  command->add_option("--seconds", options->seconds, "how long each stream runs (default 3)")
      ->check(CLI::PositiveNumber);
  command->callback([options] { run_portal_throughput(*options); });
}

}  // namespace ockam::bench
