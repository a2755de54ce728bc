#include "internal/peer_channel.hpp"

#include "internal/peer_protocol.hpp"

namespace ockam::bench {

Task<Result<PeerChannel>> open_peer_channel(Node node, TcpTransport tcp, identity::Identity self,
                                            std::string address) {
  auto connection = co_await tcp.connect(std::move(address));
  if (!connection) {
    co_return connection.error();
  }
  auto channel = co_await node.create_secure_channel(std::move(self),
                                                     route(*connection, Address(kListenerAddress)));
  if (!channel) {
    (void)tcp.disconnect(connection->sender_address());
    co_return channel.error();
  }
  co_return PeerChannel{std::move(*connection), std::move(*channel)};
}

Task<Result<void>> close_peer_channel(Node node, TcpTransport tcp, PeerChannel peer) {
  auto stopped = co_await node.stop_secure_channel(peer.channel);
  auto disconnected = tcp.disconnect(peer.connection.sender_address());
  if (!stopped) {
    co_return stopped.error();
  }
  co_return disconnected;
}

}  // namespace ockam::bench
