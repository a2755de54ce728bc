#pragma once

#include <cstdint>

#include <asio/ip/tcp.hpp>

#include "internal/frame_parser.hpp"
#include "ockam/node/asio.hpp"

namespace ockam::bench {

/// FramedConnection is the client side of a plain-TCP baseline: one loopback connection to a
/// peer process exchanging u32-length-prefixed frames, with TCP_NODELAY as the TCP transport
/// sets it. Use it on the io_context it was connected on.
class FramedConnection {
 public:
  /// connect opens a connection to 127.0.0.1:`port`. kIo when it is refused.
  static Task<Result<FramedConnection>> connect(asio::io_context& io, std::uint16_t port);

  /// write sends `bytes` (frames made with append_frame). kIo when the connection fails.
  Task<Result<void>> write(const Bytes& bytes);
  /// read_frame waits for the next frame and copies its body into `body`. kIo when the
  /// connection fails or closes; kProtocol when the peer sends more than one frame at once (no
  /// baseline has more than one reply outstanding).
  Task<Result<void>> read_frame(Bytes& body);
  /// close shuts the connection down in both directions and closes it.
  void close();

 private:
  explicit FramedConnection(asio::ip::tcp::socket socket);

  asio::ip::tcp::socket socket_;
  FrameParser parser_;
  Bytes buffer_;
};

}  // namespace ockam::bench
