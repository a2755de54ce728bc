#pragma once

#include <string>

#include "home.hpp"
#include "ockam/storage/node_repository.hpp"

namespace ockam::command {

/// node_json is Ockam's NodeResources shape for what we have: `{name, identifier, is_default,
/// status, pid, route: {short, verbose}, log_path}`; status and pid come from the process.
std::string node_json(const Home& home, const storage::NodeRecord& record);

/// node_plain is a few lines about the node for a terminal.
std::string node_plain(const Home& home, const storage::NodeRecord& record);

}  // namespace ockam::command
