#include "internal/inlet_node.hpp"

#include <future>

#include "internal/peer_channel.hpp"
#include "internal/peer_protocol.hpp"
#include "ockam/ockam.hpp"

namespace ockam::bench {
namespace {

Task<Result<std::uint16_t>> create_inlet(Node node, std::string outlet_node) {
  auto client = co_await make_peer_client(node);
  if (!client) {
    co_return client.error();
  }
  auto peer = co_await open_peer_channel(node, *client, std::move(outlet_node));
  if (!peer) {
    co_return peer.error();
  }
  auto inlet = co_await client->tcp.create_inlet(
      "127.0.0.1:0", route(peer->channel, Address(kOutletAddress)), TcpInletOptions());
  if (!inlet) {
    co_return inlet.error();
  }
  co_return inlet->port();
}

}  // namespace

Result<std::unique_ptr<InletNode>> InletNode::start(std::string outlet_node) {
  std::unique_ptr<InletNode> inlet(new InletNode());
  std::promise<Result<std::uint16_t>> ready;
  auto ready_future = ready.get_future();
  InletNode* raw = inlet.get();
  inlet->thread_ = std::thread([raw, &ready, outlet_node] {
    Node node(raw->runtime_);
    (void)raw->runtime_.run_until_stopped([&](Context&) -> Task<Result<void>> {
      ready.set_value(co_await create_inlet(node, outlet_node));
      co_return ok();
    });
  });
  auto port = ready_future.get();
  if (!port) {
    return port.error();  // the destructor stops the node and joins
  }
  inlet->port_ = *port;
  return inlet;
}

InletNode::~InletNode() {
  runtime_.request_stop();
  if (thread_.joinable()) {
    thread_.join();
  }
}

}  // namespace ockam::bench
