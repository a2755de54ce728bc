#pragma once

#include "ockam/channel/secure_channel.hpp"
#include "ockam/transport/tcp/tcp_listener.hpp"

namespace ockam {

/// SecureChannelServer is what `Node::serve_secure_channels` started: a TCP listener and the
/// secure channel listener that accepts the channels its connections carry.
struct SecureChannelServer {
  TcpListener tcp_listener;
  SecureChannelListener channel_listener;
};

}  // namespace ockam
