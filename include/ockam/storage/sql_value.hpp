#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"

namespace ockam::storage {

/// SqlValue is one query parameter or one column of a result row: NULL, an integer, text or
/// bytes. These four are all the schema uses, in SQLite and in PostgreSQL alike.
using SqlValue = std::variant<std::monostate, std::int64_t, std::string, Bytes>;

/// SqlRow is one row of a query result, its columns in the order of the SELECT list.
using SqlRow = std::vector<SqlValue>;

/// column_int returns column `index` of `row` as an integer; kParse when it holds anything else
/// (a row changed behind our back) or the row is shorter.
Result<std::int64_t> column_int(const SqlRow& row, std::size_t index);
/// column_text returns column `index` of `row` as text; kParse as column_int.
Result<std::string> column_text(const SqlRow& row, std::size_t index);
/// column_bytes returns column `index` of `row` as bytes; kParse as column_int.
Result<Bytes> column_bytes(const SqlRow& row, std::size_t index);
/// column_is_null says whether column `index` of `row` is NULL (false past the end).
bool column_is_null(const SqlRow& row, std::size_t index);

}  // namespace ockam::storage
