#include "internal/peer_channel.hpp"

#include "internal/message_sizes.hpp"
#include "internal/peer_protocol.hpp"

namespace ockam::bench {

Task<Result<PeerClient>> make_peer_client(Node node) {
  auto tcp = co_await node.create_tcp_transport();
  if (!tcp) {
    co_return tcp.error();
  }
  auto self = co_await node.create_identity();
  if (!self) {
    co_return self.error();
  }
  co_return PeerClient{std::move(*tcp), std::move(*self)};
}

Task<Result<PeerChannel>> open_peer_channel(Node node, PeerClient client, std::string address) {
  auto connection = co_await client.tcp.connect(std::move(address));
  if (!connection) {
    co_return connection.error();
  }
  auto channel = co_await node.create_secure_channel(std::move(client.self),
                                                     route(*connection, Address(kListenerAddress)));
  if (!channel) {
    (void)client.tcp.disconnect(connection->sender_address());
    co_return channel.error();
  }
  co_return PeerChannel{std::move(*connection), std::move(*channel)};
}

Task<Result<void>> close_peer_channel(Node node, PeerClient client, PeerChannel peer) {
  auto stopped = co_await node.stop_secure_channel(peer.channel);
  auto disconnected = client.tcp.disconnect(peer.connection.sender_address());
  if (!stopped) {
    co_return stopped.error();
  }
  co_return disconnected;
}

LocalMessage worker_message(const PeerChannel& peer, const Address& from, std::size_t size) {
  LocalMessage message;
  message.onward_route = route(peer.channel, Address(kWorkerAddress));
  message.return_route = route(from);
  message.payload.assign(size, kPayloadByte);
  return message;
}

}  // namespace ockam::bench
