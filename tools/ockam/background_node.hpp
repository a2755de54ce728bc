#pragma once

#include <string>
#include <vector>

#include "home.hpp"
#include "ockam/api/node.hpp"

namespace ockam::command {

/// How long `node create` and `node start` wait for a spawned node to answer.
inline constexpr std::chrono::seconds kNodeStartTimeout{20};

/// spawn_node starts this program again as `ockam node create NAME --foreground
/// --child-process ARGS...`, detached: its own session, stdin from /dev/null, stdout and stderr
/// appended to the node's log files. Returns the child's pid; CommandError 70 when it cannot
/// start.
std::int64_t spawn_node(const Home& home, const std::string& name,
                        const std::vector<std::string>& args);

/// wait_until_up waits (at most kNodeStartTimeout) until the spawned node `name` recorded
/// `pid` and answers `GET node` through a secure channel to its `api` listener. CommandError 70
/// with the last line of its stderr log when it exits or does not answer in time.
Task<void> wait_until_up(Node node, Home home, std::string name, std::int64_t pid);

}  // namespace ockam::command
