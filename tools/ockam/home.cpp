#include "home.hpp"

#include <cstdlib>
#include <fstream>

#include "exit_code.hpp"

namespace ockam::command {
namespace {

// Every command and node of one home shares these rows, so nodes share identities as Ockam's.
constexpr const char* kRowScope = "ockam";

}  // namespace

Home Home::from_environment() {
  if (const char* home = std::getenv("OCKAM_HOME"); home && *home) {
    return Home(home);
  }
  const char* user_home = std::getenv("HOME");
  if (!user_home || !*user_home) {
    throw CommandError(kExitSoftware, "finding the state folder",
                       "neither OCKAM_HOME nor HOME is set");
  }
  return Home(std::filesystem::path(user_home) / ".ockam");
}

std::filesystem::path Home::node_dir(const std::string& name) const {
  return root_ / "nodes" / name;
}

std::filesystem::path Home::stdout_log(const std::string& name) const {
  return node_dir(name) / "stdout.log";
}

std::filesystem::path Home::stderr_log(const std::string& name) const {
  return node_dir(name) / "stderr.log";
}

NodeOptions Home::node_options() const {
  return NodeOptions::in_home(root_, kRowScope);
}

// One `key value` per line: `identity NAME`, then `controller I...` lines.
void Home::write_launch(const std::string& node, const NodeLaunch& launch) const {
  std::filesystem::create_directories(node_dir(node));
  std::ofstream out(node_dir(node) / "launch", std::ios::trunc);
  out << "identity " << launch.identity_name << "\n";
  for (const std::string& id : launch.controllers) {
    out << "controller " << id << "\n";
  }
  if (!out.flush()) {
    throw CommandError(kExitSoftware, "writing " + (node_dir(node) / "launch").string(),
                       "write failed");
  }
}

std::optional<NodeLaunch> Home::read_launch(const std::string& node) const {
  std::ifstream in(node_dir(node) / "launch");
  if (!in) {
    return std::nullopt;
  }
  NodeLaunch launch;
  std::string key;
  std::string value;
  while (in >> key >> value) {
    if (key == "identity") {
      launch.identity_name = value;
    } else if (key == "controller") {
      launch.controllers.push_back(value);
    }
  }
  return launch;
}

}  // namespace ockam::command
