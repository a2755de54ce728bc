#pragma once

#include <functional>

#include "ockam/api/node.hpp"

namespace ockam {

/// NodeMain is what a node's main coroutine returns:
/// `run_node([](ockam::Node node) -> ockam::NodeMain { ... })`.
using NodeMain = Task<Result<void>>;

/// run_node plays the role of `#[ockam::node]`: it starts a node, runs `main` on it, and keeps
/// the node running until `node.stop()` or SIGINT/SIGTERM. An error returned (or thrown) by
/// `main` is printed to stderr and the node stops. Returns the process exit status (0 or 1).
/// `main` itself lives until the node has stopped, so its lambda may capture by value: the
/// captures outlive every suspension of the coroutine.
int run_node(std::function<NodeMain(Node)> main);

/// run_node with a node opened from `options` (its database; see Node::open). An error opening
/// the database is printed like an error of `main`.
int run_node(NodeOptions options, std::function<NodeMain(Node)> main);

}  // namespace ockam
