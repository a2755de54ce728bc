#pragma once

#include <filesystem>

#include "ockam/core/result.hpp"

namespace ockam::storage::internal {

/// prepare_private_file makes sure the database file at `path` exists and is its owner's only:
/// a missing folder is created as 0700 (its parents with the process's umask) and a missing
/// file as 0600, whatever the umask. SQLite gives its -wal and -shm files the mode of the
/// database file. A file that already exists is left as it is. kIo with the path and the
/// system's reason if either cannot be created.
Result<void> prepare_private_file(const std::filesystem::path& path);

}  // namespace ockam::storage::internal
