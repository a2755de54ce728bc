#include "node_control.hpp"

#include "exit_code.hpp"
#include "ockam/cli/response_header.hpp"
#include "ockam/storage/storage.hpp"
#include "process.hpp"

namespace ockam::command {

storage::NodeRecord find_node(Node& node, const std::string& name) {
  auto record =
      name.empty() ? node.storage()->nodes().default_node() : node.storage()->nodes().get(name);
  if (!record) {
    if (record.error().kind() == Kind::kNotFound) {
      throw CommandError(kExitSoftware, name.empty() ? "finding the default node" : "node " + name,
                         "no such node (ockam node list shows them)");
    }
    fail_with("reading node " + name, record.error());
  }
  return *record;
}

bool node_is_running(const storage::NodeRecord& record) {
  return record.pid && process_is_running(*record.pid);
}

Task<identity::Identity> command_identity(Node node, std::string name) {
  // Not `cond ? co_await a : co_await b`: GCC 12 destroys the result of such an expression twice.
  Result<identity::Identity> identity = Error(Origin::kApplication, Kind::kNotFound, "unset");
  if (name.empty()) {
    identity = co_await node.default_identity();
  } else {
    identity = co_await node.get_identity(name);
  }
  if (!identity) {
    fail_with("identity " + (name.empty() ? std::string("default") : name), identity.error());
  }
  co_return *identity;
}

Task<NodeControl> NodeControl::open(Node node, std::string name, std::string as) {
  storage::NodeRecord record = find_node(node, name);
  if (!node_is_running(record) || !record.tcp_listener_address) {
    throw CommandError(kExitUnavailable, "node " + record.name,
                       "the node is not running (ockam node start " + record.name + ")");
  }
  identity::Identity identity = co_await command_identity(node, as);
  auto node_identifier = identity::Identifier::parse(record.identifier);
  if (!node_identifier) {
    fail_with("node " + record.name + "'s identifier on record", node_identifier.error());
  }
  auto tcp = co_await node.create_tcp_transport();
  if (!tcp) {
    fail_with("starting the TCP transport", tcp.error());
  }
  auto client = co_await cli::NodeClient::connect(node, *tcp, identity,
                                                  *record.tcp_listener_address, *node_identifier);
  if (!client) {
    int code = client.error().kind() == Kind::kPermission ? kExitNoPermission : kExitUnavailable;
    throw CommandError(code,
                       "connecting to node " + record.name + " at " + *record.tcp_listener_address,
                       client.error().to_string());
  }
  co_return NodeControl(*tcp, std::move(*client), std::move(record));
}

Task<Bytes> NodeControl::call(cli::Method method, std::string path, Bytes body, std::string what,
                              std::chrono::milliseconds timeout) {
  auto response = co_await client_.request(method, path, std::move(body), timeout);
  if (!response) {
    throw CommandError(exit_code_of(response.error()), what + " on node " + record_.name,
                       response.error().to_string());
  }
  if (response->header.is_ok()) {
    co_return std::move(response->body);
  }
  int code = kExitSoftware;
  if (response->header.status == cli::Status::kUnauthorized ||
      response->header.status == cli::Status::kForbidden) {
    code = kExitNoPermission;
  } else if (response->header.status == cli::Status::kBadRequest) {
    code = kExitUsage;
  }
  std::string why = cli::error_message(response->body);
  throw CommandError(code, what + " on node " + record_.name,
                     cli::status_text(response->header.status) + (why.empty() ? "" : ": " + why));
}

Task<void> NodeControl::close() {
  (void)co_await client_.close();
}

}  // namespace ockam::command
