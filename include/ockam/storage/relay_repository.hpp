#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ockam/core/result.hpp"
#include "ockam/storage/database.hpp"

namespace ockam::storage {

/// RelayRecord is a relay a node created at another node (table `relay`).
struct RelayRecord {
  /// The node that created the relay.
  std::string node_name;
  /// The relay's name (its `forward_to_<name>` address at the remote node).
  std::string name;
  /// Route to the relay service, as text (for example `1#host:port => 0#forwarding_service`).
  std::string relay_route;
  /// The address the relay got at the remote node, once created.
  std::optional<std::string> remote_address;
  /// Seconds since the Unix epoch.
  std::int64_t created_at = 0;
};

/// RelayRepository keeps the relays of each node, by node name and relay name.
class RelayRepository {
 public:
  RelayRepository(std::shared_ptr<Database> database, std::string scope)
      : database_(std::move(database)), scope_(std::move(scope)) {}

  /// put stores (or replaces) `record`.
  Result<void> put(const RelayRecord& record);
  /// get returns the record of `node_name` with name `name`; kNotFound when there is none.
  Result<RelayRecord> get(const std::string& node_name, const std::string& name) const;
  /// list returns the records of `node_name`, oldest first.
  Result<std::vector<RelayRecord>> list(const std::string& node_name) const;
  /// remove deletes the record of `node_name` with name `name`; kNotFound when there is none.
  Result<void> remove(const std::string& node_name, const std::string& name);
  /// remove_all deletes every record of `node_name` (when the node is deleted).
  Result<void> remove_all(const std::string& node_name);

 private:
  std::shared_ptr<Database> database_;
  std::string scope_;
};

}  // namespace ockam::storage
