#include "ockam/storage/sql_value.hpp"

namespace ockam::storage {
namespace {

template <class T>
Result<T> column_as(const SqlRow& row, std::size_t index) {
  if (index >= row.size() || !std::holds_alternative<T>(row[index])) {
    return Error(Origin::kVault, Kind::kParse, "a stored row has an unexpected column type");
  }
  return std::get<T>(row[index]);
}

}  // namespace

Result<std::int64_t> column_int(const SqlRow& row, std::size_t index) {
  return column_as<std::int64_t>(row, index);
}

Result<std::string> column_text(const SqlRow& row, std::size_t index) {
  return column_as<std::string>(row, index);
}

Result<Bytes> column_bytes(const SqlRow& row, std::size_t index) {
  return column_as<Bytes>(row, index);
}

bool column_is_null(const SqlRow& row, std::size_t index) {
  return index < row.size() && std::holds_alternative<std::monostate>(row[index]);
}

}  // namespace ockam::storage
