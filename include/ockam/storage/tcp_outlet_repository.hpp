#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ockam/core/result.hpp"
#include "ockam/storage/database.hpp"

namespace ockam::storage {

/// TcpOutletRecord is a TCP outlet of a node (table `tcp_outlet`).
struct TcpOutletRecord {
  /// The node running the outlet.
  std::string node_name;
  /// The outlet's worker address (for example `outlet`).
  std::string worker_address;
  /// "host:port" the outlet connects to.
  std::string to_address;
  /// Seconds since the Unix epoch.
  std::int64_t created_at = 0;
};

/// TcpOutletRepository keeps the TCP outlets of each node, by node name and worker address.
class TcpOutletRepository {
 public:
  TcpOutletRepository(std::shared_ptr<Database> database, std::string scope)
      : database_(std::move(database)), scope_(std::move(scope)) {}

  /// put stores (or replaces) `record`.
  Result<void> put(const TcpOutletRecord& record);
  /// get returns the record of `node_name` with worker_address `worker_address`; kNotFound when
  /// there is none.
  Result<TcpOutletRecord> get(const std::string& node_name,
                              const std::string& worker_address) const;
  /// list returns the records of `node_name`, oldest first.
  Result<std::vector<TcpOutletRecord>> list(const std::string& node_name) const;
  /// remove deletes the record of `node_name` with worker_address `worker_address`; kNotFound when
  /// there is none.
  Result<void> remove(const std::string& node_name, const std::string& worker_address);
  /// remove_all deletes every record of `node_name` (when the node is deleted).
  Result<void> remove_all(const std::string& node_name);

 private:
  std::shared_ptr<Database> database_;
  std::string scope_;
};

}  // namespace ockam::storage
