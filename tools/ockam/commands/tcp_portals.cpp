// `ockam tcp-outlet create|list|delete` and `ockam tcp-inlet create|list|delete`.
#include <memory>

#include "command_line.hpp"
#include "json.hpp"
#include "multiaddr_argument.hpp"
#include "node_command.hpp"
#include "node_resources.hpp"
#include "ockam/storage/storage.hpp"

namespace ockam::command {
namespace {

struct PortalArgs {
  std::string node;  // --at
  std::string to;
  std::string from;
  std::string name;  // outlet address or inlet alias
  std::string identity;
  Output output;
};

std::optional<std::string> given(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional(text);
}

std::string outlet_json(const std::string& to, const std::string& address) {
  return JsonObject()
      .text("to", to)
      .text("worker_addr", address)
      .boolean("privileged", false)
      .str();
}

std::string inlet_json(const std::string& bind, const std::string& alias, const std::string& to,
                       const std::string& status) {
  return JsonObject()
      .text("bind_addr", bind)
      .text("alias", alias)
      .text("status", status)
      .text("outlet_addr", to)
      .boolean("privileged", false)
      .str();
}

Task<void> create_outlet_command(Node node, NodeControl& control, std::shared_ptr<PortalArgs> a) {
  std::optional<std::string> address = given(a->from);
  CreatedOutlet outlet = co_await create_outlet(node, control, a->to, address);
  a->output.result("✔ Created a new TCP Outlet in the Node " + control.record().name + " at " +
                       outlet.address + " bound to " + outlet.to,
                   outlet.address, outlet_json(outlet.to, outlet.address));
}

Task<void> list_outlets(Node, NodeControl& control, std::shared_ptr<PortalArgs> a) {
  Bytes body = co_await control.call(cli::Method::kGet, "node/outlet", {}, "listing outlets");
  std::string plain;
  std::string machine;
  std::vector<std::string> json;
  for (const cli::CborMap& outlet : answer_list(body, "listing outlets")) {
    std::string to = outlet.text(1).value_or("");
    std::string address = outlet.text(2).value_or("");
    plain += address + " => " + to + "\n";
    machine += address + "\n";
    json.push_back(outlet_json(to, address));
  }
  if (json.empty()) {
    plain = "No TCP outlets on node " + control.record().name + ".";
  }
  a->output.result(plain, machine, json_array(json));
}

Task<void> delete_outlet(Node node, NodeControl& control, std::shared_ptr<PortalArgs> a) {
  std::string address = a->name.starts_with("/service/") ? a->name.substr(9) : a->name;
  (void)co_await control.call(cli::Method::kDelete, "node/outlet/" + address, {},
                              "deleting outlet " + a->name);
  (void)node.storage()->tcp_outlets().remove(control.record().name, address);
  a->output.result("✔ Deleted TCP outlet /service/" + address, "/service/" + address,
                   JsonObject().text("worker_addr", "/service/" + address).str());
}

Task<void> create_inlet_command(Node node, NodeControl& control, std::shared_ptr<PortalArgs> a) {
  // Named arguments: GCC 12 destroys a conditional's temporary inside co_await twice.
  std::string from = a->from.empty() ? "127.0.0.1:0" : a->from;
  std::optional<std::string> alias = given(a->name);
  CreatedInlet inlet = co_await create_inlet(node, control, from, a->to, alias);
  const std::string created =
      "Created a new TCP Inlet in the Node " + control.record().name + " bound to " + inlet.bind;
  std::string plain = inlet.status == "Down"
                          ? "⚠ " + created + "\n  but failed to connect to the TCP Outlet at " +
                                inlet.to + ". It will retry to connect automatically"
                          : "✔ " + created + "\n  sending traffic to the TCP Outlet at " + inlet.to;
  a->output.result(plain, inlet.bind, inlet_json(inlet.bind, inlet.alias, inlet.to, inlet.status));
}

Task<void> list_inlets(Node, NodeControl& control, std::shared_ptr<PortalArgs> a) {
  Bytes body = co_await control.call(cli::Method::kGet, "node/inlet", {}, "listing inlets");
  std::string plain;
  std::string machine;
  std::vector<std::string> json;
  for (const cli::CborMap& inlet : answer_list(body, "listing inlets")) {
    std::string bind = inlet.text(1).value_or("");
    std::string alias = inlet.text(3).value_or("");
    std::string status = inlet.text(6).value_or("");
    std::string to = inlet.text(7).value_or("");
    plain += alias + "  " + bind + " => " + to + "  " + status + "\n";
    machine += alias + "\n";
    json.push_back(inlet_json(bind, alias, to, status));
  }
  if (json.empty()) {
    plain = "No TCP inlets on node " + control.record().name + ".";
  }
  a->output.result(plain, machine, json_array(json));
}

Task<void> delete_inlet(Node node, NodeControl& control, std::shared_ptr<PortalArgs> a) {
  (void)co_await control.call(cli::Method::kDelete, "node/inlet/" + a->name, {},
                              "deleting inlet " + a->name);
  (void)node.storage()->tcp_inlets().remove(control.record().name, a->name);
  a->output.result("✔ Deleted TCP inlet " + a->name, a->name,
                   JsonObject().text("alias", a->name).str());
}

}  // namespace

void add_tcp_outlet_commands(CLI::App& app, CommandLine& line) {
  auto args = std::make_shared<PortalArgs>();
  CLI::App* group = app.add_subcommand("tcp-outlet", "Create, list and delete TCP outlets");
  group->require_subcommand(1);
  CLI::App* create = add_node_verb(*group, line, "create", "Create a TCP outlet to a TCP server",
                                   create_outlet_command, args, "--at");
  create->add_option("--to", args->to, "The server: [HOST:]PORT")->required();
  create->add_option("--from", args->from, "The outlet's address (default: outlet)");
  add_node_verb(*group, line, "list", "List a node's TCP outlets", list_outlets, args, "--at");
  CLI::App* remove =
      add_node_verb(*group, line, "delete", "Delete a TCP outlet", delete_outlet, args, "--at");
  remove->add_option("address", args->name, "The outlet's address")->required();
  add_yes_flag(*remove);
}

void add_tcp_inlet_commands(CLI::App& app, CommandLine& line) {
  auto args = std::make_shared<PortalArgs>();
  CLI::App* group = app.add_subcommand("tcp-inlet", "Create, list and delete TCP inlets");
  group->require_subcommand(1);
  CLI::App* create = add_node_verb(*group, line, "create", "Create a TCP inlet to an outlet",
                                   create_inlet_command, args, "--at");
  create->add_option("--from", args->from, "Where to listen: [HOST:]PORT (default 127.0.0.1:0)");
  create
      ->add_option("--to", args->to,
                   "The outlet: a multiaddr such as /node/n1/secure/api/service/outlet")
      ->required();
  create->add_option("--alias", args->name, "The inlet's name (default: inlet)");
  add_node_verb(*group, line, "list", "List a node's TCP inlets", list_inlets, args, "--at");
  CLI::App* remove =
      add_node_verb(*group, line, "delete", "Delete a TCP inlet", delete_inlet, args, "--at");
  remove->add_option("alias", args->name, "The inlet's alias")->required();
  add_yes_flag(*remove);
}

}  // namespace ockam::command
