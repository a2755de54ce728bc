#include "ockam/storage/tcp_inlet_repository.hpp"

#include "storage/internal/record_rows.hpp"

namespace ockam::storage {
namespace {

constexpr std::string_view kSelect =
    "SELECT node_name, alias, bind_address, outlet_route, created_at FROM tcp_inlet ";
constexpr const char* kNotFound = "no such TCP inlet";

Result<TcpInletRecord> parse(const SqlRow& row) {
  auto node_name = column_text(row, 0);
  auto alias = column_text(row, 1);
  auto bind_address = column_text(row, 2);
  auto outlet_route = column_text(row, 3);
  auto created_at = column_int(row, 4);
  if (!node_name || !alias || !bind_address || !outlet_route || !created_at) {
    return Error(Origin::kVault, Kind::kParse, "a stored row has an unexpected column type");
  }
  TcpInletRecord record{std::move(*node_name), std::move(*alias), std::move(*bind_address),
                        std::move(*outlet_route), *created_at};
  return record;
}

Result<std::vector<TcpInletRecord>> select(Database& database, std::string_view where,
                                           const std::vector<SqlValue>& params) {
  return internal::records_from<TcpInletRecord>(
      database.query(std::string(kSelect) + std::string(where), params), parse);
}

}  // namespace

Result<void> TcpInletRepository::put(const TcpInletRecord& record) {
  return database_->execute(
      "INSERT INTO tcp_inlet (scope, node_name, alias, bind_address, outlet_route, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) "
      "ON CONFLICT (scope, node_name, alias) DO UPDATE SET bind_address = excluded.bind_address, "
      "outlet_route = excluded.outlet_route",
      {scope_, record.node_name, record.alias, record.bind_address, record.outlet_route,
       record.created_at});
}

Result<TcpInletRecord> TcpInletRepository::get(const std::string& node_name,
                                               const std::string& alias) const {
  return internal::first_record(
      select(*database_, "WHERE scope = $1 AND node_name = $2 AND alias = $3",
             {scope_, node_name, alias}),
      kNotFound);
}

Result<std::vector<TcpInletRecord>> TcpInletRepository::list(const std::string& node_name) const {
  return select(*database_, "WHERE scope = $1 AND node_name = $2 ORDER BY created_at, alias",
                {scope_, node_name});
}

Result<void> TcpInletRepository::remove(const std::string& node_name, const std::string& alias) {
  return internal::delete_one(
      *database_,
      "DELETE FROM tcp_inlet WHERE scope = $1 AND node_name = $2 AND alias = $3 RETURNING alias",
      {scope_, node_name, alias}, kNotFound);
}

Result<void> TcpInletRepository::remove_all(const std::string& node_name) {
  return database_->execute("DELETE FROM tcp_inlet WHERE scope = $1 AND node_name = $2",
                            {scope_, node_name});
}

}  // namespace ockam::storage
