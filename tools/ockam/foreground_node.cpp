#include "foreground_node.hpp"

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
// After a standard header (see ockam/node/asio.hpp).
#include <asio/signal_set.hpp>

#include "exit_code.hpp"
#include "multiaddr_argument.hpp"
#include "node_resources.hpp"
#include "ockam/cli/local_node.hpp"
#include "ockam/cli/node_client.hpp"
#include "ockam/cli/portal_requests.hpp"
#include "ockam/core/log.hpp"
#include "ockam/storage/storage.hpp"
#include "request_bodies.hpp"

namespace ockam::command {
namespace {

template <class T>
std::vector<T> or_empty(Result<std::vector<T>> records) {
  return records ? std::move(*records) : std::vector<T>();
}

// Sends one re-creation request to this node's own manager; failures are logged, not fatal
// (an inlet whose outlet's node is down now can be created again by hand).
Task<void> replay(cli::NodeClient& self, std::string path, Bytes body, std::string what) {
  auto response = co_await self.request(cli::Method::kPost, path, std::move(body));
  if (!response) {
    log::warn("cli", "could not re-create {}: {}", what, response.error().to_string());
  } else if (!response->header.is_ok()) {
    log::warn("cli", "could not re-create {}: {} {}", what,
              cli::status_text(response->header.status), cli::error_message(response->body));
  } else {
    log::info("cli", "re-created {}", what);
  }
}

// Re-creates what the database holds for the node: outlets first (they need nothing), then
// relays (at other nodes), then inlets (whose routes may go through relays).
Task<void> restore_resources(Node node, TcpTransport tcp, identity::Identity identity,
                             std::string name, std::string listener) {
  storage::Storage& db = *node.storage();
  auto outlets = or_empty(db.tcp_outlets().list(name));
  auto relays = or_empty(db.relays().list(name));
  auto inlets = or_empty(db.tcp_inlets().list(name));
  if (outlets.empty() && relays.empty() && inlets.empty()) {
    co_return;
  }
  auto self =
      co_await cli::NodeClient::connect(node, tcp, identity, listener, identity.identifier());
  if (!self) {
    log::error("cli", "node {} could not reach its own node manager: {}", name,
               self.error().to_string());
    co_return;
  }
  for (const storage::TcpOutletRecord& outlet : outlets) {
    co_await replay(*self, "node/outlet", outlet_request(outlet.to_address, outlet.worker_address),
                    "outlet " + outlet.worker_address);
  }
  for (const storage::RelayRecord& relay : relays) {
    try {
      auto at = resolve_nodes(node, parse_multiaddr("relay", relay.relay_route));
      co_await replay(*self, "node/relay", relay_request(at, relay.name), "relay " + relay.name);
    } catch (const CommandError& error) {
      log::warn("cli", "could not re-create relay {}: {}", relay.name, error.what());
    }
  }
  for (const storage::TcpInletRecord& inlet : inlets) {
    try {
      auto to = resolve_nodes(node, parse_multiaddr("inlet", inlet.outlet_route));
      // Not waiting for the outlet: its node may start after this one; the inlet listens,
      // Down, and makes its route as soon as it can.
      co_await replay(*self, "node/inlet",
                      inlet_request(inlet.bind_address, to, inlet.alias, /*wait_connection=*/false),
                      "inlet " + inlet.alias);
    } catch (const CommandError& error) {
      log::warn("cli", "could not re-create inlet {}: {}", inlet.alias, error.what());
    }
  }
  (void)co_await self->close();
}

Task<Result<void>> start_node(Node node, ForegroundNodeOptions options) {
  auto identity = co_await node.get_or_create_identity(options.launch.identity_name);
  if (!identity) {
    co_return identity.error();
  }
  cli::LocalNodeOptions local{
      options.name, *identity, {identity->identifier()}, options.tcp_listener_address, ::getpid()};
  for (const std::string& text : options.launch.controllers) {
    if (auto id = identity::Identifier::parse(text)) {
      local.controllers.insert(*id);
    }
  }
  auto started = co_await cli::start_local_node(node, std::move(local));
  if (!started) {
    co_return started.error();
  }
  auto portals = std::make_shared<cli::PortalRequests>(node, started->tcp, *identity,
                                                       started->api.flow_control_id());
  started->manager->add_handler("node/outlet", [portals](cli::Request request) {
    return portals->outlets(std::move(request));
  });
  started->manager->add_handler("node/inlet", [portals](cli::Request request) {
    return portals->inlets(std::move(request));
  });
  std::string listener = started->info.tcp_listener_address;
  // The record (with our pid) is written last: `node create`/`node start` wait for it, so they
  // return once the outlets, relays and inlets are back.
  co_await restore_resources(node, started->tcp, *identity, options.name, listener);
  storage::NodeRecord record;
  if (auto existing = node.storage()->nodes().get(options.name)) {
    record = *existing;
  } else {
    record.created_at = now_seconds();
  }
  record.name = options.name;
  record.identifier = identity->identifier().to_string();
  record.pid = ::getpid();
  record.tcp_listener_address = listener;
  if (auto stored = node.storage()->nodes().put(record); !stored) {
    co_return stored.error();
  }
  std::fprintf(stderr, "node %s (%s) listening on %s\n", options.name.c_str(),
               record.identifier.c_str(), listener.c_str());
  if (options.print_result) {
    std::printf("%s\n", options.name.c_str());
    std::fflush(stdout);
  }
  co_return ok();
}

}  // namespace

int run_foreground_node(const Home& home, ForegroundNodeOptions options) {
  std::error_code ec;
  std::filesystem::create_directories(home.node_dir(options.name), ec);
  home.write_launch(options.name, options.launch);
  Runtime runtime;
  auto node = Node::open(runtime, home.node_options());
  if (!node) {
    std::fprintf(stderr, "Error: opening the database: %s\n", node.error().to_string().c_str());
    return kExitSoftware;
  }
  asio::signal_set signals(runtime.io(), SIGINT, SIGTERM, SIGHUP);
  signals.async_wait([&runtime](const asio::error_code& error, int) {
    if (!error) {
      runtime.request_stop();
    }
  });
  auto result =
      runtime.run_until_stopped([&node, &options](Context&) { return start_node(*node, options); });
  // A stopped node keeps its record (name, identifier, listener address) without a pid.
  if (auto record = node->storage()->nodes().get(options.name);
      record && record->pid == ::getpid()) {
    record->pid.reset();
    (void)node->storage()->nodes().put(*record);
  }
  if (!result) {
    std::fprintf(stderr, "Error: node %s: %s\n", options.name.c_str(),
                 result.error().to_string().c_str());
    return kExitSoftware;
  }
  std::fprintf(stderr, "node %s stopped\n", options.name.c_str());
  return kExitOk;
}

}  // namespace ockam::command
