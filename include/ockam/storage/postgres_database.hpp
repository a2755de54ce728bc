#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "ockam/storage/database.hpp"

struct pg_conn;

namespace ockam::storage {

/// PostgresDatabase is a Database on a PostgreSQL server (libpq), for state that several
/// nodes share. One connection; calls are serialised on it. A connection the server closed
/// (a restart) is made again once before the next statement or transaction; a statement or
/// transaction the loss interrupted fails with kIo and is not run again (it may have been
/// applied).
class PostgresDatabase final : public Database {
 public:
  /// open connects to `url` (`postgres://user[:password]@host:port/dbname`, as Ockam's
  /// OCKAM_DATABASE_CONNECTION_URL). kInvalid for a URL that is not postgres:// or
  /// postgresql://, kIo when the server cannot be reached or refuses the login (the details
  /// go to the debug log, never the password).
  static Result<std::unique_ptr<PostgresDatabase>> open(const std::string& url);

  ~PostgresDatabase() override;
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  Dialect dialect() const noexcept override { return Dialect::kPostgres; }
  Result<std::vector<SqlRow>> query(std::string_view sql,
                                    const std::vector<SqlValue>& params) override;
  Result<void> transaction(const std::function<Result<void>()>& body) override;

 private:
  explicit PostgresDatabase(pg_conn* connection) : connection_(connection) {}
  Result<void> run_plain(const char* sql);
  // The settings every (re)made connection gets.
  Result<void> configure_session();
  // Connects again when the server closed the connection since the last call.
  Result<void> reconnect_if_lost();

  std::recursive_mutex mutex_;
  pg_conn* connection_;
  bool in_transaction_ = false;
};

}  // namespace ockam::storage
