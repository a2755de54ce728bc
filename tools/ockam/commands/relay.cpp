// `ockam relay create|list|delete`.
#include <memory>

#include "command_line.hpp"
#include "exit_code.hpp"
#include "json.hpp"
#include "node_command.hpp"
#include "node_resources.hpp"
#include "ockam/storage/storage.hpp"

namespace ockam::command {
namespace {

struct RelayArgs {
  std::string name = "default";
  std::string at;
  std::string node;  // --to: the node that creates the relay
  std::string identity;
  Output output;
};

std::string relay_json(const std::string& name, const std::string& remote, const std::string& at,
                       const std::string& node, const std::string& status) {
  return JsonObject()
      .text("name", name)
      .text("remote_address", remote)
      .text("forwarding_route", at)
      .text("destination_address", "/node/" + node)
      .text("connection_status", status)
      .str();
}

Task<void> create(Node node, NodeControl& control, std::shared_ptr<RelayArgs> args) {
  if (args->at.empty()) {
    throw CommandError(kExitUsage, "relay create", "--at NODE is required (no Orchestrator)");
  }
  CreatedRelay relay = co_await create_relay(node, control, args->at, args->name);
  const std::string& from = control.record().name;
  args->output.result("✔ Now relaying messages from " + relay.at + "/service/" +
                          relay.remote_address + " → /node/" + from,
                      relay.remote_address,
                      relay_json(relay.name, relay.remote_address, relay.at, from, "Up"));
}

Task<void> list(Node, NodeControl& control, std::shared_ptr<RelayArgs> args) {
  Bytes body = co_await control.call(cli::Method::kGet, "node/relay", {}, "listing relays");
  std::string plain;
  std::string machine;
  std::vector<std::string> json;
  for (const cli::CborMap& relay : answer_list(body, "listing relays")) {
    std::string name = relay.text(1).value_or("");
    std::string remote = relay.text(2).value_or("");
    std::string at = relay.text(3).value_or("");
    std::string status = relay.text(4).value_or("");
    plain += name + "  " + at + "/service/" + remote + "  " + status + "\n";
    machine += name + "\n";
    json.push_back(relay_json(name, remote, at, control.record().name, status));
  }
  if (json.empty()) {
    plain = "No relays on node " + control.record().name + ".";
  }
  args->output.result(plain, machine, json_array(json));
}

Task<void> remove(Node node, NodeControl& control, std::shared_ptr<RelayArgs> args) {
  (void)co_await control.call(cli::Method::kDelete, "node/relay/" + args->name, {},
                              "deleting relay " + args->name);
  (void)node.storage()->relays().remove(control.record().name, args->name);
  args->output.result("✔ Deleted relay " + args->name, args->name,
                      JsonObject().text("name", args->name).str());
}

}  // namespace

void add_relay_commands(CLI::App& app, CommandLine& line) {
  auto args = std::make_shared<RelayArgs>();
  CLI::App* group = app.add_subcommand("relay", "Create, list and delete relays");
  group->require_subcommand(1);
  CLI::App* make =
      add_node_verb(*group, line, "create", "Create a relay forward_to_NAME at another node",
                    create, args, "--to");
  make->add_option("name", args->name, "The relay's name (default: default)");
  make->add_option("--at", args->at, "Where the relay lives: a node name or multiaddr")->required();
  add_node_verb(*group, line, "list", "List a node's relays", list, args, "--to");
  CLI::App* drop = add_node_verb(*group, line, "delete", "Delete a relay", remove, args, "--to");
  drop->add_option("name", args->name, "The relay's name")->required();
  add_yes_flag(*drop);
}

}  // namespace ockam::command
