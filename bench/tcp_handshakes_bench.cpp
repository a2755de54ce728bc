// tcp-handshakes: sequential sessions per second with a server process over loopback: a TCP
// connection, a secure channel handshake and one round trip through the channel, then the
// channel and the connection are closed. The baseline is the same without Ockam: a plain TCP
// connection, one framed round trip, close. Two more baselines run in the same program: ZeroMQ
// CURVE (a new REQ socket, its CURVE handshake, one round trip, close) and mutually
// authenticated TLS 1.3 (connect, handshake with certificates on both sides, one round trip,
// close_notify and close).
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include <zmq.h>

#include "internal/baseline_peers.hpp"
#include "internal/budget.hpp"
#include "internal/exit_on_error.hpp"
#include "internal/framed_connection.hpp"
#include "internal/peer_channel.hpp"
#include "internal/peer_process.hpp"
#include "internal/peer_protocol.hpp"
#include "internal/run_to_completion.hpp"
#include "internal/zmq_socket.hpp"
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

/// Runs `session() -> Result<void>` until the budget is spent.
template <class Session>
Result<Tally> measure_sessions(const Options& options, Session session) {
  Budget budget(options.seconds, options.max_sessions);
  std::uint64_t done = 0;
  while (budget.allows(done)) {
    if (auto completed = session(); !completed) {
      return completed.error();
    }
    ++done;
  }
  return budget.tally(done);
}

/// ZeroMQ CURVE sessions: a new REQ socket per session (the CURVE handshake runs with its first
/// message), one round trip, close. The client's key pair is made once, as the Ockam client's
/// identity is.
Result<Tally> measure_zmq_sessions(const ZmqPeer& peer, const Options& options) {
  auto keys = CurveKeys::generate();
  if (!keys) {
    return keys.error();
  }
  ZmqContext context;
  Bytes echo;
  return measure_sessions(options, [&]() -> Result<void> {
    auto request = ZmqSocket::connect_client(context, ZMQ_REQ, *keys, peer.server_key,
                                             peer.process.port(), kReplyTimeout);
    if (!request) {
      return request.error();
    }
    if (auto sent = request->send(as_bytes(kPing)); !sent) {
      return sent.error();
    }
    if (auto received = request->receive(echo); !received) {
      return received.error();
    }
    if (!std::ranges::equal(echo, as_bytes(kPing))) {
      return wrong_echo();
    }
    return ok();
  });
}

/// Mutually authenticated TLS 1.3 sessions: connect, handshake, one framed round trip, close.
Result<Tally> measure_tls_sessions(const TlsPeer& peer, const Options& options) {
  Bytes frame;
  append_frame(frame, as_bytes(kPing));
  Bytes echo;
  return measure_sessions(options, [&]() -> Result<void> {
    auto connection = TlsConnection::connect(peer.context, peer.process.port(), kReplyTimeout);
    if (!connection) {
      return connection.error();
    }
    Result<void> exchanged = connection->write(frame);
    if (exchanged) {
      exchanged = connection->flush();
    }
    if (exchanged) {
      exchanged = connection->read_frame(echo);
    }
    connection->close();
    if (!exchanged) {
      return exchanged.error();
    }
    if (!std::ranges::equal(echo, as_bytes(kPing))) {
      return wrong_echo();
    }
    return ok();
  });
}

void run_tcp_handshakes(const Options& options) {
  PeerProcess channel_peer = exit_on_error(
      PeerProcess::start({"--serve", std::string(kChannelEchoRole)}), "tcp-handshakes peer");
  PeerProcess tcp_peer = exit_on_error(PeerProcess::start({"--serve", std::string(kTcpEchoRole)}),
                                       "tcp-handshakes baseline peer");
  ZmqPeer zmq_peer =
      exit_on_error(start_zmq_peer(ServerWorker::kEcho), "tcp-handshakes ZeroMQ peer");
  TlsPeer tls_peer = exit_on_error(start_tls_peer(ServerWorker::kEcho), "tcp-handshakes TLS peer");
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
  Tally zmq = exit_on_error(measure_zmq_sessions(zmq_peer, options), "tcp-handshakes ZeroMQ");
  Tally tls = exit_on_error(measure_tls_sessions(tls_peer, options), "tcp-handshakes TLS");
  report("tcp_handshakes_per_s", channel.per_second(), "sessions/s");
  report("tcp_connect_roundtrips_per_s", baseline.per_second(), "sessions/s");
  report("zmq_curve_handshakes_per_s", zmq.per_second(), "sessions/s");
  report("tls13_mutual_handshakes_per_s", tls.per_second(), "sessions/s");
  exit_on_error(channel_peer.stop(), "tcp-handshakes peer");
  exit_on_error(tcp_peer.stop(), "tcp-handshakes baseline peer");
  exit_on_error(zmq_peer.process.stop(), "tcp-handshakes ZeroMQ peer");
  exit_on_error(tls_peer.process.stop(), "tcp-handshakes TLS peer");
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
