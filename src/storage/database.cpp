#include "ockam/storage/database.hpp"

namespace ockam::storage {

Result<void> Database::execute(std::string_view sql, const std::vector<SqlValue>& params) {
  auto rows = query(sql, params);
  if (!rows) {
    return rows.error();
  }
  return ok();
}

Result<SqlRow> Database::query_one(std::string_view sql, const std::vector<SqlValue>& params) {
  auto rows = query(sql, params);
  if (!rows) {
    return rows.error();
  }
  if (rows->empty()) {
    return Error(Origin::kVault, Kind::kNotFound, "no such row");
  }
  return std::move(rows->front());
}

}  // namespace ockam::storage
