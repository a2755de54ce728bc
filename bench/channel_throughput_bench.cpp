// channel-throughput: a one-way stream of messages through one secure channel over loopback TCP
// to a counting worker in a second process, beside three baselines in the same run: plain TCP
// (the same u32-length-prefixed frames written in batches with plain asio and counted by a plain
// asio receiver), ZeroMQ CURVE (PUSH/PULL) and TLS 1.3 (one record per frame, records written in
// batches). The runtime's back-pressure (bounded mailboxes, bounded bytes queued per connection)
// keeps memory bounded. The channel's heap allocations per message are counted on both sides.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <zmq.h>

#include "internal/allocation_counter.hpp"
#include "internal/baseline_peers.hpp"
#include "internal/budget.hpp"
#include "internal/exit_on_error.hpp"
#include "internal/framed_connection.hpp"
#include "internal/message_sizes.hpp"
#include "internal/peer_channel.hpp"
#include "internal/peer_process.hpp"
#include "internal/peer_protocol.hpp"
#include "internal/run_to_completion.hpp"
#include "internal/zmq_socket.hpp"
#include "ockam/core/byte_reader.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

/// The baseline writes frames in batches of about this many bytes.
constexpr std::size_t kBatchBytes = 64 * 1024;
/// How long the sender waits for the receiver's count after the stream (and how long a
/// ZeroMQ or TLS write may wait for the receiver).
constexpr std::chrono::seconds kCountTimeout{30};

struct Options {
  std::vector<std::size_t> sizes;
  double seconds = 2.0;
  std::uint64_t max_messages = 1'000'000'000;
};

/// ChannelStream is what a stream through the channel measured.
struct ChannelStream {
  Tally tally;
  /// Heap allocations per message on the sending node's thread and on the receiving one's.
  double sender_allocations = 0;
  double receiver_allocations = 0;
};

Error missed_messages() {
  return Error(Origin::kApplication, Kind::kProtocol, "the receiver did not count every message");
}

/// The count in a baseline peer's answer (a big-endian u64), checked against `sent`.
Result<void> check_count(ByteView answer, std::uint64_t sent) {
  ByteReader reader(answer);
  std::uint64_t count = 0;
  if (!reader.read_u64_be(count) || !reader.empty() || count != sent) {
    return missed_messages();
  }
  return ok();
}

double per_message(std::uint64_t total, std::uint64_t messages) {
  return messages == 0 ? 0 : static_cast<double>(total) / static_cast<double>(messages);
}

/// Streams `size`-byte messages through the channel to the peer's counter until the budget is
/// spent, then asks for the count; the tally runs until the count is back.
Task<Result<ChannelStream>> stream_through_channel(Node node, std::string address, std::size_t size,
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
  const std::uint64_t allocations_before = allocations_on_this_thread();
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
  // The answer: the count and the receiver's allocations (peer_protocol.hpp).
  auto answer = co_await ctx.receive<std::vector<std::uint64_t>>(kCountTimeout);
  if (!answer) {
    co_return answer.error();
  }
  ChannelStream stream{budget.tally(sent)};
  stream.sender_allocations = per_message(allocations_on_this_thread() - allocations_before, sent);
  const std::vector<std::uint64_t>& counted = answer->body();
  if (counted.size() != 2 || counted[0] != sent) {
    co_return missed_messages();
  }
  stream.receiver_allocations = per_message(counted[1], sent);
  if (auto closed = co_await close_peer_channel(node, *client, std::move(*peer)); !closed) {
    co_return closed.error();
  }
  co_return stream;
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
  if (auto counted = check_count(reply, sent); !counted) {
    co_return counted.error();
  }
  connection->close();
  co_return tally;
}

/// ZeroMQ CURVE: the same stream as messages on a PUSH socket to the peer's PULL socket; the
/// count comes back on a second socket pair.
Result<Tally> stream_zmq(const ZmqPeer& peer, std::size_t size, const Options& options) {
  auto keys = CurveKeys::generate();
  if (!keys) {
    return keys.error();
  }
  ZmqContext context;
  auto push = ZmqSocket::connect_client(context, ZMQ_PUSH, *keys, peer.server_key,
                                        peer.process.port(), kCountTimeout);
  if (!push) {
    return push.error();
  }
  auto pull = ZmqSocket::connect_client(context, ZMQ_PULL, *keys, peer.server_key, peer.reply_port,
                                        kCountTimeout);
  if (!pull) {
    return pull.error();
  }
  const Bytes payload(size, kPayloadByte);
  Budget budget(options.seconds, options.max_messages);
  std::uint64_t sent = 0;
  while (budget.allows(sent)) {
    if (auto pushed = push->send(payload); !pushed) {
      return pushed.error();
    }
    ++sent;
  }
  if (auto asked = push->send({}); !asked) {
    return asked.error();
  }
  Bytes reply;
  if (auto received = pull->receive(reply); !received) {
    return received.error();
  }
  Tally tally = budget.tally(sent);
  if (auto counted = check_count(reply, sent); !counted) {
    return counted.error();
  }
  return tally;
}

/// TLS 1.3: the same stream as frames, one record per frame, the records sent in batches of
/// about kBatchBytes (as the plain-TCP baseline batches its frames).
Result<Tally> stream_tls(const TlsPeer& peer, std::size_t size, const Options& options) {
  auto connection = TlsConnection::connect(peer.context, peer.process.port(), kCountTimeout);
  if (!connection) {
    return connection.error();
  }
  Bytes frame;
  append_frame(frame, Bytes(size, kPayloadByte));
  const std::size_t per_batch = std::max<std::size_t>(1, kBatchBytes / frame.size());
  Budget budget(options.seconds, options.max_messages);
  std::uint64_t sent = 0;
  while (budget.allows(sent)) {
    if (auto written = connection->write(frame); !written) {
      return written.error();
    }
    if (++sent % per_batch == 0) {
      if (auto flushed = connection->flush(); !flushed) {
        return flushed.error();
      }
    }
  }
  Bytes ask;
  append_frame(ask, {});
  if (auto asked = connection->write(ask); !asked) {
    return asked.error();
  }
  if (auto flushed = connection->flush(); !flushed) {
    return flushed.error();
  }
  Bytes reply;
  if (auto read = connection->read_frame(reply); !read) {
    return read.error();
  }
  Tally tally = budget.tally(sent);
  if (auto counted = check_count(reply, sent); !counted) {
    return counted.error();
  }
  connection->close();
  return tally;
}

void report_rate(const std::string& prefix, std::size_t size, const Tally& tally) {
  report(fmt::format("{}_{}_msgs_per_s", prefix, size), tally.per_second(), "msgs/s");
  report(fmt::format("{}_{}_bytes_per_s", prefix, size), tally.bytes_per_second(size), "B/s");
}

void run_channel_throughput(const Options& options) {
  PeerProcess channel_peer = exit_on_error(
      PeerProcess::start({"--serve", std::string(kChannelCounterRole)}), "channel-throughput peer");
  PeerProcess tcp_peer =
      exit_on_error(PeerProcess::start({"--serve", std::string(kTcpCounterRole)}),
                    "channel-throughput baseline peer");
  ZmqPeer zmq_peer =
      exit_on_error(start_zmq_peer(ServerWorker::kCounter), "channel-throughput ZeroMQ peer");
  TlsPeer tls_peer =
      exit_on_error(start_tls_peer(ServerWorker::kCounter), "channel-throughput TLS peer");
  const std::vector<std::size_t>& sizes =
      options.sizes.empty() ? kDefaultMessageSizes : options.sizes;
  for (std::size_t size : sizes) {
    auto through_channel = [&](Node node) {
      return stream_through_channel(node, channel_peer.address(), size, options);
    };
    auto through_tcp = [&](asio::io_context& io) {
      return stream_frames(io, tcp_peer.port(), size, options);
    };
    ChannelStream channel =
        exit_on_error(run_on_node<ChannelStream>(limit_for(options.seconds), through_channel),
                      "channel-throughput");
    Tally baseline = exit_on_error(run_on_io<Tally>(limit_for(options.seconds), through_tcp),
                                   "channel-throughput baseline");
    Tally zmq = exit_on_error(stream_zmq(zmq_peer, size, options), "channel-throughput ZeroMQ");
    Tally tls = exit_on_error(stream_tls(tls_peer, size, options), "channel-throughput TLS");
    report_rate("channel_throughput", size, channel.tally);
    report(fmt::format("channel_throughput_{}_allocs_per_msg_sender", size),
           channel.sender_allocations, "allocs/msg", 2);
    report(fmt::format("channel_throughput_{}_allocs_per_msg_receiver", size),
           channel.receiver_allocations, "allocs/msg", 2);
    report_rate("tcp_baseline", size, baseline);
    report_rate("zmq_curve", size, zmq);
    report_rate("tls13", size, tls);
  }
  exit_on_error(channel_peer.stop(), "channel-throughput peer");
  exit_on_error(tcp_peer.stop(), "channel-throughput baseline peer");
  exit_on_error(zmq_peer.process.stop(), "channel-throughput ZeroMQ peer");
  exit_on_error(tls_peer.process.stop(), "channel-throughput TLS peer");
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
