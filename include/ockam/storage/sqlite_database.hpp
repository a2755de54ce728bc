#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "ockam/storage/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace ockam::storage {

/// SqliteDatabase is a Database in one SQLite file (libsqlite3), or in memory. A file is used
/// in WAL mode with synchronous=FULL (a change that returned survives a crash or power loss)
/// and a busy timeout, so several processes can share it: readers never wait, writers queue.
class SqliteDatabase final : public Database {
 public:
  /// How long a writer waits for another process's write transaction before giving up.
  static constexpr std::chrono::milliseconds kBusyTimeout{10'000};

  /// open opens the SQLite file at `path`, creating it (and nothing else) when it does not
  /// exist. An existing file is checked before anything is written to it: kInvalid when it is
  /// not a SQLite database or is damaged (the file is left as it was), kIo when it cannot be
  /// opened.
  static Result<std::unique_ptr<SqliteDatabase>> open(const std::filesystem::path& path);
  /// open_in_memory opens a private, empty database that lives as long as the object.
  static Result<std::unique_ptr<SqliteDatabase>> open_in_memory();

  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  Dialect dialect() const noexcept override { return Dialect::kSqlite; }
  Result<std::vector<SqlRow>> query(std::string_view sql,
                                    const std::vector<SqlValue>& params) override;
  Result<void> transaction(const std::function<Result<void>()>& body) override;

 private:
  explicit SqliteDatabase(sqlite3* db) : db_(db) {}
  static Result<std::unique_ptr<SqliteDatabase>> open_with(const std::string& name, int flags,
                                                           bool is_file);
  Result<sqlite3_stmt*> prepare(std::string_view sql);
  Result<void> run_plain(const char* sql);

  std::recursive_mutex mutex_;
  sqlite3* db_;
  // Prepared statements by SQL text (the repositories use a fixed set).
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
  bool in_transaction_ = false;
};

}  // namespace ockam::storage
