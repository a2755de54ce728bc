#include "internal/tcp_forwarder.hpp"

#include <cstdio>
#include <utility>

#include <asio/connect.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>

#include "internal/loopback_server.hpp"
#include "ockam/core/bytes.hpp"
#include "ockam/node/transfer_all.hpp"
#include "ockam/portal/constants.hpp"

namespace ockam::bench {
namespace {

using asio::ip::tcp;

/// Closes both sockets of a forwarded connection, which ends the copy in the other direction.
void close_both(tcp::socket& a, tcp::socket& b) {
  asio::error_code ignored;
  a.close(ignored);
  b.close(ignored);
}

/// Copies what `from` receives to `to`, one read of up to a portal chunk at a time, each written
/// whole (as the portals write). At end of stream it shuts down `to`'s send side (the half-close
/// travels on, as through a portal); on an error it closes both. Both sockets belong to the frame
/// of forward_connection, which awaits this.
Task<> copy_stream(tcp::socket& from, tcp::socket& to) {
  Bytes buffer(portal::kDefaultChunkSize);
  while (true) {
    auto [read_error, length] = co_await from.async_read_some(asio::buffer(buffer), kUseTuple);
    if (read_error == asio::error::eof) {
      asio::error_code ignored;
      to.shutdown(tcp::socket::shutdown_send, ignored);
      co_return;
    }
    if (read_error) {
      close_both(from, to);
      co_return;
    }
    auto [write_error, written] = co_await asio::async_write(
        to, asio::buffer(buffer.data(), length), TransferAll(), kUseTuple);
    if (write_error) {
      close_both(from, to);
      co_return;
    }
  }
}

/// Connects to `target` for `client` and copies both ways until both directions have ended.
Task<> forward_connection(tcp::socket client, tcp::resolver::results_type target) {
  using namespace asio::experimental::awaitable_operators;
  tcp::socket server(client.get_executor());
  auto [error, endpoint] = co_await asio::async_connect(server, target, kUseTuple);
  if (error) {
    co_return;  // `client` closes as the frame ends
  }
  asio::error_code ignored;
  client.set_option(tcp::no_delay(true), ignored);  // as the portals set their sockets
  server.set_option(tcp::no_delay(true), ignored);
  co_await (copy_stream(client, server) && copy_stream(server, client));
}

}  // namespace

int serve_tcp_forwarder(const std::string& target) {
  // Resolved once: the target is a loopback peer, and a lookup per connection would only add
  // to connection setup, which no benchmark measures.
  const std::size_t colon = target.rfind(':');
  if (colon == std::string::npos) {
    std::fprintf(stderr, "peer: the target is not host:port: %s\n", target.c_str());
    return 1;
  }
  asio::io_context resolving;
  tcp::resolver resolver(resolving);
  asio::error_code error;
  tcp::resolver::results_type endpoints =
      resolver.resolve(target.substr(0, colon), target.substr(colon + 1), error);
  if (error) {
    std::fprintf(stderr, "peer: cannot resolve %s: %s\n", target.c_str(), error.message().c_str());
    return 1;
  }
  return serve_loopback(
      [endpoints](tcp::socket client) { return forward_connection(std::move(client), endpoints); });
}

}  // namespace ockam::bench
