#pragma once

#include <functional>

#include "home.hpp"
#include "ockam/api/node.hpp"

namespace ockam::command {

/// CommandMain is a command's work, run on an in-process node whose identities live in the home's
/// database. It throws CommandError (or returns an error) to fail.
using CommandMain = std::function<Task<Result<void>>(Node)>;

/// run_command opens the home's database, runs `main` on a node until it completes and stops
/// the node; a failure is rethrown as CommandError.
void run_command(const Home& home, CommandMain main);

}  // namespace ockam::command
