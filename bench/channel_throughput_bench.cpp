// channel-throughput: a one-way stream of messages through one secure channel over loopback TCP
// to a counting worker in a second process, beside plain TCP: the same u32-length-prefixed
// frames written in batches with plain asio and counted by a plain asio receiver. The runtime's
// back-pressure (bounded mailboxes, bounded bytes queued per connection) keeps memory bounded.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "internal/budget.hpp"
#include "internal/exit_on_error.hpp"
#include "internal/framed_connection.hpp"
#include "internal/message_sizes.hpp"
#include "internal/peer_channel.hpp"
#include "internal/peer_process.hpp"
#include "internal/peer_protocol.hpp"
#include "internal/run_to_completion.hpp"
#include "ockam/core/byte_reader.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

/// The baseline writes frames in batches of about this many bytes.
constexpr std::size_t kBatchBytes = 64 * 1024;
/// How long the sender waits for the receiver's count after the stream.
constexpr std::chrono::seconds kCountTimeout{30};

struct Options {
  std::vector<std::size_t> sizes;
  double seconds = 2.0;
  std::uint64_t max_messages = 1'000'000'000;
};

Error missed_messages() {
  return Error(Origin::kApplication, Kind::kProtocol, "the receiver did not count every message");
}

/// Streams `size`-byte messages through the channel to the peer's counter until the budget is
/// spent, then asks for the count; the tally runs until the count is back.
Task<Result<Tally>> stream_through_channel(Node node, std::string address, std::size_t size,
                                           Options options) {
  auto client = co_await make_peer_client(node);
  if (!client) {
    co_return client.error();
  }
  auto peer = co_await open_peer_channel(node, *client, std::move(address));
  if (!peer) {
    co_return peer.error();
  }
  Context& ctx = node.context();
  LocalMessage message = worker_message(*peer, ctx.address(), size);
  Budget budget(options.seconds, options.max_messages);
  std::uint64_t sent = 0;
  while (budget.allows(sent)) {
    if (auto forwarded = co_await ctx.forward(message); !forwarded) {
      co_return forwarded.error();
    }
    ++sent;
  }
  message.payload.clear();  // asks for the count
  if (auto asked = co_await ctx.forward(std::move(message)); !asked) {
    co_return asked.error();
  }
  auto count = co_await ctx.receive<std::uint64_t>(kCountTimeout);
  if (!count) {
    co_return count.error();
  }
  Tally tally = budget.tally(sent);
  if (count->body() != sent) {
    co_return missed_messages();
  }
  if (auto closed = co_await close_peer_channel(node, *client, std::move(*peer)); !closed) {
    co_return closed.error();
  }
  co_return tally;
}

/// The baseline: the same stream as frames written in batches on a plain connection.
Task<Result<Tally>> stream_frames(asio::io_context& io, std::uint16_t port, std::size_t size,
                                  Options options) {
  auto connection = co_await FramedConnection::connect(io, port);
  if (!connection) {
    co_return connection.error();
  }
  const Bytes payload(size, kPayloadByte);
  const std::size_t per_batch = std::max<std::size_t>(1, kBatchBytes / (size + kFrameHeaderLength));
  Bytes batch;
  Budget budget(options.seconds, options.max_messages);
  std::uint64_t sent = 0;
  while (budget.allows(sent)) {
    batch.clear();
    for (std::size_t i = 0; i < per_batch; ++i) {
      append_frame(batch, payload);
    }
    if (auto written = co_await connection->write(batch); !written) {
      co_return written.error();
    }
    sent += per_batch;
  }
  batch.clear();
  append_frame(batch, {});  // asks for the count
  if (auto written = co_await connection->write(batch); !written) {
    co_return written.error();
  }
  Bytes reply;
  if (auto read = co_await connection->read_frame(reply); !read) {
    co_return read.error();
  }
  Tally tally = budget.tally(sent);
  ByteReader reader(reply);
  std::uint64_t count = 0;
  if (!reader.read_u64_be(count) || !reader.empty() || count != sent) {
    co_return missed_messages();
  }
  connection->close();
  co_return tally;
}

void run_channel_throughput(const Options& options) {
  PeerProcess channel_peer = exit_on_error(
      PeerProcess::start({"--serve", std::string(kChannelCounterRole)}), "channel-throughput peer");
  PeerProcess tcp_peer =
      exit_on_error(PeerProcess::start({"--serve", std::string(kTcpCounterRole)}),
                    "channel-throughput baseline peer");
  const std::vector<std::size_t>& sizes =
      options.sizes.empty() ? kDefaultMessageSizes : options.sizes;
  for (std::size_t size : sizes) {
    auto through_channel = [&](Node node) {
      return stream_through_channel(node, channel_peer.address(), size, options);
    };
    auto through_tcp = [&](asio::io_context& io) {
      return stream_frames(io, tcp_peer.port(), size, options);
    };
    Tally channel = exit_on_error(run_on_node<Tally>(limit_for(options.seconds), through_channel),
                                  "channel-throughput");
    Tally baseline = exit_on_error(run_on_io<Tally>(limit_for(options.seconds), through_tcp),
                                   "channel-throughput baseline");
    report(fmt::format("channel_throughput_{}_msgs_per_s", size), channel.per_second(), "msgs/s");
    report(fmt::format("channel_throughput_{}_bytes_per_s", size), channel.bytes_per_second(size),
           "B/s");
    report(fmt::format("tcp_baseline_{}_msgs_per_s", size), baseline.per_second(), "msgs/s");
    report(fmt::format("tcp_baseline_{}_bytes_per_s", size), baseline.bytes_per_second(size),
           "B/s");
  }
  exit_on_error(channel_peer.stop(), "channel-throughput peer");
  exit_on_error(tcp_peer.stop(), "channel-throughput baseline peer");
}

}  // namespace

void add_channel_throughput_command(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "channel-throughput",
      "one-way messages/s through a secure channel to another process, beside plain TCP");
  command
      ->add_option("--size", options->sizes,
                   "payload sizes in bytes (default: 64 1024 16384 65536)")
      ->check(CLI::Range(std::size_t{1}, kMaxMessageSize));
  command->add_option("--seconds", options->seconds, "how long each stream runs (default 2)")
      ->check(CLI::PositiveNumber);
  command->add_option("--max-messages", options->max_messages, "upper bound on messages per stream")
      ->check(CLI::PositiveNumber);
  command->callback([options] { run_channel_throughput(*options); });
}

}  // namespace ockam::bench
