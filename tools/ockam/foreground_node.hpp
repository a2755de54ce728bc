#pragma once

#include <string>
#include <vector>

#include "home.hpp"

namespace ockam::command {

/// ForegroundNodeOptions: what `ockam node create NAME --foreground` runs.
struct ForegroundNodeOptions {
  std::string name;
  std::string tcp_listener_address = "127.0.0.1:0";
  NodeLaunch launch;
  /// Print the result (a foreground node started by hand); a spawned child stays silent.
  bool print_result = true;
};

/// run_foreground_node runs the node in this process until SIGINT, SIGTERM or SIGHUP: its
/// services (cli::start_local_node), TCP outlets and inlets, its record in the database (pid,
/// listener address), and the outlets, relays and inlets the database holds for it, re-created
/// through its own node manager. Returns the exit status (0 after a signal).
int run_foreground_node(const Home& home, ForegroundNodeOptions options);

}  // namespace ockam::command
