#include "ockam/storage/sqlite_database.hpp"

#include <sqlite3.h>

#include <string>

#include "ockam/core/log.hpp"
#include "storage/internal/transaction_scope.hpp"

namespace ockam::storage {
namespace {

constexpr std::string_view kLog = "storage";
// BEGIN IMMEDIATE waits kBusyTimeout for other writers; this many waits before giving up.
constexpr int kBeginAttempts = 3;

Error sqlite_error(sqlite3* db, int code) {
  log::debug(kLog, "sqlite error {}: {}", code, db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
  switch (code & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Error(Origin::kVault, Kind::kInvalid,
                   "the database file is not a SQLite database or is damaged");
    case SQLITE_CONSTRAINT:
      return Error(Origin::kVault, Kind::kAlreadyExists, "a row with this key already exists");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error(Origin::kVault, Kind::kTimeout, "the database stayed locked by another process");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return Error(Origin::kVault, Kind::kIo, "the database file cannot be opened for writing");
    case SQLITE_FULL:
      return Error(Origin::kVault, Kind::kResourceExhausted, "the disk is full");
    default:
      return Error(Origin::kVault, Kind::kIo, "database error");
  }
}

Result<void> bind(sqlite3_stmt* statement, int index, const SqlValue& value) {
  int rc = SQLITE_OK;
  if (std::holds_alternative<std::monostate>(value)) {
    rc = sqlite3_bind_null(statement, index);
  } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    rc = sqlite3_bind_int64(statement, index, *integer);
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    rc = sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_STATIC,
                             SQLITE_UTF8);
  } else {
    const auto& bytes = std::get<Bytes>(value);
    // A zero-length blob must still be a blob, not NULL: give SQLite a non-null pointer.
    static const std::uint8_t kEmpty = 0;
    rc = sqlite3_bind_blob64(statement, index, bytes.empty() ? &kEmpty : bytes.data(), bytes.size(),
                             SQLITE_STATIC);
  }
  if (rc != SQLITE_OK) {
    return sqlite_error(nullptr, rc);
  }
  return ok();
}

Result<SqlValue> column(sqlite3_stmt* statement, int index) {
  switch (sqlite3_column_type(statement, index)) {
    case SQLITE_NULL:
      return SqlValue{};
    case SQLITE_INTEGER:
      return SqlValue{static_cast<std::int64_t>(sqlite3_column_int64(statement, index))};
    case SQLITE_TEXT: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, index));
      return SqlValue{
          std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, index)))};
    }
    case SQLITE_BLOB: {
      const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement, index));
      auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, index));
      return SqlValue{size == 0 ? Bytes{} : Bytes(data, data + size)};
    }
    default:
      return Error(Origin::kVault, Kind::kParse, "a stored row has an unexpected column type");
  }
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::filesystem::path& path) {
  auto database = open_with(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, true);
  if (!database) {
    // The caller knows which file it meant only if the error says so.
    return database.error().with_detail(path.string());
  }
  return database;
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open_in_memory() {
  return open_with(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, false);
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open_with(const std::string& name,
                                                                  int flags, bool is_file) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Error error = sqlite_error(db, rc);
    sqlite3_close(db);
    return error;
  }
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, static_cast<int>(kBusyTimeout.count()));
  if (is_file) {
    // Read-only checks first: a file that is not a healthy database is reported and left as it
    // was. Only then the settings that write (the WAL switch rewrites the header).
    auto check = database->query("PRAGMA quick_check(1)", {});
    if (!check) {
      return check.error();
    }
    if (check->size() != 1 || column_text(check->front(), 0).value_or("") != "ok") {
      return Error(Origin::kVault, Kind::kInvalid,
                   "the database file is not a SQLite database or is damaged");
    }
    auto mode = database->query("PRAGMA journal_mode=WAL", {});
    if (!mode) {
      return mode.error();
    }
  }
  for (const char* pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    auto result = database->run_plain(pragma);
    if (!result) {
      return result.error();
    }
  }
  return database;
}

SqliteDatabase::~SqliteDatabase() {
  for (auto& [sql, statement] : statements_) {
    sqlite3_finalize(statement);
  }
  sqlite3_close(db_);
}

Result<void> SqliteDatabase::run_plain(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    return sqlite_error(db_, rc);
  }
  return ok();
}

Result<sqlite3_stmt*> SqliteDatabase::prepare(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found != statements_.end()) {
    return found->second;
  }
  sqlite3_stmt* statement = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (rc != SQLITE_OK) {
    return sqlite_error(db_, rc);
  }
  statements_.emplace(std::string(sql), statement);
  return statement;
}

Result<std::vector<SqlRow>> SqliteDatabase::query(std::string_view sql,
                                                  const std::vector<SqlValue>& params) {
  std::lock_guard lock(mutex_);
  auto prepared = prepare(sql);
  if (!prepared) {
    return prepared.error();
  }
  sqlite3_stmt* statement = *prepared;
  // Leaves the statement reset and unbound, whatever happens below.
  struct Reset {
    sqlite3_stmt* statement;
    ~Reset() {
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
    }
  } reset{statement};
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::string name = "$" + std::to_string(i + 1);
    int index = sqlite3_bind_parameter_index(statement, name.c_str());
    if (index == 0) {
      continue;  // the statement does not use this parameter
    }
    auto bound = bind(statement, index, params[i]);
    if (!bound) {
      return bound.error();
    }
  }
  std::vector<SqlRow> rows;
  while (true) {
    int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) {
      return rows;
    }
    if (rc != SQLITE_ROW) {
      return sqlite_error(db_, rc);
    }
    SqlRow row;
    int columns = sqlite3_column_count(statement);
    row.reserve(static_cast<std::size_t>(columns));
    for (int i = 0; i < columns; ++i) {
      auto value = column(statement, i);
      if (!value) {
        return value.error();
      }
      row.push_back(std::move(*value));
    }
    rows.push_back(std::move(row));
  }
}

Result<void> SqliteDatabase::transaction(const std::function<Result<void>()>& body) {
  std::lock_guard lock(mutex_);
  if (in_transaction_) {
    return Error(Origin::kVault, Kind::kMisuse, "transactions may not nest");
  }
  Result<void> begun = ok();
  for (int attempt = 0; attempt < kBeginAttempts; ++attempt) {
    begun = run_plain("BEGIN IMMEDIATE");
    if (begun || begun.error().kind() != Kind::kTimeout) {
      break;
    }
  }
  if (!begun) {
    return begun.error();
  }
  Result<void> result = ok();
  {
    internal::TransactionScope scope(in_transaction_, [this] { (void)run_plain("ROLLBACK"); });
    result = body();
  }
  if (result) {
    result = run_plain("COMMIT");
  }
  if (!result) {
    (void)run_plain("ROLLBACK");
  }
  return result;
}

}  // namespace ockam::storage
