// channel-latency: round-trip times through a secure channel over loopback TCP to an echo worker
// in a second process (p50 and p99), beside three baselines in the same run: a plain-TCP echo of
// the same u32-length-prefixed frames with plain asio on both ends, ZeroMQ CURVE (REQ/REP) and
// TLS 1.3 (the same frames, one record each).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <zmq.h>

#include "internal/baseline_peers.hpp"
#include "internal/budget.hpp"
#include "internal/exit_on_error.hpp"
#include "internal/framed_connection.hpp"
#include "internal/message_sizes.hpp"
#include "internal/peer_channel.hpp"
#include "internal/peer_process.hpp"
#include "internal/peer_protocol.hpp"
#include "internal/round_trips.hpp"
#include "internal/run_to_completion.hpp"
#include "internal/zmq_socket.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

using Clock = std::chrono::steady_clock;

/// How long one round trip may take before the run fails.
constexpr std::chrono::seconds kReplyTimeout{10};

using Options = RoundTripOptions;

Task<Result<Latencies>> echo_through_channel(Node node, std::string address, Options options) {
  auto client = co_await make_peer_client(node);
  if (!client) {
    co_return client.error();
  }
  auto peer = co_await open_peer_channel(node, *client, std::move(address));
  if (!peer) {
    co_return peer.error();
  }
  Context& ctx = node.context();
  LocalMessage message = worker_message(*peer, ctx.address(), options.size);
  Latencies latencies;
  latencies.reserve(options.count);
  Budget budget(options.max_seconds, options.warmup + options.count);
  for (std::uint64_t i = 0; budget.allows(i); ++i) {
    const auto start = Clock::now();
    if (auto forwarded = co_await ctx.forward(message); !forwarded) {
      co_return forwarded.error();
    }
    auto echo = co_await ctx.receive_envelope(kReplyTimeout);
    if (!echo) {
      co_return echo.error();
    }
    if (echo->message.payload != message.payload) {
      co_return wrong_echo();
    }
    if (i >= options.warmup) {
      latencies.push_back(microseconds_since(start));
    }
  }
  if (auto closed = co_await close_peer_channel(node, *client, std::move(*peer)); !closed) {
    co_return closed.error();
  }
  co_return latencies;
}

/// Measures one round trip with `exchange() -> Result<void>` until the budget is spent.
template <class Exchange>
Result<Latencies> measure_round_trips(const Options& options, Exchange exchange) {
  Latencies latencies;
  latencies.reserve(options.count);
  Budget budget(options.max_seconds, options.warmup + options.count);
  for (std::uint64_t i = 0; budget.allows(i); ++i) {
    const auto start = Clock::now();
    if (auto exchanged = exchange(); !exchanged) {
      return exchanged.error();
    }
    if (i >= options.warmup) {
      latencies.push_back(microseconds_since(start));
    }
  }
  return latencies;
}

/// ZeroMQ CURVE: the same round trips as requests on a REQ socket to the peer's REP socket.
Result<Latencies> echo_zmq(const ZmqPeer& peer, const Options& options) {
  auto keys = CurveKeys::generate();
  if (!keys) {
    return keys.error();
  }
  ZmqContext context;
  auto request = ZmqSocket::connect_client(context, ZMQ_REQ, *keys, peer.server_key,
                                           peer.process.port(), kReplyTimeout);
  if (!request) {
    return request.error();
  }
  const Bytes payload(options.size, kPayloadByte);
  Bytes echo;
  return measure_round_trips(options, [&]() -> Result<void> {
    if (auto sent = request->send(payload); !sent) {
      return sent.error();
    }
    if (auto received = request->receive(echo); !received) {
      return received.error();
    }
    if (echo != payload) {
      return wrong_echo();
    }
    return ok();
  });
}

/// TLS 1.3: the same round trips as frames, each frame one record.
Result<Latencies> echo_tls(const TlsPeer& peer, const Options& options) {
  auto connection = TlsConnection::connect(peer.context, peer.process.port(), kReplyTimeout);
  if (!connection) {
    return connection.error();
  }
  const Bytes payload(options.size, kPayloadByte);
  Bytes frame;
  append_frame(frame, payload);
  Bytes echo;
  auto latencies = measure_round_trips(options, [&]() -> Result<void> {
    if (auto written = connection->write(frame); !written) {
      return written.error();
    }
    if (auto flushed = connection->flush(); !flushed) {
      return flushed.error();
    }
    if (auto read = connection->read_frame(echo); !read) {
      return read.error();
    }
    if (echo != payload) {
      return wrong_echo();
    }
    return ok();
  });
  connection->close();
  return latencies;
}

void report_latencies(const std::string& prefix, Latencies latencies) {
  report(prefix + "_p50_us", percentile(latencies, 0.50), "us");
  report(prefix + "_p99_us", percentile(latencies, 0.99), "us");
}

void run_channel_latency(const Options& options) {
  PeerProcess channel_peer = exit_on_error(
      PeerProcess::start({"--serve", std::string(kChannelEchoRole)}), "channel-latency peer");
  PeerProcess tcp_peer = exit_on_error(PeerProcess::start({"--serve", std::string(kTcpEchoRole)}),
                                       "channel-latency baseline peer");
  ZmqPeer zmq_peer =
      exit_on_error(start_zmq_peer(ServerWorker::kEcho), "channel-latency ZeroMQ peer");
  TlsPeer tls_peer = exit_on_error(start_tls_peer(ServerWorker::kEcho), "channel-latency TLS peer");
  auto through_channel = [&](Node node) {
    return echo_through_channel(node, channel_peer.address(), options);
  };
  auto through_tcp = [&](asio::io_context& io) {
    return echo_frames(io, tcp_peer.port(), options);
  };
  Latencies channel = exit_on_error(
      run_on_node<Latencies>(limit_for(options.max_seconds), through_channel), "channel-latency");
  Latencies baseline =
      exit_on_error(run_on_io<Latencies>(limit_for(options.max_seconds), through_tcp),
                    "channel-latency baseline");
  Latencies zmq = exit_on_error(echo_zmq(zmq_peer, options), "channel-latency ZeroMQ");
  Latencies tls = exit_on_error(echo_tls(tls_peer, options), "channel-latency TLS");
  report_latencies(fmt::format("channel_latency_{}", options.size), std::move(channel));
  report_latencies(fmt::format("tcp_latency_{}", options.size), std::move(baseline));
  report_latencies(fmt::format("zmq_curve_latency_{}", options.size), std::move(zmq));
  report_latencies(fmt::format("tls13_latency_{}", options.size), std::move(tls));
  exit_on_error(channel_peer.stop(), "channel-latency peer");
  exit_on_error(tcp_peer.stop(), "channel-latency baseline peer");
  exit_on_error(zmq_peer.process.stop(), "channel-latency ZeroMQ peer");
  exit_on_error(tls_peer.process.stop(), "channel-latency TLS peer");
}

}  // namespace

void add_channel_latency_command(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "channel-latency",
      "round-trip p50/p99 through a secure channel to another process, beside plain TCP");
  command->add_option("--size", options->size, "payload size in bytes (default 64)")
      ->check(CLI::Range(std::size_t{1}, kMaxMessageSize));
  command->add_option("--count", options->count, "round trips measured (default 10000)")
      ->check(CLI::PositiveNumber);
  command->add_option("--warmup", options->warmup,
                      "round trips made first and not measured (default 200)");
  command
      ->add_option("--max-seconds", options->max_seconds,
                   "stop each side's run after this long (default 30)")
      ->check(CLI::PositiveNumber);
  command->callback([options] { run_channel_latency(*options); });
}

}  // namespace ockam::bench
