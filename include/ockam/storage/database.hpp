#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "ockam/core/result.hpp"
#include "ockam/storage/sql_value.hpp"

namespace ockam::storage {

/// Dialect names the SQL engine behind a Database.
enum class Dialect { kSqlite, kPostgres };

/// Database is one connection to the node's database, SQLite or PostgreSQL, with the schema
/// migrated to the current version. SQL is written once for both engines: parameters are
/// `$1`, `$2`, ..., integers are BIGINT, bytes are BLOB (BYTEA in PostgreSQL) and upserts use
/// `ON CONFLICT`. Every member is safe for concurrent use (calls are serialised on the one
/// connection); several processes may open the same database at once.
class Database {
 public:
  virtual ~Database() = default;

  /// The engine behind this connection.
  virtual Dialect dialect() const noexcept = 0;

  /// query runs `sql` with `params` bound to $1, $2, ... and returns the rows it produced.
  /// kIo when the engine fails; the message never includes parameter values.
  virtual Result<std::vector<SqlRow>> query(std::string_view sql,
                                            const std::vector<SqlValue>& params) = 0;

  /// transaction runs `body` in one write transaction: all its changes are committed when it
  /// returns success, none when it fails (its error is returned). Taken eagerly (SQLite's
  /// BEGIN IMMEDIATE, a database-wide advisory lock on PostgreSQL), so concurrent writers wait
  /// for each other within the busy timeout instead of failing or losing an update. A body that
  /// throws is rolled back and the exception goes on. Transactions may not nest.
  virtual Result<void> transaction(const std::function<Result<void>()>& body) = 0;

  /// execute is `query` for statements whose rows (if any) are not needed.
  Result<void> execute(std::string_view sql, const std::vector<SqlValue>& params = {});
  /// query_one returns the only row of `sql`, or nothing: kNotFound when there is no row.
  Result<SqlRow> query_one(std::string_view sql, const std::vector<SqlValue>& params);
};

}  // namespace ockam::storage
