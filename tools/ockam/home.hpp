#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ockam/api/node_options.hpp"

namespace ockam::command {

/// NodeLaunch is what `node start` needs to start a node the way `node create` did: its
/// identity's name and who else may control it (nothing secret). Kept in nodes/<name>/launch.
struct NodeLaunch {
  std::string identity_name;
  /// Identifiers allowed to control the node besides its own identity and its creator.
  std::vector<std::string> controllers;
};

/// Home is `$OCKAM_HOME` (default `~/.ockam`): the database shared by every command and node
/// (row scope `ockam`), and one folder per node with its logs and launch settings.
class Home {
 public:
  static Home from_environment();

  const std::filesystem::path& root() const noexcept { return root_; }
  std::filesystem::path node_dir(const std::string& name) const;
  std::filesystem::path stdout_log(const std::string& name) const;
  std::filesystem::path stderr_log(const std::string& name) const;
  /// The database every command and node of this home opens.
  NodeOptions node_options() const;

  void write_launch(const std::string& node, const NodeLaunch& launch) const;
  std::optional<NodeLaunch> read_launch(const std::string& node) const;

 private:
  explicit Home(std::filesystem::path root) : root_(std::move(root)) {}
  std::filesystem::path root_;
};

}  // namespace ockam::command
