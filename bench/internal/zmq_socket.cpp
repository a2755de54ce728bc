#include "internal/zmq_socket.hpp"

#include <zmq.h>

#include <array>
#include <charconv>
#include <string_view>
#include <utility>

namespace ockam::bench {
namespace {

/// Z85 text of a 32-byte CURVE key, plus its terminating zero.
constexpr std::size_t kZ85KeySize = 41;

Error zmq_error(const char* message) {
  return Error(Origin::kApplication, Kind::kIo, message);
}

bool set_option(void* socket, int option, int value) {
  return zmq_setsockopt(socket, option, &value, sizeof(value)) == 0;
}

bool set_option(void* socket, int option, const std::string& value) {
  return zmq_setsockopt(socket, option, value.data(), value.size()) == 0;
}

/// Options every benchmark socket shares: timeouts both ways, no lingering on close.
bool set_common_options(void* socket, std::chrono::milliseconds timeout) {
  const int millis = static_cast<int>(timeout.count());
  return set_option(socket, ZMQ_SNDTIMEO, millis) && set_option(socket, ZMQ_RCVTIMEO, millis) &&
         set_option(socket, ZMQ_LINGER, 0);
}

/// The port of ZMQ_LAST_ENDPOINT ("tcp://127.0.0.1:<port>"), or 0.
std::uint16_t bound_port(void* socket) {
  std::array<char, 256> endpoint{};
  std::size_t size = endpoint.size();
  if (zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, endpoint.data(), &size) != 0) {
    return 0;
  }
  std::string_view text(endpoint.data());
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    return 0;
  }
  std::uint16_t port = 0;
  std::from_chars(text.data() + colon + 1, text.data() + text.size(), port);
  return port;
}

}  // namespace

Result<CurveKeys> CurveKeys::generate() {
  std::array<char, kZ85KeySize> public_key{};
  std::array<char, kZ85KeySize> secret_key{};
  if (zmq_curve_keypair(public_key.data(), secret_key.data()) != 0) {
    return Error(Origin::kApplication, Kind::kInternal, "libzmq has no CURVE support");
  }
  CurveKeys keys{std::string(public_key.data()), std::string(secret_key.data())};
  secret_key.fill(0);
  return keys;
}

ZmqContext::ZmqContext() : context_(zmq_ctx_new()) {}

ZmqContext::~ZmqContext() {
  if (context_ != nullptr) {
    zmq_ctx_term(context_);
  }
}

Result<ZmqSocket> ZmqSocket::bind_server(ZmqContext& context, int type, const CurveKeys& keys,
                                         std::chrono::milliseconds timeout) {
  ZmqSocket socket(zmq_socket(context.get(), type));
  if (socket.socket_ == nullptr || !set_common_options(socket.socket_, timeout) ||
      !set_option(socket.socket_, ZMQ_CURVE_SERVER, 1) ||
      !set_option(socket.socket_, ZMQ_CURVE_SECRETKEY, keys.secret_key) ||
      zmq_bind(socket.socket_, "tcp://127.0.0.1:*") != 0) {
    return zmq_error("cannot bind a ZeroMQ socket");
  }
  socket.port_ = bound_port(socket.socket_);
  if (socket.port_ == 0) {
    return zmq_error("cannot read a ZeroMQ socket's port");
  }
  return socket;
}

Result<ZmqSocket> ZmqSocket::connect_client(ZmqContext& context, int type, const CurveKeys& keys,
                                            const std::string& server_key, std::uint16_t port,
                                            std::chrono::milliseconds timeout) {
  ZmqSocket socket(zmq_socket(context.get(), type));
  const std::string endpoint = "tcp://127.0.0.1:" + std::to_string(port);
  if (socket.socket_ == nullptr || !set_common_options(socket.socket_, timeout) ||
      !set_option(socket.socket_, ZMQ_CURVE_SERVERKEY, server_key) ||
      !set_option(socket.socket_, ZMQ_CURVE_PUBLICKEY, keys.public_key) ||
      !set_option(socket.socket_, ZMQ_CURVE_SECRETKEY, keys.secret_key) ||
      zmq_connect(socket.socket_, endpoint.c_str()) != 0) {
    return zmq_error("cannot connect a ZeroMQ socket");
  }
  return socket;
}

ZmqSocket::ZmqSocket(ZmqSocket&& other) noexcept
    : socket_(std::exchange(other.socket_, nullptr)), port_(other.port_) {}

ZmqSocket::~ZmqSocket() {
  if (socket_ != nullptr) {
    zmq_close(socket_);
  }
}

Result<void> ZmqSocket::send(ByteView message) {
  if (zmq_send(socket_, message.data(), message.size(), 0) < 0) {
    return zmq_error("sending on a ZeroMQ socket failed");
  }
  return ok();
}

Result<void> ZmqSocket::receive(Bytes& out) {
  zmq_msg_t message;
  zmq_msg_init(&message);
  if (zmq_msg_recv(&message, socket_, 0) < 0) {
    zmq_msg_close(&message);
    return zmq_error("receiving on a ZeroMQ socket failed");
  }
  const auto* data = static_cast<const std::uint8_t*>(zmq_msg_data(&message));
  out.assign(data, data + zmq_msg_size(&message));
  zmq_msg_close(&message);
  return ok();
}

}  // namespace ockam::bench
