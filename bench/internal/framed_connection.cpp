#include "internal/framed_connection.hpp"

#include <cstddef>

#include <asio/write.hpp>

#include "internal/message_sizes.hpp"
#include "ockam/transport/tcp/constants.hpp"

namespace ockam::bench {
namespace {

Error io_error(const char* message) {
  return Error(Origin::kApplication, Kind::kIo, message);
}

}  // namespace

FramedConnection::FramedConnection(asio::ip::tcp::socket socket)
    : socket_(std::move(socket)), parser_(kMaxMessageSize), buffer_(ockam::tcp::kReadBufferSize) {}

Task<Result<FramedConnection>> FramedConnection::connect(asio::io_context& io, std::uint16_t port) {
  asio::ip::tcp::socket socket(io);
  const asio::ip::tcp::endpoint peer(asio::ip::make_address_v4("127.0.0.1"), port);
  auto [error] = co_await socket.async_connect(peer, kUseTuple);
  if (error) {
    co_return io_error("cannot connect to the peer");
  }
  asio::error_code ignored;
  socket.set_option(asio::ip::tcp::no_delay(true), ignored);
  co_return FramedConnection(std::move(socket));
}

Task<Result<void>> FramedConnection::write(const Bytes& bytes) {
  auto [error, written] = co_await asio::async_write(socket_, asio::buffer(bytes), kUseTuple);
  if (error) {
    co_return io_error("writing to the peer failed");
  }
  co_return ok();
}

Task<Result<void>> FramedConnection::read_frame(Bytes& body) {
  std::size_t frames = 0;
  auto on_frame = [&](ByteView frame) {
    if (++frames == 1) {
      body.assign(frame.begin(), frame.end());
    }
  };
  while (frames == 0) {
    auto [error, length] = co_await socket_.async_read_some(asio::buffer(buffer_), kUseTuple);
    if (error) {
      co_return io_error("reading from the peer failed");
    }
    if (auto parsed = parser_.feed(ByteView(buffer_).first(length), on_frame); !parsed) {
      co_return parsed.error();
    }
  }
  if (frames > 1) {
    co_return Error(Origin::kApplication, Kind::kProtocol, "the peer sent more than one frame");
  }
  co_return ok();
}

void FramedConnection::close() {
  asio::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
}

}  // namespace ockam::bench
