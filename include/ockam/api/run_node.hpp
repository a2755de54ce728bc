#pragma once

#include <functional>

#include "ockam/api/node.hpp"

namespace ockam {

/// run_node plays the role of `#[ockam::node]`: it starts a node, runs `main` on it, and keeps
/// the node running until `node.stop()` or SIGINT/SIGTERM. An error returned (or thrown) by
/// `main` is printed to stderr and the node stops. Returns the process exit status (0 or 1).
int run_node(std::function<Task<Result<void>>(Node)> main);

}  // namespace ockam
