#include "internal/tcp_server.hpp"

#include <cstdint>
#include <cstdio>
#include <utility>

#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>

#include "internal/frame_parser.hpp"
#include "internal/frame_responder.hpp"
#include "internal/message_sizes.hpp"
#include "internal/stdin_watch.hpp"
#include "ockam/transport/tcp/constants.hpp"

namespace ockam::bench {
namespace {

using asio::ip::tcp;

/// Reads frames from one connection; counts or echoes them, writing each read's replies at once.
Task<> serve_connection(tcp::socket socket, ServerWorker worker) {
  asio::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);  // as the TCP transport does
  FrameParser parser(kMaxMessageSize);
  Bytes buffer(ockam::tcp::kReadBufferSize);
  Bytes replies;
  FrameResponder responder(worker);
  auto on_frame = [&](ByteView body) { responder.on_frame(body, replies); };
  while (true) {
    auto [read_error, length] = co_await socket.async_read_some(asio::buffer(buffer), kUseTuple);
    if (read_error) {
      co_return;
    }
    replies.clear();
    if (!parser.feed(ByteView(buffer).first(length), on_frame)) {
      co_return;
    }
    if (!replies.empty()) {
      auto [write_error, written] =
          co_await asio::async_write(socket, asio::buffer(replies), kUseTuple);
      if (write_error) {
        co_return;
      }
    }
  }
}

/// Accepts connections until the acceptor closes (`acceptor` outlives the io_context's run).
Task<> accept_connections(tcp::acceptor& acceptor, ServerWorker worker) {
  while (true) {
    auto [error, socket] = co_await acceptor.async_accept(kUseTuple);
    if (error) {
      co_return;
    }
    asio::co_spawn(acceptor.get_executor(), serve_connection(std::move(socket), worker),
                   asio::detached);
  }
}

Task<> stop_when_stdin_closes(asio::io_context& io) {
  co_await wait_until_stdin_closes(io);
  io.stop();
}

}  // namespace

int serve_tcp(ServerWorker worker) {
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
  asio::co_spawn(io, accept_connections(acceptor, worker), asio::detached);
  asio::co_spawn(io, stop_when_stdin_closes(io), asio::detached);
  io.run();
  return 0;
}

}  // namespace ockam::bench
