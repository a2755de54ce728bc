// `ockam secure-channel create|list|delete` and `ockam secure-channel-listener create|list`.
#include <memory>

#include "command_line.hpp"
#include "exit_code.hpp"
#include "json.hpp"
#include "multiaddr_argument.hpp"
#include "node_command.hpp"
#include "request_bodies.hpp"

namespace ockam::command {
namespace {

struct ChannelArgs {
  std::string node;  // --from / --at
  std::string to;
  std::string address;
  std::string identity;
  std::vector<std::string> authorized;
  Output output;
};

Task<void> create_channel(Node node, NodeControl& control, std::shared_ptr<ChannelArgs> args) {
  cli::MultiAddr to = resolve_nodes(node, parse_multiaddr("--to", args->to));
  Bytes body = co_await control.call(cli::Method::kPost, "node/secure_channel",
                                     secure_channel_request(to, args->authorized),
                                     "creating a secure channel to " + args->to);
  cli::CborMap map = answer_map(body, "creating a secure channel");
  std::string address = map.text(1).value_or("");
  args->output.result("✔ Secure Channel at " + address + " created successfully\n  From /node/" +
                          control.record().name + " to " + args->to,
                      address, json_array({JsonObject().text("address", address).str()}));
}

Task<void> list_channels(Node, NodeControl& control, std::shared_ptr<ChannelArgs> args) {
  Bytes body = co_await control.call(cli::Method::kGet, "node/secure_channel", {},
                                     "listing secure channels");
  std::string plain;
  std::string machine;
  std::vector<std::string> json;
  for (const cli::CborMap& channel : answer_list(body, "listing secure channels")) {
    std::string address = channel.text(1).value_or("");
    std::string to = channel.text(2).value_or("");
    std::string id = channel.text(3).value_or("");
    plain += address + "  to " + to + "  (" + id + ")\n";
    machine += address + "\n";
    json.push_back(
        JsonObject().text("address", address).text("to", to).text("identifier", id).str());
  }
  if (json.empty()) {
    plain = "No secure channels on node " + control.record().name + ".";
  }
  args->output.result(plain, machine, json_array(json));
}

Task<void> delete_channel(Node, NodeControl& control, std::shared_ptr<ChannelArgs> args) {
  (void)co_await control.call(cli::Method::kDelete, "node/secure_channel", text_map(args->address),
                              "deleting secure channel " + args->address);
  args->output.result("✔ Deleted secure channel " + args->address, args->address,
                      JsonObject().text("address", args->address).str());
}

Task<void> create_listener(Node, NodeControl& control, std::shared_ptr<ChannelArgs> args) {
  Bytes body;
  try {
    body = co_await control.call(cli::Method::kPost, "node/secure_channel_listener",
                                 listener_request(args->address, args->authorized),
                                 "creating secure channel listener " + args->address);
  } catch (const CommandError& error) {
    // Ockam exits with EX_CANTCREAT here; a refused identity keeps its own code.
    if (error.code() == kExitNoPermission) {
      throw;
    }
    throw CommandError(kExitCantCreate, error.what(), "");
  }
  std::string address = answer_map(body, "creating a listener").text(1).value_or("");
  args->output.result("✔ Secure Channel Listener at " + address + " created successfully at node " +
                          control.record().name,
                      address, JsonObject().text("address", address).str());
}

Task<void> list_listeners(Node, NodeControl& control, std::shared_ptr<ChannelArgs> args) {
  Bytes body = co_await control.call(cli::Method::kGet, "node/secure_channel_listener", {},
                                     "listing secure channel listeners");
  std::string lines;
  std::vector<std::string> json;
  for (const cli::CborMap& listener : answer_list(body, "listing listeners")) {
    std::string address = listener.text(1).value_or("");
    lines += address + "\n";
    json.push_back(JsonObject().text("address", address).str());
  }
  args->output.result(lines, lines, json_array(json));
}

}  // namespace

void add_secure_channel_commands(CLI::App& app, CommandLine& line) {
  auto args = std::make_shared<ChannelArgs>();
  CLI::App* group = app.add_subcommand("secure-channel", "Create, list and delete secure channels");
  group->require_subcommand(1);
  CLI::App* create = add_node_verb(*group, line, "create", "Create a secure channel from a node",
                                   create_channel, args);
  create->add_option("--from", args->node, "The node that initiates it")->required();
  create->add_option("--to", args->to, "The listener: /node/n2/service/api (- reads stdin)")
      ->required();
  create->add_option("-a,--authorized", args->authorized, "Trust only these identifiers");
  add_node_verb(*group, line, "list", "List a node's secure channels", list_channels, args)
      ->add_option("--at", args->node, "The node (default: the default node)");
  CLI::App* remove =
      add_node_verb(*group, line, "delete", "Delete a secure channel", delete_channel, args);
  remove->add_option("address", args->address, "Its address (/service/...)")->required();
  remove->add_option("--at", args->node, "The node (default: the default node)");
  add_yes_flag(*remove);

  CLI::App* listeners =
      app.add_subcommand("secure-channel-listener", "Create and list secure channel listeners");
  listeners->require_subcommand(1);
  CLI::App* listen = add_node_verb(*listeners, line, "create", "Start a secure channel listener",
                                   create_listener, args);
  listen->add_option("address", args->address, "Its address")->required();
  listen->add_option("--at", args->node, "The node (default: the default node)");
  listen->add_option("-a,--authorized", args->authorized, "Trust only these identifiers");
  add_node_verb(*listeners, line, "list", "List a node's listeners", list_listeners, args)
      ->add_option("--at", args->node, "The node (default: the default node)");
}

}  // namespace ockam::command
