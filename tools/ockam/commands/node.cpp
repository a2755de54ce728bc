// `ockam node create|list|show|stop|start|delete|logs`.
#include <signal.h>

#include <filesystem>
#include <memory>
#include <regex>

#include "background_node.hpp"
#include "command_line.hpp"
#include "exit_code.hpp"
#include "foreground_node.hpp"
#include "json.hpp"
#include "node_config.hpp"
#include "node_control.hpp"
#include "node_view.hpp"
#include "ockam/storage/storage.hpp"
#include "process.hpp"
#include "session.hpp"

namespace ockam::command {
namespace {

// How long `node stop` waits for the clean exit that follows SIGTERM.
constexpr std::chrono::seconds kStopTimeout{10};

struct NodeArgs {
  std::string name;  // or a configuration file for `create`
  std::string tcp_listener_address = "127.0.0.1:0";
  std::string identity;
  std::vector<std::string> authorized;
  bool foreground = false;
  bool child_process = false;
  bool all = false;
};

void check_name(const std::string& name) {
  static const std::regex valid("[A-Za-z0-9_-]{1,64}");
  if (!std::regex_match(name, valid)) {
    throw CommandError(kExitUsage, "the node name '" + name + "'",
                       "use 1 to 64 letters, digits, '_' or '-'");
  }
}

// Who runs and controls a new node: its identity's name and the identifiers allowed besides it
// (the creator and --authorized ones).
Task<Result<void>> prepare_launch(Node node, NodeArgs args, std::shared_ptr<NodeLaunch> launch) {
  identity::Identity creator = co_await command_identity(node, "");
  identity::Identity own = co_await command_identity(node, args.identity);
  if (args.identity.empty()) {
    auto identities = (co_await node.list_identities()).value();
    for (const auto& named : identities) {
      if (named.is_default) {
        launch->identity_name = named.name;
      }
    }
  } else {
    launch->identity_name = args.identity;
  }
  launch->controllers.push_back(creator.identifier().to_string());
  for (const std::string& text : args.authorized) {
    if (!identity::Identifier::parse(text)) {
      throw CommandError(kExitUsage, "--authorized '" + text + "'", "not an identifier (I...)");
    }
    launch->controllers.push_back(text);
  }
  if (auto record = node.storage()->nodes().get(args.name)) {
    throw CommandError(kExitSoftware, "creating node " + args.name,
                       node_is_running(*record)
                           ? "a node with this name is running"
                           : "a node with this name exists (ockam node start " + args.name + ")");
  }
  co_return ok();
}

std::vector<std::string> child_arguments(const std::string& listener, const NodeLaunch& launch) {
  std::vector<std::string> args{"--tcp-listener-address", listener, "--identity",
                                launch.identity_name};
  for (const std::string& id : launch.controllers) {
    args.push_back("--authorized");
    args.push_back(id);
  }
  return args;
}

Task<Result<void>> await_node(Node node, Home home, std::string name, std::int64_t pid) {
  co_await wait_until_up(node, home, name, pid);
  co_return ok();
}

Task<Result<void>> find_record(Node node, std::string name,
                               std::shared_ptr<storage::NodeRecord> out) {
  *out = find_node(node, name);
  co_return ok();
}

storage::NodeRecord read_node(const Home& home, const std::string& name) {
  auto record = std::make_shared<storage::NodeRecord>();
  run_command(home, [name, record](Node node) { return find_record(node, name, record); });
  return *record;
}

// Starts node `name` in the background and waits until it answers; prints it.
void spawn_and_wait(const Home& home, const Output& output, const std::string& name,
                    const std::string& listener, const NodeLaunch& launch, const char* verb) {
  std::int64_t pid = spawn_node(home, name, child_arguments(listener, launch));
  run_command(home, [home, name, pid](Node node) { return await_node(node, home, name, pid); });
  storage::NodeRecord record = read_node(home, name);
  output.result(std::string("✔ ") + verb + " Node " + name + "\n" + node_plain(home, record), name,
                node_json(home, record));
}

void create_node(const Output& output, NodeArgs args) {
  Home home = Home::from_environment();
  std::optional<NodeConfig> config;
  if (is_node_config(args.name)) {
    config = read_node_config(args.name);
    args.name = config->name;
    if (config->tcp_listener_address) {
      args.tcp_listener_address = *config->tcp_listener_address;
    }
  }
  if (args.name.empty()) {
    args.name = "default";
  }
  check_name(args.name);
  if (args.child_process) {
    NodeLaunch launch{args.identity, args.authorized};
    std::exit(run_foreground_node(home, {args.name, args.tcp_listener_address, launch, false}));
  }
  auto launch = std::make_shared<NodeLaunch>();
  run_command(home, [args, launch](Node node) { return prepare_launch(node, args, launch); });
  if (args.foreground) {
    std::exit(run_foreground_node(home, {args.name, args.tcp_listener_address, *launch, true}));
  }
  spawn_and_wait(home, output, args.name, args.tcp_listener_address, *launch, "Created");
  if (config) {
    apply_node_config(home, output, *config);
  }
}

Task<Result<void>> list_records(Node node, std::shared_ptr<std::vector<storage::NodeRecord>> out) {
  auto list = node.storage()->nodes().list();
  if (!list) {
    fail_with("listing nodes", list.error());
  }
  *out = std::move(*list);
  co_return ok();
}

std::vector<storage::NodeRecord> read_nodes(const Home& home) {
  auto records = std::make_shared<std::vector<storage::NodeRecord>>();
  run_command(home, [records](Node node) { return list_records(node, records); });
  return *records;
}

void list_nodes(const Output& output) {
  Home home = Home::from_environment();
  std::string plain;
  std::string machine;
  std::vector<std::string> json;
  for (const storage::NodeRecord& record : read_nodes(home)) {
    plain += record.name + "  " + (node_is_running(record) ? "running" : "stopped") +
             (record.is_default ? "  (default)" : "") + "\n";
    machine += record.name + "\n";
    json.push_back(node_json(home, record));
  }
  if (json.empty()) {
    plain = "No nodes found on this system.";
  }
  output.result(plain, machine, json_array(json));
}

void show_node(const Output& output, const std::string& name) {
  Home home = Home::from_environment();
  storage::NodeRecord record = read_node(home, name);
  output.result(node_plain(home, record), record.name, node_json(home, record));
}

// SIGTERM, then wait for the clean exit; CommandError 69 when it is not running.
void stop_process(const storage::NodeRecord& record) {
  if (!node_is_running(record)) {
    throw CommandError(kExitUnavailable, "stopping node " + record.name, "it is not running");
  }
  ::kill(static_cast<pid_t>(*record.pid), SIGTERM);
  if (!wait_for_exit(*record.pid, kStopTimeout)) {
    throw CommandError(kExitSoftware, "stopping node " + record.name,
                       "it did not exit within 10 s of SIGTERM");
  }
}

void stop_node(const Output& output, const std::string& name) {
  Home home = Home::from_environment();
  storage::NodeRecord record = read_node(home, name);
  stop_process(record);
  output.result("✔ Stopped node " + record.name, record.name,
                JsonObject().text("name", record.name).str());
}

void start_node(const Output& output, const std::string& name) {
  Home home = Home::from_environment();
  storage::NodeRecord record = read_node(home, name);
  if (node_is_running(record)) {
    throw CommandError(kExitSoftware, "starting node " + record.name, "it is already running");
  }
  std::optional<NodeLaunch> launch = home.read_launch(record.name);
  if (!launch) {
    throw CommandError(
        kExitSoftware, "starting node " + record.name,
        "its launch settings are missing from " + home.node_dir(record.name).string());
  }
  spawn_and_wait(home, output, record.name, record.tcp_listener_address.value_or("127.0.0.1:0"),
                 *launch, "Started");
}

Task<Result<void>> forget_node(Node node, std::string name) {
  storage::Storage& db = *node.storage();
  // All of the node's rows or none of them.
  auto removed = db.database().transaction([&]() -> Result<void> {
    if (auto relays = db.relays().remove_all(name); !relays) {
      return relays;
    }
    if (auto inlets = db.tcp_inlets().remove_all(name); !inlets) {
      return inlets;
    }
    if (auto outlets = db.tcp_outlets().remove_all(name); !outlets) {
      return outlets;
    }
    return db.nodes().remove(name);
  });
  if (!removed) {
    fail_with("deleting node " + name + "'s records", removed.error());
  }
  co_return ok();
}

void delete_nodes(const Output& output, const std::string& name, bool all) {
  Home home = Home::from_environment();
  std::vector<storage::NodeRecord> records;
  if (all) {
    records = read_nodes(home);
  } else {
    records.push_back(read_node(home, name));
  }
  std::string machine;
  for (const storage::NodeRecord& record : records) {
    if (node_is_running(record)) {
      stop_process(record);
    }
    run_command(home, [n = record.name](Node node) { return forget_node(node, n); });
    std::error_code ec;
    std::filesystem::remove_all(home.node_dir(record.name), ec);
    machine += record.name + "\n";
  }
  output.result(all ? "✔ Deleted every node" : "✔ Deleted node " + records.front().name, machine,
                "");
}

void show_logs(const Output& output, const std::string& name) {
  Home home = Home::from_environment();
  storage::NodeRecord record = read_node(home, name);
  std::string path = home.stderr_log(record.name).string();
  output.result(path, path, JsonObject().text("log_path", path).str());
}

// Adds `node <verb>` taking an optional node name.
CLI::App* add_verb(CLI::App& group, CommandLine& line, const char* verb, const char* about,
                   std::shared_ptr<NodeArgs> args, void (*run)(const Output&, const std::string&)) {
  CLI::App* cmd = group.add_subcommand(verb, about);
  cmd->add_option("name", args->name, "The node (default: the default node)");
  cmd->callback(
      [&line, args, run] { line.action = [&line, args, run] { run(line.output, args->name); }; });
  return cmd;
}

}  // namespace

void add_node_commands(CLI::App& app, CommandLine& line) {
  CLI::App* group = app.add_subcommand("node", "Create, list, stop, start and delete nodes");
  group->require_subcommand(1);
  auto args = std::make_shared<NodeArgs>();

  CLI::App* create = group->add_subcommand("create", "Create a node (in the background)");
  create->add_option("name", args->name,
                     "The node's name (default: `default`) or a configuration file (.yaml)");
  create->add_flag("-f,--foreground", args->foreground, "Run the node in this process");
  create->add_flag("-e,--exit-on-eof")->description("Accepted for Ockam compatibility (no effect)");
  create->add_option("-t,--tcp-listener-address", args->tcp_listener_address,
                     "Its TCP listener (default 127.0.0.1:0)");
  create->add_option("--identity", args->identity, "Its identity (default: the default one)");
  create->add_option("--authorized", args->authorized,
                     "Another identifier allowed to control the node");
  create->add_flag("--child-process", args->child_process)->group("");
  create->callback(
      [&line, args] { line.action = [&line, args] { create_node(line.output, *args); }; });

  group->add_subcommand("list", "List nodes")->callback([&line] {
    line.action = [&line] { list_nodes(line.output); };
  });
  add_verb(*group, line, "show", "Show a node", args, show_node);
  add_verb(*group, line, "stop", "Stop a node (SIGTERM)", args, stop_node);
  add_verb(*group, line, "start", "Start a stopped node again", args, start_node);
  add_verb(*group, line, "logs", "Print the path of a node's log file", args, show_logs);
  CLI::App* remove = group->add_subcommand("delete", "Stop and delete a node");
  remove->add_option("name", args->name, "The node (default: the default node)");
  remove->add_flag("-a,--all", args->all, "Every node");
  add_yes_flag(*remove);
  remove->callback([&line, args] {
    line.action = [&line, args] { delete_nodes(line.output, args->name, args->all); };
  });
}

}  // namespace ockam::command
