#include "internal/tcp_server.hpp"

#include <cstdint>
#include <utility>

#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>

#include "internal/frame_parser.hpp"
#include "internal/frame_responder.hpp"
#include "internal/loopback_server.hpp"
#include "internal/message_sizes.hpp"
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

}  // namespace

int serve_tcp(ServerWorker worker) {
  return serve_loopback(
      [worker](tcp::socket socket) { return serve_connection(std::move(socket), worker); });
}

}  // namespace ockam::bench
