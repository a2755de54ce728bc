#pragma once

#include <cstdint>

#include "ockam/core/result.hpp"
#include "ockam/storage/database.hpp"

namespace ockam::storage {

/// The schema version this program writes. Each version adds one forward migration.
inline constexpr std::int64_t kSchemaVersion = 2;

/// migrate brings the schema of `database` to kSchemaVersion, applying the missing migrations
/// in order. Run it inside a transaction: concurrent openers then migrate once (a transaction
/// holds the database's write lock: SQLite's, or PostgreSQL's advisory lock). kUnsupported when the
/// database was written by a newer program (its schema version is above ours); nothing is changed
/// then.
Result<void> migrate(Database& database);

}  // namespace ockam::storage
