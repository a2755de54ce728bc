#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ockam/core/result.hpp"
#include "ockam/storage/database.hpp"

namespace ockam::storage {

/// NodeRecord is what the command line remembers about a node it started (table `node`).
struct NodeRecord {
  std::string name;
  /// The identifier of the node's identity.
  std::string identifier;
  /// The process running the node, while it runs.
  std::optional<std::int64_t> pid;
  /// "host:port" of its TCP listener, once listening.
  std::optional<std::string> tcp_listener_address;
  bool is_default = false;
  /// Seconds since the Unix epoch.
  std::int64_t created_at = 0;
};

/// NodeRepository keeps NodeRecords by name.
class NodeRepository {
 public:
  NodeRepository(std::shared_ptr<Database> database, std::string scope)
      : database_(std::move(database)), scope_(std::move(scope)) {}

  /// put stores (or replaces) `record`; `is_default` is kept as stored for a replaced record
  /// and set for the first node (use set_default to change it).
  Result<void> put(const NodeRecord& record);
  /// get returns the node `name`; kNotFound when there is none.
  Result<NodeRecord> get(const std::string& name) const;
  /// list returns every node, oldest first.
  Result<std::vector<NodeRecord>> list() const;
  /// default_node returns the default node; kNotFound when there are none.
  Result<NodeRecord> default_node() const;
  /// set_default makes `name` the default node (two statements: run in a transaction);
  /// kNotFound when there is no such node.
  Result<void> set_default(const std::string& name);
  /// remove forgets node `name`; kNotFound when there is none. When it was the default, the
  /// oldest node left becomes the default (several statements: run in a transaction).
  Result<void> remove(const std::string& name);

 private:
  std::shared_ptr<Database> database_;
  std::string scope_;
};

}  // namespace ockam::storage
