#include "session.hpp"

#include <filesystem>
#include <memory>
#include <optional>

#include "exit_code.hpp"

namespace ockam::command {
namespace {

// Runs `main`, keeping a CommandError it throws (an escaping exception would reach the runtime
// as a bare kInternal error, losing the exit code and message).
Task<Result<void>> guarded(Node node, CommandMain main,
                           std::shared_ptr<std::optional<CommandError>> failure) {
  try {
    auto result = co_await main(node);
    if (!result) {
      fail_with("the command failed", result.error());
    }
  } catch (const CommandError& error) {
    *failure = error;
  }
  co_return ok();
}

}  // namespace

void run_command(const Home& home, CommandMain main) {
  std::error_code ec;
  std::filesystem::create_directories(home.root(), ec);
  Runtime runtime;
  auto node = Node::open(runtime, home.node_options());
  if (!node) {
    fail_with("opening the database in " + home.root().string(), node.error());
  }
  auto failure = std::make_shared<std::optional<CommandError>>();
  auto result = runtime.run_until_complete(
      [&node, &main, &failure](Context&) { return guarded(*node, main, failure); });
  if (*failure) {
    throw **failure;
  }
  if (!result) {
    fail_with("the command failed", result.error());
  }
}

}  // namespace ockam::command
