#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"

namespace ockam::bench {

/// CurveKeys is a ZeroMQ CURVE key pair in Z85 text (40 characters each). The secret half
/// stays in this process.
struct CurveKeys {
  std::string public_key;
  std::string secret_key;

  /// generate makes a fresh key pair (zmq_curve_keypair). kInternal when libzmq was built
  /// without CURVE.
  static Result<CurveKeys> generate();
};

/// ZmqContext owns a ZeroMQ context (its I/O thread). Sockets must be closed before it.
class ZmqContext {
 public:
  ZmqContext();
  ZmqContext(const ZmqContext&) = delete;
  ZmqContext& operator=(const ZmqContext&) = delete;
  ~ZmqContext();

  void* get() const noexcept { return context_; }

 private:
  void* context_;
};

/// ZmqSocket is one ZeroMQ socket with CURVE security, in blocking mode with timeouts on both
/// directions, closed without lingering when destroyed.
class ZmqSocket {
 public:
  /// A CURVE server socket of `type` (ZMQ_PULL, ZMQ_REP, ZMQ_PUSH) bound to 127.0.0.1 on a
  /// port of the system's choice (`port()`). kIo when it cannot be made or bound.
  static Result<ZmqSocket> bind_server(ZmqContext& context, int type, const CurveKeys& keys,
                                       std::chrono::milliseconds timeout);
  /// A CURVE client socket of `type` connected to 127.0.0.1:`port`, authenticating the server
  /// by `server_key`. The handshake runs with the first message. kIo when it cannot be made.
  static Result<ZmqSocket> connect_client(ZmqContext& context, int type, const CurveKeys& keys,
                                          const std::string& server_key, std::uint16_t port,
                                          std::chrono::milliseconds timeout);

  ZmqSocket(ZmqSocket&& other) noexcept;
  ZmqSocket& operator=(ZmqSocket&& other) = delete;
  ZmqSocket(const ZmqSocket&) = delete;
  ZmqSocket& operator=(const ZmqSocket&) = delete;
  ~ZmqSocket();

  /// send sends one message; kIo on a failure or when the timeout passes.
  Result<void> send(ByteView message);
  /// receive waits for one message and puts it into `out`; kIo on a failure or timeout.
  Result<void> receive(Bytes& out);
  /// The port a server socket is bound to.
  std::uint16_t port() const noexcept { return port_; }
  void* get() const noexcept { return socket_; }

 private:
  explicit ZmqSocket(void* socket) : socket_(socket) {}

  void* socket_;
  std::uint16_t port_ = 0;
};

}  // namespace ockam::bench
