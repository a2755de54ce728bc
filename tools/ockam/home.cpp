#include "home.hpp"

#include <cstdlib>
#include <fstream>
#include <string_view>
#include <system_error>

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

// One `key value` per line, split at the first space (an identity name may hold spaces):
// `identity NAME`, then `controller I...` lines. Written to a temporary file and renamed, so a
// reader sees the old settings or the new ones, never half of them.
void Home::write_launch(const std::string& node, const NodeLaunch& launch) const {
  std::filesystem::create_directories(node_dir(node));
  const std::filesystem::path path = node_dir(node) / "launch";
  const std::filesystem::path temporary = node_dir(node) / "launch.tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << "identity " << launch.identity_name << "\n";
    for (const std::string& id : launch.controllers) {
      out << "controller " << id << "\n";
    }
    if (!out.flush()) {
      throw CommandError(kExitSoftware, "writing " + temporary.string(), "write failed");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    throw CommandError(kExitSoftware, "writing " + path.string(), ec.message());
  }
}

std::optional<NodeLaunch> Home::read_launch(const std::string& node) const {
  std::ifstream in(node_dir(node) / "launch");
  if (!in) {
    return std::nullopt;
  }
  NodeLaunch launch;
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t space = line.find(' ');
    if (space == std::string::npos) {
      continue;
    }
    const std::string_view key = std::string_view(line).substr(0, space);
    std::string value = line.substr(space + 1);
    if (key == "identity") {
      launch.identity_name = std::move(value);
    } else if (key == "controller") {
      launch.controllers.push_back(std::move(value));
    }
  }
  return launch;
}

}  // namespace ockam::command
