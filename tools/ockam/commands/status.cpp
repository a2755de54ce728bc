// `ockam status` and `ockam reset --yes`.
#include <signal.h>

#include <filesystem>
#include <memory>

#include "command_line.hpp"
#include "exit_code.hpp"
#include "json.hpp"
#include "node_control.hpp"
#include "node_view.hpp"
#include "ockam/storage/storage.hpp"
#include "process.hpp"
#include "session.hpp"

#ifndef OCKAM_VERSION
#define OCKAM_VERSION "0.0.0"
#endif

namespace ockam::command {
namespace {

// How long `reset` waits for each node's clean exit.
constexpr std::chrono::seconds kStopTimeout{10};

Task<Result<void>> show_status(Node node, Home home, Output output) {
  auto identities = (co_await node.list_identities()).value();
  auto nodes = node.storage()->nodes().list().value();
  std::string plain = "Identities\n";
  std::vector<std::string> identity_json;
  for (const identity::NamedIdentity& named : identities) {
    plain += "  " + named.name + "  " + named.identifier.to_string() +
             (named.is_default ? "  (default)" : "") + "\n";
    identity_json.push_back(JsonObject()
                                .text("identifier", named.identifier.to_string())
                                .text("name", named.name)
                                .boolean("is_default", named.is_default)
                                .str());
  }
  if (identities.empty()) {
    plain += "  No identities found (ockam identity create)\n";
  }
  plain += "Nodes\n";
  std::string machine;
  std::vector<std::string> node_json_items;
  for (const storage::NodeRecord& record : nodes) {
    plain += "  " + record.name + "  " + (node_is_running(record) ? "running" : "stopped") + "\n";
    machine += record.name + " " + (node_is_running(record) ? "running" : "stopped") + "\n";
    node_json_items.push_back(node_json(home, record));
  }
  if (nodes.empty()) {
    plain += "  No nodes found (ockam node create)\n";
  }
  output.result(plain, machine,
                JsonObject()
                    .text("ockam_version", OCKAM_VERSION)
                    .raw("identities", json_array(identity_json))
                    .raw("nodes", json_array(node_json_items))
                    .str());
  co_return ok();
}

Task<Result<void>> stop_all(Node node) {
  auto records = node.storage()->nodes().list().value();  // a copy: the Result is a temporary
  for (const storage::NodeRecord& record : records) {
    if (node_is_running(record)) {
      ::kill(static_cast<pid_t>(*record.pid), SIGTERM);
      if (!wait_for_exit(*record.pid, kStopTimeout)) {
        throw CommandError(kExitSoftware, "stopping node " + record.name,
                           "it did not exit within 10 s of SIGTERM");
      }
    }
  }
  co_return ok();
}

void reset(const Output& output, bool yes) {
  if (!yes) {
    throw CommandError(kExitUsage, "reset", "it deletes every node and identity: pass --yes");
  }
  Home home = Home::from_environment();
  if (std::filesystem::exists(home.root())) {
    run_command(home, [](Node node) { return stop_all(node); });
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(home.root())) {
      std::filesystem::remove_all(entry.path(), ec);
    }
  }
  output.result("✔ Reset " + home.root().string(), home.root().string(), "");
}

}  // namespace

void add_status_commands(CLI::App& app, CommandLine& line) {
  app.add_subcommand("status", "Show identities and nodes")->callback([&line] {
    line.action = [&line] {
      Home home = Home::from_environment();
      Output output = line.output;
      run_command(home, [home, output](Node node) { return show_status(node, home, output); });
    };
  });
  auto yes = std::make_shared<bool>(false);
  CLI::App* reset_command = app.add_subcommand("reset", "Stop every node and delete all state");
  reset_command->add_flag("-y,--yes", *yes, "Confirm");
  reset_command->callback(
      [&line, yes] { line.action = [&line, yes] { reset(line.output, *yes); }; });
}

}  // namespace ockam::command
