#pragma once

#include <optional>
#include <string>

#include "home.hpp"
#include "ockam/api/node.hpp"
#include "ockam/cli/node_client.hpp"
#include "ockam/cli/request_header.hpp"
#include "ockam/storage/node_repository.hpp"

namespace ockam::command {

/// find_node returns the record of node `name`, or of the default node when `name` is empty;
/// CommandError 70 when there is none.
storage::NodeRecord find_node(Node& node, const std::string& name);

/// node_is_running is whether the record's process runs (not whether a record says so).
bool node_is_running(const storage::NodeRecord& record);

/// command_identity is the identity a command acts as: `name`, or the default identity
/// (created, named `default`, when there is none).
Task<identity::Identity> command_identity(Node node, std::string name);

/// NodeControl is a connection to a running node's `_internal.nodemanager` through a secure
/// channel to its `api` listener, trusting only the node's identifier on record.
class NodeControl {
 public:
  /// open connects to node `name` (the default node when empty) as identity `as` (the default
  /// identity when empty). CommandError 69 when the node does not run or answer.
  static Task<NodeControl> open(Node node, std::string name, std::string as);

  /// call sends a request and returns the body of a 200 answer. CommandError 77 when the node
  /// refuses our identity, 64 for a request the node calls bad, 70 otherwise; `what` names
  /// the request in the message. `timeout` bounds the wait for the node's answer: longer than
  /// any wait the request itself asks the node for.
  Task<Bytes> call(cli::Method method, std::string path, Bytes body, std::string what,
                   std::chrono::milliseconds timeout = cli::kDefaultRequestTimeout);
  Task<void> close();

  const storage::NodeRecord& record() const noexcept { return record_; }

 private:
  NodeControl(TcpTransport tcp, cli::NodeClient client, storage::NodeRecord record)
      : tcp_(std::move(tcp)), client_(std::move(client)), record_(std::move(record)) {}

  TcpTransport tcp_;
  cli::NodeClient client_;
  storage::NodeRecord record_;
};

}  // namespace ockam::command
