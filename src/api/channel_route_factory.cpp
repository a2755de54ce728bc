#include "ockam/api/channel_route_factory.hpp"

#include <memory>
#include <optional>
#include <utility>

namespace ockam {
namespace {

/// What a channel route factory was given, and what its last call made.
struct ChannelRoute {
  Node node;
  TcpTransport tcp;
  identity::Identity identity;
  std::string connect_to;
  Route to_listener;
  Address service;
  std::optional<TcpConnection> connection;
  std::optional<SecureChannel> channel;
};

Task<Result<Route>> make_channel_route(std::shared_ptr<ChannelRoute> state) {
  if (state->channel) {
    (void)co_await state->node.stop_secure_channel(*std::exchange(state->channel, std::nullopt));
  }
  if (state->connection) {
    (void)state->tcp.disconnect(std::exchange(state->connection, std::nullopt)->sender_address());
  }
  auto connection = co_await state->tcp.connect(state->connect_to);
  if (!connection) {
    co_return connection.error();
  }
  state->connection = *connection;
  auto channel = co_await state->node.create_secure_channel(state->identity,
                                                            route(*connection, state->to_listener));
  if (!channel) {
    co_return channel.error();
  }
  state->channel = *channel;
  co_return route(*channel, state->service);
}

}  // namespace

std::function<Task<Result<Route>>()> channel_route_factory(Node node, TcpTransport tcp,
                                                           identity::Identity identity,
                                                           std::string connect_to,
                                                           Route to_listener, Address service) {
  auto state = std::make_shared<ChannelRoute>(
      ChannelRoute{std::move(node), std::move(tcp), std::move(identity), std::move(connect_to),
                   std::move(to_listener), std::move(service), std::nullopt, std::nullopt});
  return [state] { return make_channel_route(state); };
}

}  // namespace ockam
