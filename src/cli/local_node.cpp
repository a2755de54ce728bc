#include "ockam/cli/local_node.hpp"

#include "ockam/cli/default_services.hpp"
#include "ockam/relay/relay_service.hpp"

namespace ockam::cli {

Task<Result<LocalNode>> start_local_node(Node node, LocalNodeOptions options) {
  TcpTransport tcp = (co_await node.create_tcp_transport()).value();
  auto listener = co_await tcp.listen(options.tcp_listener_address);
  if (!listener) {
    co_return listener.error();
  }
  FlowControlId tcp_flow = listener->flow_control_id();
  auto api = co_await node.create_secure_channel_listener(
      options.identity, kApiListenerAddress, SecureChannelListenerOptions().as_consumer(tcp_flow));
  if (!api) {
    co_return api.error();
  }
  FlowControls& flows = node.flow_controls();
  for (const char* service : {kEchoAddress, kUppercaseAddress}) {
    flows.add_consumer(Address(service), tcp_flow);
    flows.add_consumer(Address(service), api->flow_control_id());
  }
  if (auto started = co_await node.start_worker(kEchoAddress, Echo{}); !started) {
    co_return started.error();
  }
  if (auto started = co_await node.start_worker(kUppercaseAddress, Uppercase{}); !started) {
    co_return started.error();
  }
  auto relays = co_await start_relay_service(
      node.context(),
      RelayServiceOptions().as_consumer(tcp_flow).as_consumer(api->flow_control_id()));
  if (!relays) {
    co_return relays.error();
  }
  NodeInfo info{options.name, options.identity.identifier().to_string(), listener->socket_address(),
                options.pid};
  NodeManagerConfig config{info, options.identity, std::move(options.controllers), tcp_flow,
                           api->flow_control_id()};
  auto manager = std::make_shared<NodeManager>(node, tcp, std::move(config));
  flows.add_consumer(Address(kNodeManagerAddress), api->flow_control_id());
  std::vector<MailboxSpec> mailboxes{{Address(kNodeManagerAddress), nullptr, nullptr}};
  if (auto started = co_await node.context().start_worker_with_mailboxes(mailboxes, manager);
      !started) {
    co_return started.error();
  }
  co_return LocalNode{tcp, *listener, *api, manager, std::move(info)};
}

}  // namespace ockam::cli
