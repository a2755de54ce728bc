#include "ockam/storage/tcp_outlet_repository.hpp"

#include "storage/internal/record_rows.hpp"

namespace ockam::storage {
namespace {

constexpr std::string_view kSelect =
    "SELECT node_name, worker_address, to_address, created_at FROM tcp_outlet ";
constexpr const char* kNotFound = "no such TCP outlet";

Result<TcpOutletRecord> parse(const SqlRow& row) {
  auto node_name = column_text(row, 0);
  auto worker_address = column_text(row, 1);
  auto to_address = column_text(row, 2);
  auto created_at = column_int(row, 3);
  if (!node_name || !worker_address || !to_address || !created_at) {
    return Error(Origin::kVault, Kind::kParse, "a stored row has an unexpected column type");
  }
  TcpOutletRecord record{std::move(*node_name), std::move(*worker_address), std::move(*to_address),
                         *created_at};
  return record;
}

Result<std::vector<TcpOutletRecord>> select(Database& database, std::string_view where,
                                            const std::vector<SqlValue>& params) {
  return internal::records_from<TcpOutletRecord>(
      database.query(std::string(kSelect) + std::string(where), params), parse);
}

}  // namespace

Result<void> TcpOutletRepository::put(const TcpOutletRecord& record) {
  return database_->execute(
      "INSERT INTO tcp_outlet (scope, node_name, worker_address, to_address, created_at) VALUES "
      "($1, $2, $3, $4, $5) "
      "ON CONFLICT (scope, node_name, worker_address) DO UPDATE SET to_address = "
      "excluded.to_address",
      {scope_, record.node_name, record.worker_address, record.to_address, record.created_at});
}

Result<TcpOutletRecord> TcpOutletRepository::get(const std::string& node_name,
                                                 const std::string& worker_address) const {
  return internal::first_record(
      select(*database_, "WHERE scope = $1 AND node_name = $2 AND worker_address = $3",
             {scope_, node_name, worker_address}),
      kNotFound);
}

Result<std::vector<TcpOutletRecord>> TcpOutletRepository::list(const std::string& node_name) const {
  return select(*database_,
                "WHERE scope = $1 AND node_name = $2 ORDER BY created_at, worker_address",
                {scope_, node_name});
}

Result<void> TcpOutletRepository::remove(const std::string& node_name,
                                         const std::string& worker_address) {
  return internal::delete_one(*database_,
                              "DELETE FROM tcp_outlet WHERE scope = $1 AND node_name = $2 AND "
                              "worker_address = $3 RETURNING worker_address",
                              {scope_, node_name, worker_address}, kNotFound);
}

Result<void> TcpOutletRepository::remove_all(const std::string& node_name) {
  return database_->execute("DELETE FROM tcp_outlet WHERE scope = $1 AND node_name = $2",
                            {scope_, node_name});
}

}  // namespace ockam::storage
