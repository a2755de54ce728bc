#include "ockam/api/secure_channel_server.hpp"

#include "ockam/api/node.hpp"

namespace ockam {

Task<Result<SecureChannelServer>> Node::serve_secure_channels(
    TcpTransport tcp, std::string tcp_address, identity::Identity self, Address listener_address,
    std::vector<Address> workers, SecureChannelListenerOptions options) {
  auto tcp_listener = co_await tcp.listen(std::move(tcp_address));
  if (!tcp_listener) {
    co_return tcp_listener.error();
  }
  options.as_consumer(tcp_listener->flow_control_id());
  auto channel_listener = co_await create_secure_channel_listener(
      std::move(self), std::move(listener_address), std::move(options));
  if (!channel_listener) {
    (void)tcp.stop_listener(tcp_listener->address());
    co_return channel_listener.error();
  }
  for (const Address& worker : workers) {
    flow_controls().add_consumer(worker, channel_listener->flow_control_id());
  }
  co_return SecureChannelServer{std::move(*tcp_listener), std::move(*channel_listener)};
}

}  // namespace ockam
