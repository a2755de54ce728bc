#include "ockam/storage/identity_repository.hpp"

namespace ockam::storage {
namespace {

constexpr const char* kNamedColumns =
    "SELECT name, identifier, is_default, created_at FROM named_identity ";

Result<NamedIdentityRecord> named_record(const SqlRow& row) {
  auto name = column_text(row, 0);
  auto identifier = column_text(row, 1);
  auto is_default = column_int(row, 2);
  auto created_at = column_int(row, 3);
  if (!name || !identifier || !is_default || !created_at) {
    return Error(Origin::kVault, Kind::kParse, "a stored row has an unexpected column type");
  }
  return NamedIdentityRecord{std::move(*name), std::move(*identifier), *is_default != 0,
                             *created_at};
}

Result<std::vector<NamedIdentityRecord>> named_records(Result<std::vector<SqlRow>> rows) {
  if (!rows) {
    return rows.error();
  }
  std::vector<NamedIdentityRecord> records;
  for (const auto& row : *rows) {
    auto record = named_record(row);
    if (!record) {
      return record.error();
    }
    records.push_back(std::move(*record));
  }
  return records;
}

Result<NamedIdentityRecord> first_named(Result<std::vector<SqlRow>> rows) {
  auto records = named_records(std::move(rows));
  if (!records) {
    return records.error();
  }
  if (records->empty()) {
    return Error(Origin::kVault, Kind::kNotFound, "no identity with this name");
  }
  return std::move(records->front());
}

std::string named_query(const char* tail) {
  return std::string(kNamedColumns) + tail;
}

}  // namespace

Result<void> IdentityRepository::put_change_history(const std::string& identifier,
                                                    ByteView change_history, std::int64_t now,
                                                    HistoryOwner owner) {
  // A history once marked ours stays ours.
  auto stored = database_->execute(
      "INSERT INTO identity (scope, identifier, change_history, updated_at, is_own, "
      "stored_order) VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(MAX(stored_order), 0) + 1 "
      "FROM identity WHERE scope = $1)) ON CONFLICT (scope, identifier) DO UPDATE SET "
      "change_history = excluded.change_history, updated_at = excluded.updated_at, "
      "is_own = CASE WHEN identity.is_own = 1 THEN 1 ELSE excluded.is_own END, "
      "stored_order = excluded.stored_order",
      {scope_, identifier, Bytes(change_history.begin(), change_history.end()), now,
       std::int64_t{owner == HistoryOwner::kOurs ? 1 : 0}});
  if (!stored) {
    return stored;
  }
  return evict_known();
}

Result<void> IdentityRepository::evict_known() {
  auto count = known_count();
  if (!count) {
    return count.error();
  }
  if (*count <= max_known_) {
    return ok();
  }
  return database_->execute(
      "DELETE FROM identity WHERE scope = $1 AND identifier IN (SELECT i.identifier FROM "
      "identity i WHERE i.scope = $1 AND i.is_own = 0 AND NOT EXISTS (SELECT 1 FROM "
      "named_identity n WHERE n.scope = i.scope AND n.identifier = i.identifier) "
      "ORDER BY i.stored_order, i.updated_at, i.identifier LIMIT $2)",
      {scope_, *count - max_known_});
}

Result<Bytes> IdentityRepository::change_history(const std::string& identifier) const {
  auto row = database_->query_one(
      "SELECT change_history FROM identity WHERE scope = $1 AND identifier = $2",
      {scope_, identifier});
  if (!row) {
    if (row.error().kind() == Kind::kNotFound) {
      return Error(Origin::kVault, Kind::kNotFound, "no identity with this identifier");
    }
    return row.error();
  }
  return column_bytes(*row, 0);
}

Result<void> IdentityRepository::delete_change_history(const std::string& identifier) {
  return database_->execute("DELETE FROM identity WHERE scope = $1 AND identifier = $2",
                            {scope_, identifier});
}

Result<std::int64_t> IdentityRepository::known_count() const {
  auto row = database_->query_one(
      "SELECT COUNT(*) FROM identity i WHERE i.scope = $1 AND i.is_own = 0 AND NOT EXISTS "
      "(SELECT 1 FROM named_identity n WHERE n.scope = i.scope AND n.identifier = i.identifier)",
      {scope_});
  if (!row) {
    return row.error();
  }
  return column_int(*row, 0);
}

Result<void> IdentityRepository::insert_named(const std::string& name,
                                              const std::string& identifier,
                                              std::int64_t created_at) {
  return database_->execute(
      "INSERT INTO named_identity (scope, name, identifier, is_default, created_at) VALUES "
      "($1, $2, $3, CASE WHEN EXISTS (SELECT 1 FROM named_identity WHERE scope = $1 AND "
      "is_default = 1) THEN 0 ELSE 1 END, $4)",
      {scope_, name, identifier, created_at});
}

Result<NamedIdentityRecord> IdentityRepository::named(const std::string& name) const {
  return first_named(
      database_->query(named_query("WHERE scope = $1 AND name = $2"), {scope_, name}));
}

Result<std::vector<NamedIdentityRecord>> IdentityRepository::list_named() const {
  return named_records(
      database_->query(named_query("WHERE scope = $1 ORDER BY created_at, name"), {scope_}));
}

Result<NamedIdentityRecord> IdentityRepository::default_named() const {
  return first_named(database_->query(
      named_query("WHERE scope = $1 AND is_default = 1 ORDER BY created_at, name LIMIT 1"),
      {scope_}));
}

Result<void> IdentityRepository::set_default(const std::string& name) {
  auto existing = named(name);
  if (!existing) {
    return existing.error();
  }
  auto cleared = database_->execute(
      "UPDATE named_identity SET is_default = 0 WHERE scope = $1 AND name <> $2", {scope_, name});
  if (!cleared) {
    return cleared;
  }
  return database_->execute(
      "UPDATE named_identity SET is_default = 1 WHERE scope = $1 AND name = $2", {scope_, name});
}

Result<NamedIdentityRecord> IdentityRepository::delete_named(const std::string& name) {
  auto record =
      first_named(database_->query(named_query("WHERE scope = $1 AND name = $2"), {scope_, name}));
  if (!record) {
    return record.error();
  }
  auto deleted = database_->execute("DELETE FROM named_identity WHERE scope = $1 AND name = $2",
                                    {scope_, name});
  if (!deleted) {
    return deleted.error();
  }
  if (record->is_default) {
    auto promoted = database_->execute(
        "UPDATE named_identity SET is_default = 1 WHERE scope = $1 AND name = (SELECT name FROM "
        "named_identity WHERE scope = $1 ORDER BY created_at, name LIMIT 1)",
        {scope_});
    if (!promoted) {
      return promoted.error();
    }
  }
  return record;
}

}  // namespace ockam::storage
