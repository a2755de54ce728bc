#pragma once

// Each benchmark lives in its own <name>_bench.cpp and adds one subcommand to the program;
// main.cpp calls every add_* function below. To add a benchmark, write the file, declare its
// add_* function here and call it from main.cpp.
#include <CLI/CLI.hpp>

namespace ockam::bench {

/// `local-hops`: messages per second from a context to a sink through N local forwarding hops.
void add_local_hops_command(CLI::App& app);

}  // namespace ockam::bench
