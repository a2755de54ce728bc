#include "internal/loopback_server.hpp"

#include <cstdio>
#include <utility>

#include "internal/peer_protocol.hpp"
#include "internal/stdin_watch.hpp"

namespace ockam::bench {
namespace {

using asio::ip::tcp;

/// Accepts connections until the acceptor closes (`acceptor` and `handle` outlive the
/// io_context's run).
Task<> accept_connections(tcp::acceptor& acceptor, const ConnectionHandler& handle) {
  while (true) {
    auto [error, socket] = co_await acceptor.async_accept(kUseTuple);
    if (error) {
      co_return;
    }
    asio::co_spawn(acceptor.get_executor(), handle(std::move(socket)), asio::detached);
  }
}

Task<> stop_when_stdin_closes(asio::io_context& io) {
  co_await wait_until_stdin_closes(io);
  io.stop();
}

}  // namespace

int serve_loopback(ConnectionHandler handle) {
  asio::io_context io(1);
  tcp::acceptor acceptor(io);
  const tcp::endpoint loopback(asio::ip::make_address_v4("127.0.0.1"), 0);
  asio::error_code error;
  acceptor.open(loopback.protocol(), error);
  if (!error) {
    acceptor.bind(loopback, error);
  }
  if (!error) {
    acceptor.listen(asio::socket_base::max_listen_connections, error);
  }
  tcp::endpoint bound;
  if (!error) {
    bound = acceptor.local_endpoint(error);
  }
  if (error) {
    std::fprintf(stderr, "peer: cannot listen on 127.0.0.1: %s\n", error.message().c_str());
    return 1;
  }
  std::printf("%.*s%u\n", static_cast<int>(kPortLinePrefix.size()), kPortLinePrefix.data(),
              static_cast<unsigned>(bound.port()));
  std::fflush(stdout);
  asio::co_spawn(io, accept_connections(acceptor, handle), asio::detached);
  asio::co_spawn(io, stop_when_stdin_closes(io), asio::detached);
  io.run();
  return 0;
}

}  // namespace ockam::bench
