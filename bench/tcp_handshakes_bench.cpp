// tcp-handshakes: sequential sessions per second with a server process over loopback: a TCP
// connection, a secure channel handshake and one round trip through the channel, then the
// channel and the connection are closed. The baseline is the same without Ockam: a plain TCP
// connection, one framed round trip, close.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include "internal/budget.hpp"
#include "internal/exit_on_error.hpp"
#include "internal/framed_connection.hpp"
#include "internal/peer_channel.hpp"
#include "internal/peer_process.hpp"
#include "internal/peer_protocol.hpp"
#include "internal/run_to_completion.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

/// What each round trip carries.
constexpr const char* kPing = "ping";
/// How long one round trip may take before the run fails.
constexpr std::chrono::seconds kReplyTimeout{10};

struct Options {
  double seconds = 2.0;
  std::uint64_t max_sessions = 10'000'000;
};

/// One session: connect, handshake, one round trip through the channel, close both.
Task<Result<void>> channel_session(Node node, PeerClient client, std::string address) {
  auto peer = co_await open_peer_channel(node, client, std::move(address));
  if (!peer) {
    co_return peer.error();
  }
  auto echo = co_await node.send_and_receive<std::string>(
      route(peer->channel, Address(kWorkerAddress)), std::string(kPing), kReplyTimeout);
  auto closed = co_await close_peer_channel(node, std::move(client), std::move(*peer));
  if (!echo) {
    co_return echo.error();
  }
  if (*echo != kPing) {
    co_return wrong_echo();
  }
  co_return closed;
}

Task<Result<Tally>> measure_channel_sessions(Node node, std::string address, Options options) {
  auto client = co_await make_peer_client(node);
  if (!client) {
    co_return client.error();
  }
  Budget budget(options.seconds, options.max_sessions);
  std::uint64_t done = 0;
  while (budget.allows(done)) {
    if (auto session = co_await channel_session(node, *client, address); !session) {
      co_return session.error();
    }
    ++done;
  }
  co_return budget.tally(done);
}

/// One baseline session: connect, one framed round trip, close.
Task<Result<void>> tcp_session(asio::io_context& io, std::uint16_t port, const Bytes& frame) {
  auto connection = co_await FramedConnection::connect(io, port);
  if (!connection) {
    co_return connection.error();
  }
  Bytes echo;
  Result<void> exchanged = co_await connection->write(frame);
  if (exchanged) {
    exchanged = co_await connection->read_frame(echo);
  }
  connection->close();
  if (!exchanged) {
    co_return exchanged.error();
  }
  if (!std::ranges::equal(echo, as_bytes(kPing))) {
    co_return wrong_echo();
  }
  co_return ok();
}

Task<Result<Tally>> measure_tcp_sessions(asio::io_context& io, std::uint16_t port,
                                         Options options) {
  Bytes frame;
  append_frame(frame, as_bytes(kPing));
  Budget budget(options.seconds, options.max_sessions);
  std::uint64_t done = 0;
  while (budget.allows(done)) {
    if (auto session = co_await tcp_session(io, port, frame); !session) {
      co_return session.error();
    }
    ++done;
  }
  co_return budget.tally(done);
}

void run_tcp_handshakes(const Options& options) {
  PeerProcess channel_peer = exit_on_error(
      PeerProcess::start({"--serve", std::string(kChannelEchoRole)}), "tcp-handshakes peer");
  PeerProcess tcp_peer = exit_on_error(PeerProcess::start({"--serve", std::string(kTcpEchoRole)}),
                                       "tcp-handshakes baseline peer");
  auto through_channel = [&](Node node) {
    return measure_channel_sessions(node, channel_peer.address(), options);
  };
  auto through_tcp = [&](asio::io_context& io) {
    return measure_tcp_sessions(io, tcp_peer.port(), options);
  };
  Tally channel = exit_on_error(run_on_node<Tally>(limit_for(options.seconds), through_channel),
                                "tcp-handshakes");
  Tally baseline = exit_on_error(run_on_io<Tally>(limit_for(options.seconds), through_tcp),
                                 "tcp-handshakes baseline");
  report("tcp_handshakes_per_s", channel.per_second(), "sessions/s");
  report("tcp_connect_roundtrips_per_s", baseline.per_second(), "sessions/s");
  exit_on_error(channel_peer.stop(), "tcp-handshakes peer");
  exit_on_error(tcp_peer.stop(), "tcp-handshakes baseline peer");
}

}  // namespace

void add_tcp_handshakes_command(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "tcp-handshakes",
      "connect + secure channel + one round trip per second to another process, beside plain "
      "TCP connect + one round trip");
  command->add_option("--seconds", options->seconds, "how long each measurement runs (default 2)")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--max-sessions", options->max_sessions,
                   "upper bound on sessions per measurement")
      ->check(CLI::PositiveNumber);
  command->callback([options] { run_tcp_handshakes(*options); });
}

}  // namespace ockam::bench
