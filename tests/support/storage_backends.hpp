#pragma once

// Test support: the databases a storage test runs against. SQLite files live in a fresh
// temporary folder; PostgreSQL tests need OCKAM_DATABASE_CONNECTION_URL (set by
// tests/support/postgres.sh, which ctest runs them under) and get a fresh database each.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "ockam/crypto/random.hpp"
#include "ockam/storage/postgres_database.hpp"
#include "ockam/storage/sqlite_database.hpp"
#include "ockam/storage/storage_options.hpp"

namespace ockam::testing {

/// TemporaryFolder is a fresh folder removed with everything in it at the end of the scope.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    path_ =
        std::filesystem::temp_directory_path() / ("ockam-test-" + to_hex(crypto::random_bytes(8)));
    std::filesystem::create_directories(path_);
  }
  ~TemporaryFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Backend names a database engine for parameterized storage tests.
enum class Backend { kSqlite, kPostgres };

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

/// fresh_postgres_url creates an empty database on the test server and returns its URL, or ""
/// when no test server runs (OCKAM_DATABASE_CONNECTION_URL unset).
inline std::string fresh_postgres_url() {
  const char* base = std::getenv("OCKAM_DATABASE_CONNECTION_URL");
  if (base == nullptr || *base == '\0') {
    return "";
  }
  std::string url(base);
  auto admin = storage::PostgresDatabase::open(url);
  if (!admin) {
    ADD_FAILURE() << "cannot connect to the PostgreSQL test server";
    return "";
  }
  std::string name = "ockam_test_" + to_hex(crypto::random_bytes(6));
  EXPECT_TRUE((*admin)->execute("CREATE DATABASE " + name));
  return url.substr(0, url.rfind('/') + 1) + name;
}

/// storage_options returns options for a fresh database of `backend` whose key file (and
/// SQLite file) live in `folder`. A PostgreSQL test is skipped by the caller when the URL is
/// empty (see POSTGRES_OR_SKIP).
inline storage::StorageOptions storage_options(Backend backend,
                                               const std::filesystem::path& folder) {
  storage::StorageOptions options = storage::StorageOptions::in_home(folder);
  options.postgres_url.clear();
  options.passphrase.reset();
  if (backend == Backend::kPostgres) {
    options.postgres_url = fresh_postgres_url();
  }
  return options;
}

/// clone_storage_options copies `options` (StorageOptions holds a secret and does not copy):
/// the same database, scope, key file and passphrase, as another opener would name them.
inline storage::StorageOptions clone_storage_options(const storage::StorageOptions& options) {
  storage::StorageOptions copy;
  copy.sqlite_path = options.sqlite_path;
  copy.postgres_url = options.postgres_url;
  copy.scope = options.scope;
  copy.vault_key_file = options.vault_key_file;
  if (options.passphrase) {
    copy.passphrase = options.passphrase->clone();
  }
  return copy;
}

/// another_connection opens a plain connection to the database `options` names, as another
/// process would have.
inline std::unique_ptr<storage::Database> another_connection(
    const storage::StorageOptions& options) {
  if (!options.postgres_url.empty()) {
    return storage::PostgresDatabase::open(options.postgres_url).value();
  }
  return storage::SqliteDatabase::open(options.sqlite_path).value();
}

/// file_bytes returns the content of the file at `path`.
inline std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace ockam::testing

/// Skips a PostgreSQL-parameterized test when no test server runs. ctest runs these tests
/// only under tests/support/postgres.sh (which skips with 77 when the server cannot start), so a
/// skip here is seen only when running the binary by hand.
#define OCKAM_POSTGRES_OR_SKIP(options)                                                       \
  if (GetParam() == ::ockam::testing::Backend::kPostgres && (options).postgres_url.empty()) { \
    GTEST_SKIP() << "no PostgreSQL test server (run under tests/support/postgres.sh)";        \
  }
