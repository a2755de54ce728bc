#include "ockam/storage/node_repository.hpp"

#include "storage/internal/record_rows.hpp"

namespace ockam::storage {
namespace {

constexpr std::string_view kColumns =
    "SELECT name, identifier, pid, tcp_listener_address, is_default, created_at FROM node ";

constexpr const char* kNotFound = "no node with this name";

Result<NodeRecord> parse(const SqlRow& row) {
  auto name = column_text(row, 0);
  auto identifier = column_text(row, 1);
  auto is_default = column_int(row, 4);
  auto created_at = column_int(row, 5);
  if (!name || !identifier || !is_default || !created_at) {
    return Error(Origin::kVault, Kind::kParse, "a stored row has an unexpected column type");
  }
  NodeRecord record{std::move(*name), std::move(*identifier), std::nullopt,
                    std::nullopt,     *is_default != 0,       *created_at};
  if (!column_is_null(row, 2)) {
    auto pid = column_int(row, 2);
    if (!pid) {
      return pid.error();
    }
    record.pid = *pid;
  }
  if (auto read = internal::optional_text(row, 3, record.tcp_listener_address); !read) {
    return read.error();
  }
  return record;
}

Result<std::vector<NodeRecord>> records(Result<std::vector<SqlRow>> rows) {
  return internal::records_from<NodeRecord>(std::move(rows), parse);
}

Result<NodeRecord> first(Result<std::vector<NodeRecord>> found) {
  return internal::first_record(std::move(found), kNotFound);
}

std::string select(std::string_view tail) {
  return std::string(kColumns) + std::string(tail);
}

}  // namespace

Result<void> NodeRepository::put(const NodeRecord& record) {
  SqlValue pid = record.pid ? SqlValue{*record.pid} : SqlValue{};
  SqlValue address =
      record.tcp_listener_address ? SqlValue{*record.tcp_listener_address} : SqlValue{};
  return database_->execute(
      "INSERT INTO node (scope, name, identifier, pid, tcp_listener_address, is_default, "
      "created_at) VALUES ($1, $2, $3, $4, $5, CASE WHEN EXISTS (SELECT 1 FROM node WHERE "
      "scope = $1 AND is_default = 1) THEN 0 ELSE 1 END, $6) ON CONFLICT (scope, name) DO "
      "UPDATE SET identifier = excluded.identifier, pid = excluded.pid, "
      "tcp_listener_address = excluded.tcp_listener_address",
      {scope_, record.name, record.identifier, pid, address, record.created_at});
}

Result<NodeRecord> NodeRepository::get(const std::string& name) const {
  return first(records(database_->query(select("WHERE scope = $1 AND name = $2"), {scope_, name})));
}

Result<std::vector<NodeRecord>> NodeRepository::list() const {
  return records(database_->query(select("WHERE scope = $1 ORDER BY created_at, name"), {scope_}));
}

Result<NodeRecord> NodeRepository::default_node() const {
  return first(records(database_->query(
      select("WHERE scope = $1 AND is_default = 1 ORDER BY created_at, name LIMIT 1"), {scope_})));
}

Result<void> NodeRepository::set_default(const std::string& name) {
  auto existing = get(name);
  if (!existing) {
    return existing.error();
  }
  auto cleared = database_->execute(
      "UPDATE node SET is_default = 0 WHERE scope = $1 AND name <> $2", {scope_, name});
  if (!cleared) {
    return cleared;
  }
  return database_->execute("UPDATE node SET is_default = 1 WHERE scope = $1 AND name = $2",
                            {scope_, name});
}

Result<void> NodeRepository::remove(const std::string& name) {
  auto record = get(name);
  if (!record) {
    return record.error();
  }
  auto deleted = internal::delete_one(
      *database_, "DELETE FROM node WHERE scope = $1 AND name = $2 RETURNING name", {scope_, name},
      kNotFound);
  if (!deleted || !record->is_default) {
    return deleted;
  }
  // Commands without --at use the default node: the oldest one left takes its place.
  return database_->execute(
      "UPDATE node SET is_default = 1 WHERE scope = $1 AND name = (SELECT name FROM node WHERE "
      "scope = $1 ORDER BY created_at, name LIMIT 1)",
      {scope_});
}

}  // namespace ockam::storage
