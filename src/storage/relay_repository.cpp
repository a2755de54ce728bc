#include "ockam/storage/relay_repository.hpp"

#include "storage/internal/record_rows.hpp"

namespace ockam::storage {
namespace {

constexpr std::string_view kSelect =
    "SELECT node_name, name, relay_route, remote_address, created_at FROM relay ";
constexpr const char* kNotFound = "no such relay";

Result<RelayRecord> parse(const SqlRow& row) {
  auto node_name = column_text(row, 0);
  auto name = column_text(row, 1);
  auto relay_route = column_text(row, 2);
  auto created_at = column_int(row, 4);
  if (!node_name || !name || !relay_route || !created_at) {
    return Error(Origin::kVault, Kind::kParse, "a stored row has an unexpected column type");
  }
  RelayRecord record{std::move(*node_name), std::move(*name), std::move(*relay_route), std::nullopt,
                     *created_at};
  if (auto read = internal::optional_text(row, 3, record.remote_address); !read) {
    return read.error();
  }
  return record;
}

Result<std::vector<RelayRecord>> select(Database& database, std::string_view where,
                                        const std::vector<SqlValue>& params) {
  return internal::records_from<RelayRecord>(
      database.query(std::string(kSelect) + std::string(where), params), parse);
}

}  // namespace

Result<void> RelayRepository::put(const RelayRecord& record) {
  return database_->execute(
      "INSERT INTO relay (scope, node_name, name, relay_route, remote_address, created_at) VALUES "
      "($1, $2, $3, $4, $5, $6) "
      "ON CONFLICT (scope, node_name, name) DO UPDATE SET relay_route = excluded.relay_route, "
      "remote_address = excluded.remote_address",
      {scope_, record.node_name, record.name, record.relay_route,
       record.remote_address ? SqlValue{*record.remote_address} : SqlValue{}, record.created_at});
}

Result<RelayRecord> RelayRepository::get(const std::string& node_name,
                                         const std::string& name) const {
  return internal::first_record(
      select(*database_, "WHERE scope = $1 AND node_name = $2 AND name = $3",
             {scope_, node_name, name}),
      kNotFound);
}

Result<std::vector<RelayRecord>> RelayRepository::list(const std::string& node_name) const {
  return select(*database_, "WHERE scope = $1 AND node_name = $2 ORDER BY created_at, name",
                {scope_, node_name});
}

Result<void> RelayRepository::remove(const std::string& node_name, const std::string& name) {
  return internal::delete_one(
      *database_,
      "DELETE FROM relay WHERE scope = $1 AND node_name = $2 AND name = $3 RETURNING name",
      {scope_, node_name, name}, kNotFound);
}

Result<void> RelayRepository::remove_all(const std::string& node_name) {
  return database_->execute("DELETE FROM relay WHERE scope = $1 AND node_name = $2",
                            {scope_, node_name});
}

}  // namespace ockam::storage
