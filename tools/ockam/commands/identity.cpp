// `ockam identity create|list|show|default|delete`.
#include <memory>

#include "command_line.hpp"
#include "exit_code.hpp"
#include "json.hpp"
#include "node_control.hpp"
#include "ockam/crypto/random.hpp"
#include "session.hpp"

namespace ockam::command {
namespace {

struct IdentityArgs {
  std::string name;
  bool full = false;
  Output output;
};

std::string generated_name() {
  Bytes suffix = crypto::random_bytes(4);
  static const char* hex = "0123456789abcdef";
  std::string name = "identity-";
  for (auto b : suffix) {
    name += hex[b >> 4];
    name += hex[b & 15];
  }
  return name;
}

Task<Result<void>> create_identity(Node node, IdentityArgs args) {
  std::string name = args.name;
  if (name.empty()) {
    auto existing = node.identities()->default_named_identity();
    name = existing ? generated_name() : "default";
  }
  auto identity = co_await node.create_identity(name);
  if (!identity) {
    fail_with("creating identity " + name, identity.error());
  }
  std::string id = identity->identifier().to_string();
  args.output.result("✔ Identity " + id + "\n  created successfully as " + name, id,
                     JsonObject().text("identifier", id).str());
  co_return ok();
}

Task<Result<void>> list_identities(Node node, IdentityArgs args) {
  auto identities = co_await node.list_identities();
  if (!identities) {
    fail_with("listing identities", identities.error());
  }
  std::string plain;
  std::string machine;
  std::vector<std::string> json;
  for (const identity::NamedIdentity& named : *identities) {
    std::string id = named.identifier.to_string();
    plain += named.name + "  " + id + (named.is_default ? "  (default)" : "") + "\n";
    machine += named.name + "\n";
    json.push_back(JsonObject()
                       .text("identifier", id)
                       .text("name", named.name)
                       .text("vault_name", "default")
                       .boolean("is_default", named.is_default)
                       .str());
  }
  if (identities->empty()) {
    plain = "No identities found on this system.";
  }
  args.output.result(plain, machine, json_array(json));
  co_return ok();
}

Task<Result<void>> show_identity(Node node, IdentityArgs args) {
  identity::Identity identity = co_await command_identity(node, args.name);
  std::string id = identity.identifier().to_string();
  if (args.full) {
    std::string hex = identity.export_hex();
    args.output.result(hex, hex, JsonObject().text("identifier", id).text("encoded", hex).str());
  } else {
    args.output.result(id, id, JsonObject().text("identifier", id).str());
  }
  co_return ok();
}

Task<Result<void>> default_identity(Node node, IdentityArgs args) {
  if (!args.name.empty()) {
    if (auto set = node.identities()->set_default_named_identity(args.name); !set) {
      fail_with("making " + args.name + " the default identity", set.error());
    }
    args.output.result("✔ The identity named " + args.name + " is now the default", args.name,
                       JsonObject().text("name", args.name).str());
    co_return ok();
  }
  auto identities = co_await node.list_identities();
  if (!identities) {
    fail_with("listing identities", identities.error());
  }
  for (const identity::NamedIdentity& named : *identities) {
    if (named.is_default) {
      args.output.result("The default identity is " + named.name, named.name,
                         JsonObject()
                             .text("name", named.name)
                             .text("identifier", named.identifier.to_string())
                             .str());
      co_return ok();
    }
  }
  throw CommandError(kExitSoftware, "the default identity", "there are no identities");
}

Task<Result<void>> delete_identity(Node node, IdentityArgs args) {
  if (auto deleted = co_await node.delete_identity(args.name); !deleted) {
    fail_with("deleting identity " + args.name, deleted.error());
  }
  args.output.result("✔ The identity named " + args.name + " has been deleted", args.name,
                     JsonObject().text("name", args.name).str());
  co_return ok();
}

using IdentityCommand = Task<Result<void>> (*)(Node, IdentityArgs);

// Adds `identity <verb>` running `run` with the parsed arguments.
CLI::App* add_verb(CLI::App& group, CommandLine& line, const char* verb, const char* about,
                   IdentityCommand run, std::shared_ptr<IdentityArgs> args) {
  CLI::App* cmd = group.add_subcommand(verb, about);
  cmd->callback([&line, run, args] {
    line.action = [&line, run, args] {
      args->output = line.output;
      run_command(Home::from_environment(), [run, args](Node node) { return run(node, *args); });
    };
  });
  return cmd;
}

}  // namespace

void add_identity_commands(CLI::App& app, CommandLine& line) {
  CLI::App* group = app.add_subcommand("identity", "Create, list, show and delete identities");
  group->require_subcommand(1);
  auto args = std::make_shared<IdentityArgs>();
  add_verb(*group, line, "create", "Create an identity (the first one is the default)",
           create_identity, args)
      ->add_option("name", args->name, "Its name (default: `default`, then a generated one)");
  add_verb(*group, line, "list", "List identities", list_identities, args);
  CLI::App* show =
      add_verb(*group, line, "show", "Show an identity's identifier", show_identity, args);
  show->add_option("name", args->name, "The identity (default: the default identity)");
  show->add_flag("-f,--full", args->full, "The whole change history, in hex");
  add_verb(*group, line, "default", "Show or set the default identity", default_identity, args)
      ->add_option("name", args->name, "The identity to make the default");
  CLI::App* remove =
      add_verb(*group, line, "delete", "Delete an identity and its keys", delete_identity, args);
  remove->add_option("name", args->name, "The identity")->required();
  add_yes_flag(*remove);
}

}  // namespace ockam::command
