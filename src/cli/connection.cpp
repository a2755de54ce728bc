#include "ockam/cli/connection.hpp"

#include "ockam/identity/trust_policy.hpp"

namespace ockam::cli {
namespace {

const Error kNotResolvable(Origin::kApplication, Kind::kInvalid,
                           "the multiaddr holds a part a node cannot reach (/node, /project, "
                           "/space or /udp)");
const Error kTwoTransports(Origin::kApplication, Kind::kInvalid,
                           "a multiaddr may open only one TCP connection");

bool is_host(Protocol p) {
  return p == Protocol::kIp4 || p == Protocol::kIp6 || p == Protocol::kDnsAddr;
}

std::string host_port(const MultiAddrComponent& host, const MultiAddrComponent& port) {
  if (host.protocol == Protocol::kIp6) {
    return "[" + host.value + "]:" + port.value;
  }
  return host.value + ":" + port.value;
}

}  // namespace

Task<Result<Connection>> connect(Node node, TcpTransport tcp, MultiAddr addr,
                                 ConnectOptions options) {
  Connection out;
  Result<void> status;
  for (std::size_t i = 0; i < addr.size() && status; ++i) {
    const MultiAddrComponent& c = addr[i];
    if (is_host(c.protocol)) {
      if (out.tcp || i + 1 >= addr.size() || addr[i + 1].protocol != Protocol::kTcp) {
        status = out.tcp ? kTwoTransports : kNotResolvable;
        break;
      }
      auto connection = co_await tcp.connect(host_port(c, addr[i + 1]));
      if (!connection) {
        status = connection.error();
        break;
      }
      out.route.append(connection->sender_address());
      out.transport_route = out.route;
      out.tcp = std::move(*connection);
      ++i;
    } else if (c.protocol == Protocol::kSecure) {
      Route to_listener = out.route;
      to_listener.append(Address(kLocal, c.value));
      SecureChannelOptions channel_options;
      channel_options.timeout = options.handshake_timeout;
      if (!options.authorized.empty()) {
        channel_options.with_trust_policy(identity::trust_identifiers(options.authorized));
      }
      auto channel = co_await node.create_secure_channel(options.identity, to_listener,
                                                         std::move(channel_options));
      if (!channel) {
        status = channel.error();
        break;
      }
      out.transport_route = std::move(to_listener);
      out.route = route(channel->encryptor_address());
      out.channels.push_back(std::move(*channel));
    } else if (c.protocol == Protocol::kService || c.protocol == Protocol::kWorker) {
      out.route.append(Address(kLocal, c.value));
    } else {
      status = kNotResolvable;
    }
  }
  if (!status) {
    (void)co_await close_connection(node, tcp, std::move(out));
    co_return status.error();
  }
  co_return out;
}

Task<Result<void>> close_connection(Node node, TcpTransport tcp, Connection connection) {
  Result<void> outcome;
  for (auto it = connection.channels.rbegin(); it != connection.channels.rend(); ++it) {
    if (auto stopped = co_await node.stop_secure_channel(*it); !stopped && outcome) {
      outcome = stopped;
    }
  }
  if (connection.tcp) {
    if (auto closed = tcp.disconnect(connection.tcp->sender_address()); !closed && outcome) {
      outcome = closed;
    }
  }
  co_return outcome;
}

}  // namespace ockam::cli
