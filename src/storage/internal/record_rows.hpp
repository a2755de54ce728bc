#pragma once

// Helpers the repositories share to turn result rows into records.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ockam/storage/database.hpp"

namespace ockam::storage::internal {

/// records_from turns every row of `rows` into a record with `parse` (a callable taking a
/// SqlRow and returning Result<Record>); the first failure is returned.
template <class Record, class Parse>
Result<std::vector<Record>> records_from(Result<std::vector<SqlRow>> rows, Parse parse) {
  if (!rows) {
    return rows.error();
  }
  std::vector<Record> records;
  records.reserve(rows->size());
  for (const auto& row : *rows) {
    auto record = parse(row);
    if (!record) {
      return record.error();
    }
    records.push_back(std::move(*record));
  }
  return records;
}

/// first_record returns the first of `records`, or kNotFound with `message` when there is none.
template <class Record>
Result<Record> first_record(Result<std::vector<Record>> records, const char* message) {
  if (!records) {
    return records.error();
  }
  if (records->empty()) {
    return Error(Origin::kVault, Kind::kNotFound, message);
  }
  return std::move(records->front());
}

/// delete_one runs `sql` (a DELETE ... RETURNING statement); kNotFound with `message` when it
/// deleted nothing.
inline Result<void> delete_one(Database& database, std::string_view sql,
                               const std::vector<SqlValue>& params, const char* message) {
  auto rows = database.query(sql, params);
  if (!rows) {
    return rows.error();
  }
  if (rows->empty()) {
    return Error(Origin::kVault, Kind::kNotFound, message);
  }
  return ok();
}

/// optional_text reads column `index` of `row` as text into `out`, leaving it empty for NULL.
inline Result<void> optional_text(const SqlRow& row, std::size_t index,
                                  std::optional<std::string>& out) {
  if (column_is_null(row, index)) {
    return ok();
  }
  auto text = column_text(row, index);
  if (!text) {
    return text.error();
  }
  out = std::move(*text);
  return ok();
}

}  // namespace ockam::storage::internal
