#pragma once

#include <functional>

#include <asio/ip/tcp.hpp>

#include "ockam/node/asio.hpp"

namespace ockam::bench {

/// ConnectionHandler is what a plain-asio peer runs for each connection it accepts; the
/// coroutine owns the socket.
using ConnectionHandler = std::function<Task<>(asio::ip::tcp::socket)>;

/// serve_loopback runs a plain-asio peer process (peer_protocol.hpp): asio on one thread,
/// listening on 127.0.0.1:0, printing the port line and spawning `handle` for every accepted
/// connection, until standard input closes. Returns the process exit status (0, or 1 after
/// printing the error to stderr).
int serve_loopback(ConnectionHandler handle);

}  // namespace ockam::bench
