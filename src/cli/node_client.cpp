#include "ockam/cli/node_client.hpp"

#include "ockam/cli/default_services.hpp"
#include "ockam/identity/trust_policy.hpp"

namespace ockam::cli {

Task<Result<NodeClient>> NodeClient::connect(Node node, TcpTransport tcp,
                                             identity::Identity identity,
                                             std::string tcp_listener_address,
                                             std::optional<identity::Identifier> node_identifier) {
  auto connection = co_await tcp.connect(tcp_listener_address);
  if (!connection) {
    co_return connection.error();
  }
  SecureChannelOptions options;
  if (node_identifier) {
    options.with_trust_policy(identity::trust_identifier(*node_identifier));
  }
  auto channel = co_await node.create_secure_channel(
      std::move(identity), route(connection->sender_address(), kApiListenerAddress),
      std::move(options));
  if (!channel) {
    (void)tcp.disconnect(connection->sender_address());
    co_return channel.error();
  }
  co_return NodeClient(std::move(node), std::move(tcp), std::move(*channel),
                       connection->sender_address());
}

Task<Result<Response>> NodeClient::request(Method method, std::string path, Bytes body,
                                           std::chrono::milliseconds timeout) {
  RequestHeader header = RequestHeader::make(method, std::move(path), !body.empty());
  auto reply = co_await node_.send_and_receive<Bytes>(
      route(channel_.encryptor_address(), kNodeManagerAddress), encode_request(header, body),
      timeout);
  if (!reply) {
    co_return reply.error();
  }
  auto response = decode_response(*reply);
  if (!response) {
    co_return response.error();
  }
  if (response->header.re != header.id) {
    co_return Error(Origin::kApplication, Kind::kParse, "the node answered another request");
  }
  co_return std::move(*response);
}

Task<Result<void>> NodeClient::close() {
  auto stopped = co_await node_.stop_secure_channel(channel_);
  auto closed = tcp_.disconnect(tcp_sender_);
  if (!stopped) {
    co_return stopped;
  }
  co_return closed;
}

}  // namespace ockam::cli
