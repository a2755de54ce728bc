// Database::transaction against SQLite and PostgreSQL: a body that throws is rolled back and
// releases the write lock; write transactions run one after the other, so read-then-write
// bodies on two connections do not lose an update.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "ockam/storage/postgres_database.hpp"
#include "ockam/storage/sqlite_database.hpp"
#include "ockam/storage/storage.hpp"
#include "support/storage_backends.hpp"

namespace ockam::storage {
namespace {

using ::ockam::testing::another_connection;
using ::ockam::testing::Backend;
using ::ockam::testing::clone_storage_options;
using ::ockam::testing::storage_options;
using ::ockam::testing::TemporaryFolder;

class TransactionTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    options_ = storage_options(GetParam(), folder_.path());
    OCKAM_POSTGRES_OR_SKIP(options_);
    storage_ = Storage::open(clone_storage_options(options_)).value();
  }

  TemporaryFolder folder_;
  StorageOptions options_;
  std::shared_ptr<Storage> storage_;
};

TEST_P(TransactionTest, ABodyThatThrowsIsRolledBackAndReleasesTheWriteLock) {
  Database& database = storage_->database();
  EXPECT_THROW((void)database.transaction([&]() -> Result<void> {
    EXPECT_TRUE(storage_->identities().put_change_history("I01", Bytes{1}, 1));
    throw std::runtime_error("the body failed half way");
  }),
               std::runtime_error);
  EXPECT_EQ(storage_->identities().change_history("I01").error().kind(), Kind::kNotFound);
  // Not "transactions may not nest" on this connection, and the lock is free for another one.
  EXPECT_TRUE(database.transaction(
      [&] { return storage_->identities().put_change_history("I02", Bytes{2}, 1); }));
  auto other = another_connection(options_);
  EXPECT_TRUE(other->transaction([&] { return other->execute("SELECT 1"); }));
  EXPECT_EQ(storage_->identities().change_history("I02").value(), Bytes{2});
}

/// Reads the counter row, as a read-then-write body does.
std::int64_t read_counter(Database& database) {
  return column_int(database.query_one("SELECT n FROM test_counter WHERE id = 1", {}).value(), 0)
      .value();
}

/// Whether a connection waits for PostgreSQL's advisory write lock.
bool a_writer_waits(Database& observer) {
  auto rows = observer.query(
      "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", {});
  return rows && !rows->empty() && column_int(rows->front(), 0).value_or(0) > 0;
}

TEST_P(TransactionTest, ReadThenWriteBodiesOnTwoConnectionsDoNotLoseAnUpdate) {
  if (GetParam() == Backend::kSqlite) {
    GTEST_SKIP() << "SQLite's BEGIN IMMEDIATE serializes writers; nothing shows a waiting one";
  }
  Database& first = storage_->database();
  ASSERT_TRUE(first.execute("CREATE TABLE test_counter (id BIGINT PRIMARY KEY, n BIGINT)"));
  ASSERT_TRUE(first.execute("INSERT INTO test_counter VALUES (1, 0)"));
  auto second = another_connection(options_);
  auto observer = another_connection(options_);
  std::atomic<bool> second_done = false;
  std::thread other;
  auto increment = [](Database& database) {
    return database.execute("UPDATE test_counter SET n = $1 WHERE id = 1",
                            {SqlValue(read_counter(database) + 1)});
  };
  ASSERT_TRUE(first.transaction([&]() -> Result<void> {
    std::int64_t seen = read_counter(first);
    // The other connection's increment starts while this one has read and not yet written.
    other = std::thread([&] {
      EXPECT_TRUE(second->transaction([&] { return increment(*second); }));
      second_done = true;
    });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!second_done && !a_writer_waits(*observer) &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::yield();
    }
    EXPECT_FALSE(second_done) << "the second writer did not wait for the first";
    return first.execute("UPDATE test_counter SET n = $1 WHERE id = 1", {SqlValue(seen + 1)});
  }));
  other.join();
  EXPECT_EQ(read_counter(first), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, TransactionTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         ::ockam::testing::backend_name);

TEST(SqliteStorageFilesTest, TheFolderAndTheDatabaseAreTheOwnersOnlyWhateverTheUmask) {
  TemporaryFolder folder;
  auto options = storage_options(Backend::kSqlite, folder.path() / "home");
  const mode_t previous = ::umask(022);
  auto storage = Storage::open(std::move(options));
  ::umask(previous);
  ASSERT_TRUE(storage) << storage.error().to_string();
  struct stat status {};
  ASSERT_EQ(::stat((folder.path() / "home").c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0700u);
  bool saw_database = false;
  for (const auto& entry : std::filesystem::directory_iterator(folder.path() / "home")) {
    ASSERT_EQ(::stat(entry.path().c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0077, 0u) << entry.path() << " is open to others";
    saw_database = saw_database || entry.path().extension() == ".sqlite3";
  }
  EXPECT_TRUE(saw_database);
}

}  // namespace
}  // namespace ockam::storage
