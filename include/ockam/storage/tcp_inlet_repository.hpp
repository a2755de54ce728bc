#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ockam/core/result.hpp"
#include "ockam/storage/database.hpp"

namespace ockam::storage {

/// TcpInletRecord is a TCP inlet of a node (table `tcp_inlet`).
struct TcpInletRecord {
  /// The node running the inlet.
  std::string node_name;
  /// The inlet's name.
  std::string alias;
  /// "host:port" the inlet listens on.
  std::string bind_address;
  /// Route to the outlet, as text.
  std::string outlet_route;
  /// Seconds since the Unix epoch.
  std::int64_t created_at = 0;
};

/// TcpInletRepository keeps the TCP inlets of each node, by node name and alias.
class TcpInletRepository {
 public:
  TcpInletRepository(std::shared_ptr<Database> database, std::string scope)
      : database_(std::move(database)), scope_(std::move(scope)) {}

  /// put stores (or replaces) `record`.
  Result<void> put(const TcpInletRecord& record);
  /// get returns the record of `node_name` with alias `alias`; kNotFound when there is none.
  Result<TcpInletRecord> get(const std::string& node_name, const std::string& alias) const;
  /// list returns the records of `node_name`, oldest first.
  Result<std::vector<TcpInletRecord>> list(const std::string& node_name) const;
  /// remove deletes the record of `node_name` with alias `alias`; kNotFound when there is none.
  Result<void> remove(const std::string& node_name, const std::string& alias);
  /// remove_all deletes every record of `node_name` (when the node is deleted).
  Result<void> remove_all(const std::string& node_name);

 private:
  std::shared_ptr<Database> database_;
  std::string scope_;
};

}  // namespace ockam::storage
