#include "node_config.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <memory>

#include "exit_code.hpp"
#include "node_resources.hpp"
#include "session.hpp"

namespace ockam::command {
namespace {

[[noreturn]] void bad_config(const std::string& path, const std::string& why) {
  throw CommandError(kExitUsage, "the node configuration " + path, why);
}

std::string scalar(const YAML::Node& node, const char* key, const std::string& path,
                   const std::string& where) {
  YAML::Node value = node[key];
  if (!value || !value.IsScalar()) {
    bad_config(path, where + " needs '" + key + "'");
  }
  return value.as<std::string>();
}

// A section is a map `name: {fields}` (or, for relays, a list of such maps).
template <class Visit>
void each_entry(const YAML::Node& section, const std::string& path, const char* name, Visit visit) {
  if (!section) {
    return;
  }
  if (section.IsSequence()) {
    for (const YAML::Node& item : section) {
      each_entry(item, path, name, visit);
    }
    return;
  }
  if (!section.IsMap()) {
    bad_config(path, std::string("'") + name + "' must be a map of name: {fields}");
  }
  for (const auto& entry : section) {
    if (!entry.second.IsMap()) {
      bad_config(path, std::string("'") + name + "' entry " + entry.first.as<std::string>() +
                           " must be a map of fields");
    }
    visit(entry.first.as<std::string>(), entry.second);
  }
}

Task<Result<void>> apply(Node node, NodeConfig config, Output output) {
  NodeControl control = co_await NodeControl::open(node, config.name, "");
  for (const NodeConfig::Outlet& outlet : config.outlets) {
    CreatedOutlet made = co_await create_outlet(node, control, outlet.to, outlet.address);
    output.note("✔ Created a TCP outlet at " + made.address + " to " + made.to);
  }
  for (const NodeConfig::Relay& relay : config.relays) {
    CreatedRelay made = co_await create_relay(node, control, relay.at, relay.name);
    output.note("✔ Created relay " + made.remote_address + " at " + made.at);
  }
  for (const NodeConfig::Inlet& inlet : config.inlets) {
    CreatedInlet made = co_await create_inlet(node, control, inlet.from, inlet.to, inlet.alias);
    output.note("✔ Created TCP inlet " + made.alias + " at " + made.bind);
  }
  co_await control.close();
  co_return ok();
}

}  // namespace

bool is_node_config(const std::string& argument) {
  std::error_code ec;
  return argument.ends_with(".yaml") || argument.ends_with(".yml") ||
         std::filesystem::is_regular_file(argument, ec);
}

NodeConfig read_node_config(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& error) {
    bad_config(path, error.what());
  }
  if (!root.IsMap()) {
    bad_config(path, "expected a map of sections");
  }
  NodeConfig config;
  try {
    for (const auto& section : root) {
      std::string key = section.first.as<std::string>();
      if (key == "name") {
        config.name = section.second.as<std::string>();
      } else if (key == "tcp-listener-address") {
        config.tcp_listener_address = section.second.as<std::string>();
      } else if (key == "relays" || key == "relay") {
        each_entry(section.second, path, "relays",
                   [&](const std::string& name, const YAML::Node& f) {
                     config.relays.push_back({name, scalar(f, "at", path, "relay " + name)});
                   });
      } else if (key == "tcp-outlets" || key == "tcp-outlet") {
        each_entry(section.second, path, "tcp-outlets",
                   [&](const std::string& name, const YAML::Node& f) {
                     config.outlets.push_back({name, scalar(f, "to", path, "outlet " + name)});
                   });
      } else if (key == "tcp-inlets" || key == "tcp-inlet") {
        each_entry(section.second, path, "tcp-inlets",
                   [&](const std::string& name, const YAML::Node& f) {
                     std::string from = f["from"] ? f["from"].as<std::string>() : "127.0.0.1:0";
                     config.inlets.push_back({name, from, scalar(f, "to", path, "inlet " + name)});
                   });
      } else {
        bad_config(path, "unknown section '" + key + "'");
      }
    }
  } catch (const YAML::Exception& error) {
    bad_config(path, error.what());
  }
  if (config.name.empty()) {
    bad_config(path, "it needs a 'name'");
  }
  return config;
}

void apply_node_config(const Home& home, const Output& output, const NodeConfig& config) {
  run_command(home, [config, output](Node node) { return apply(node, config, output); });
}

}  // namespace ockam::command
