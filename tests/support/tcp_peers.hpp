#pragma once

// TCP peers of the portal tests: targets (echo, firehose) and clients, as coroutines on a
// node's io_context.
#include <chrono>
#include <functional>
#include <memory>

#include <asio/experimental/awaitable_operators.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/read.hpp>
#include <asio/write.hpp>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/crypto/random.hpp"
#include "ockam/node/asio.hpp"

namespace ockam::testing::tcp_peers {

using namespace std::chrono_literals;
using namespace asio::experimental::awaitable_operators;
using Socket = asio::ip::tcp::socket;
using Acceptor = asio::ip::tcp::acceptor;
using TcpEndpoint = asio::ip::tcp::endpoint;

/// Target counts what TCP targets saw, shared with their coroutines.
struct TargetStats {
  std::size_t connections = 0;
  std::size_t closed = 0;
  std::size_t bytes_received = 0;
  std::size_t bytes_sent = 0;
};

enum class TargetKind { kEcho, kFirehose };

inline Task<> serve(Socket socket, TargetKind kind, std::shared_ptr<TargetStats> stats) {
  ++stats->connections;
  Bytes buffer(64 * 1024, 0x42);
  if (kind == TargetKind::kFirehose) {
    // Writes until the peer stops taking bytes (bounded: 512 MiB).
    while (stats->bytes_sent < 512u * 1024 * 1024) {
      auto [ec, n] = co_await asio::async_write(socket, asio::buffer(buffer), kUseTuple);
      if (ec) {
        break;
      }
      stats->bytes_sent += n;
    }
  } else {
    for (;;) {
      auto [ec, n] = co_await socket.async_read_some(asio::buffer(buffer), kUseTuple);
      if (ec) {
        break;
      }
      stats->bytes_received += n;
      auto [write_error, written] =
          co_await asio::async_write(socket, asio::buffer(buffer.data(), n), kUseTuple);
      if (write_error) {
        break;
      }
    }
  }
  ++stats->closed;
}

inline Task<> accept_loop(std::shared_ptr<Acceptor> acceptor, TargetKind kind,
                          std::shared_ptr<TargetStats> stats) {
  for (;;) {
    auto [ec, socket] = co_await acceptor->async_accept(kUseTuple);
    if (ec) {
      co_return;
    }
    asio::co_spawn(acceptor->get_executor(), serve(std::move(socket), kind, stats), asio::detached);
  }
}

/// Starts a TCP target on a free loopback port; returns "127.0.0.1:PORT".
inline std::string start_target(asio::io_context& io, TargetKind kind,
                                std::shared_ptr<TargetStats> stats) {
  auto acceptor =
      std::make_shared<Acceptor>(io, TcpEndpoint(asio::ip::make_address("127.0.0.1"), 0));
  std::uint16_t port = acceptor->local_endpoint().port();
  asio::co_spawn(io, accept_loop(acceptor, kind, std::move(stats)), asio::detached);
  return "127.0.0.1:" + std::to_string(port);
}

/// A loopback port nobody listens on.
inline std::string refused_address(asio::io_context& io) {
  Acceptor probe(io, TcpEndpoint(asio::ip::make_address("127.0.0.1"), 0));
  return "127.0.0.1:" + std::to_string(probe.local_endpoint().port());
}

inline Task<Result<Socket>> connect_client(asio::io_context& io, std::uint16_t port) {
  Socket socket(io);
  auto [ec] = co_await socket.async_connect(TcpEndpoint(asio::ip::make_address("127.0.0.1"), port),
                                            kUseTuple);
  if (ec) {
    co_return Error(Origin::kApplication, Kind::kIo, "connect failed");
  }
  co_return std::move(socket);
}

inline Task<> write_all(Socket& socket, std::shared_ptr<const Bytes> data) {
  (void)co_await asio::async_write(socket, asio::buffer(*data), kUseTuple);
}

/// Sends `size` random bytes through the inlet at `port` while reading the echo; true when
/// exactly those bytes come back in order.
inline Task<bool> echo_through(asio::io_context& io, std::uint16_t port, std::size_t size) {
  auto socket = co_await connect_client(io, port);
  if (!socket) {
    co_return false;
  }
  auto sent = std::make_shared<const Bytes>(crypto::random_bytes(size));
  asio::co_spawn(io, write_all(*socket, sent), asio::detached);
  Bytes received(size);
  auto [ec, n] = co_await asio::async_read(*socket, asio::buffer(received), kUseTuple);
  co_return !ec && received == *sent;
}

/// Waits until `done()` holds, at most `timeout`; returns done().
inline Task<bool> eventually(asio::io_context& io, std::function<bool()> done,
                             std::chrono::milliseconds timeout = 5s) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  asio::steady_timer timer(io);
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(5ms);
    co_await timer.async_wait(kUseTuple);
  }
  co_return done();
}

/// Reads until the peer closes (true) or `timeout` passes (false).
inline Task<bool> closed_within(Socket& socket, std::chrono::milliseconds timeout) {
  asio::steady_timer timer(socket.get_executor());
  timer.expires_after(timeout);
  Bytes buffer(64 * 1024);
  for (;;) {
    auto outcome = co_await (socket.async_read_some(asio::buffer(buffer), kUseTuple) ||
                             timer.async_wait(kUseTuple));
    if (outcome.index() == 1) {
      co_return false;
    }
    if (std::get<0>(std::get<0>(outcome))) {
      co_return true;
    }
  }
}

}  // namespace ockam::testing::tcp_peers
