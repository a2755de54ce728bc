#include "ockam/storage/storage.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include "ockam/storage/migrations.hpp"
#include "ockam/storage/sqlite_database.hpp"
#include "ockam/storage/vault_key.hpp"
#include "support/storage_backends.hpp"

namespace ockam::storage {
namespace {

using ::ockam::testing::Backend;
using ::ockam::testing::clone_storage_options;
using ::ockam::testing::file_bytes;
using ::ockam::testing::storage_options;
using ::ockam::testing::TemporaryFolder;

const Bytes kHandle = {1, 2, 3, 4};

SecretBytes secret_of(std::string_view text) {
  return SecretBytes(as_bytes(text));
}

class StorageTest : public ::testing::TestWithParam<Backend> {
 protected:
  TemporaryFolder folder_;
};

TEST_P(StorageTest, SecretsSurviveReopening) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  {
    auto storage = Storage::open(clone_storage_options(options)).value();
    ASSERT_TRUE(storage->is_persistent());
    ASSERT_TRUE(
        storage->secrets().store(kHandle, "X25519", secret_of("thirty-two bytes of secret key!!")));
  }
  auto storage = Storage::open(clone_storage_options(options)).value();
  auto loaded = storage->secrets().load(kHandle).value();
  EXPECT_EQ(loaded.type, "X25519");
  EXPECT_TRUE(loaded.secret.expose_secret().size() == 32);
  EXPECT_EQ(std::string(loaded.secret.expose_secret().begin(), loaded.secret.expose_secret().end()),
            "thirty-two bytes of secret key!!");
}

TEST_P(StorageTest, SecretsAreSealedAtRest) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  auto storage = Storage::open(clone_storage_options(options)).value();
  ASSERT_TRUE(
      storage->secrets().store(kHandle, "X25519", secret_of("plain-secret-marker-0123456789ab")));
  auto row = storage->database()
                 .query_one("SELECT sealed_secret FROM vault_secret WHERE handle = $1", {kHandle})
                 .value();
  Bytes sealed = column_bytes(row, 0).value();
  std::string text(sealed.begin(), sealed.end());
  EXPECT_EQ(text.find("plain-secret-marker"), std::string::npos);
  EXPECT_EQ(sealed.size(), 1 + 12 + 32 + 16u);
}

TEST_P(StorageTest, KeyFileIsCreatedPrivateBesideTheDatabase) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  auto storage = Storage::open(clone_storage_options(options)).value();
  struct stat status {};
  ASSERT_EQ(::stat(options.vault_key_file.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600u);
  EXPECT_EQ(status.st_size, 32);
}

TEST_P(StorageTest, WrongKeyFileIsRefusedAtOpenAndChangesNothing) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  {
    auto storage = Storage::open(clone_storage_options(options)).value();
    ASSERT_TRUE(storage->secrets().store(kHandle, "X25519", secret_of("a secret")));
  }
  std::string before = options.postgres_url.empty() ? file_bytes(options.sqlite_path) : "";
  auto wrong = clone_storage_options(options);
  wrong.vault_key_file = folder_.path() / "other.key";
  ASSERT_TRUE(load_or_create_vault_key_file(wrong.vault_key_file));  // another 32-byte key
  auto opened = Storage::open(std::move(wrong));
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind(), Kind::kPermission);
  EXPECT_STREQ(opened.error().message(),
               "the vault key does not open this database's secrets (wrong key file or "
               "passphrase)");
  if (options.postgres_url.empty()) {
    EXPECT_EQ(file_bytes(options.sqlite_path), before);
  }
  // The right key still opens it, with the secret intact.
  auto storage = Storage::open(clone_storage_options(options)).value();
  EXPECT_TRUE(storage->secrets().load(kHandle));
}

TEST_P(StorageTest, MissingKeyFileIsRefusedAndNotRecreated) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  { ASSERT_TRUE(Storage::open(clone_storage_options(options))); }
  std::filesystem::remove(options.vault_key_file);
  auto opened = Storage::open(clone_storage_options(options));
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind(), Kind::kPermission);
  // The error names the file it looked for.
  EXPECT_NE(opened.error().to_string().find(options.vault_key_file.string()), std::string::npos)
      << opened.error().to_string();
  EXPECT_FALSE(std::filesystem::exists(options.vault_key_file));
}

TEST_P(StorageTest, TamperedSecretRowFailsToLoadAndStaysAsItIs) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  auto storage = Storage::open(clone_storage_options(options)).value();
  ASSERT_TRUE(storage->secrets().store(kHandle, "X25519", secret_of("a secret")));
  auto& db = storage->database();
  Bytes sealed =
      column_bytes(
          db.query_one("SELECT sealed_secret FROM vault_secret WHERE handle = $1", {kHandle})
              .value(),
          0)
          .value();
  sealed[20] ^= 1;
  ASSERT_TRUE(db.execute("UPDATE vault_secret SET sealed_secret = $1 WHERE handle = $2",
                         {sealed, kHandle}));
  auto loaded = storage->secrets().load(kHandle);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().kind(), Kind::kPermission);
  Bytes after =
      column_bytes(
          db.query_one("SELECT sealed_secret FROM vault_secret WHERE handle = $1", {kHandle})
              .value(),
          0)
          .value();
  EXPECT_EQ(after, sealed);
}

TEST_P(StorageTest, SecretMovedToAnotherRowDoesNotOpen) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  auto storage = Storage::open(clone_storage_options(options)).value();
  ASSERT_TRUE(storage->secrets().store(kHandle, "X25519", secret_of("victim's secret")));
  ASSERT_TRUE(storage->secrets().store(Bytes{9, 9}, "X25519", secret_of("attacker's")));
  auto& db = storage->database();
  ASSERT_TRUE(db.execute(
      "UPDATE vault_secret SET sealed_secret = (SELECT sealed_secret FROM vault_secret WHERE "
      "handle = $1) WHERE handle = $2",
      {kHandle, Bytes{9, 9}}));
  auto loaded = storage->secrets().load(Bytes{9, 9});
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().kind(), Kind::kPermission);
}

TEST_P(StorageTest, PassphraseOpensAndWrongPassphraseIsRefused) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  options.passphrase = secret_of("correct horse battery staple");
  {
    auto storage = Storage::open(clone_storage_options(options)).value();
    ASSERT_TRUE(storage->secrets().store(kHandle, "X25519", secret_of("a secret")));
  }
  EXPECT_FALSE(std::filesystem::exists(options.vault_key_file));
  auto wrong = clone_storage_options(options);
  wrong.passphrase = secret_of("correct horse battery stapler");
  auto refused = Storage::open(std::move(wrong));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind(), Kind::kPermission);
  auto without = clone_storage_options(options);
  without.passphrase.reset();
  auto no_passphrase = Storage::open(std::move(without));
  ASSERT_FALSE(no_passphrase);
  EXPECT_EQ(no_passphrase.error().kind(), Kind::kPermission);
  auto storage = Storage::open(clone_storage_options(options)).value();
  EXPECT_TRUE(storage->secrets().load(kHandle));
}

TEST_P(StorageTest, ScopesDoNotSeeEachOther) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  auto first = clone_storage_options(options);
  first.scope = "node-a";
  auto second = clone_storage_options(options);
  second.scope = "node-b";
  auto a = Storage::open(std::move(first)).value();
  auto b = Storage::open(std::move(second)).value();
  ASSERT_TRUE(a->secrets().store(kHandle, "X25519", secret_of("a's")));
  ASSERT_TRUE(a->identities().insert_named("alice", "I01", 1));
  EXPECT_EQ(b->secrets().load(kHandle).error().kind(), Kind::kNotFound);
  EXPECT_EQ(b->identities().named("alice").error().kind(), Kind::kNotFound);
  EXPECT_TRUE(b->secrets().store(kHandle, "X25519", secret_of("b's")));
}

TEST_P(StorageTest, NewerSchemaIsRefused) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  {
    auto storage = Storage::open(clone_storage_options(options)).value();
    ASSERT_TRUE(storage->database().execute("UPDATE ockam_schema SET version = $1",
                                            {SqlValue{kSchemaVersion + 1}}));
  }
  auto opened = Storage::open(clone_storage_options(options));
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind(), Kind::kUnsupported);
}

TEST_P(StorageTest, ReopeningAppliesNoMigrationTwice) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  for (int i = 0; i < 3; ++i) {
    auto storage = Storage::open(clone_storage_options(options)).value();
    auto rows = storage->database().query("SELECT version FROM ockam_schema", {}).value();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(column_int(rows[0], 0).value(), kSchemaVersion);
  }
}

TEST_P(StorageTest, AVersionOneDatabaseIsMigratedWithItsHistoriesCountedAsPeers) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  {
    auto storage = Storage::open(clone_storage_options(options)).value();
    ASSERT_TRUE(storage->identities().put_change_history("I01", Bytes{1}, 5));
    // Back to the schema of version 1.
    for (const char* statement :
         {"DROP INDEX identity_by_stored_order", "ALTER TABLE identity DROP COLUMN stored_order",
          "ALTER TABLE identity DROP COLUMN is_own", "UPDATE ockam_schema SET version = 1"}) {
      ASSERT_TRUE(storage->database().execute(statement)) << statement;
    }
  }
  auto storage = Storage::open(clone_storage_options(options)).value();
  auto version = storage->database().query_one("SELECT version FROM ockam_schema", {}).value();
  EXPECT_EQ(column_int(version, 0).value(), kSchemaVersion);
  EXPECT_EQ(storage->identities().change_history("I01").value(), Bytes{1});
  EXPECT_EQ(storage->identities().known_count().value(), 1);
  ASSERT_TRUE(storage->identities().put_change_history("I01", Bytes{2}, 6, HistoryOwner::kOurs));
  EXPECT_EQ(storage->identities().known_count().value(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         ::ockam::testing::backend_name);

// SQLite files that are not healthy databases are refused before anything is written.

TEST(SqliteStorageTest, GarbageFileIsRefusedAndLeftAsItWas) {
  TemporaryFolder folder;
  auto options = StorageOptions::in_home(folder.path());
  options.postgres_url.clear();
  std::string garbage(4096, 'x');
  for (std::size_t i = 0; i < garbage.size(); ++i) {
    garbage[i] = static_cast<char>((i * 131) & 0xff);
  }
  { std::ofstream(options.sqlite_path, std::ios::binary) << garbage; }
  auto opened = Storage::open(std::move(options));
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind(), Kind::kInvalid);
  EXPECT_EQ(opened.error().detail(), (folder.path() / "database.sqlite3").string());
  EXPECT_EQ(file_bytes(folder.path() / "database.sqlite3"), garbage);
}

TEST(SqliteStorageTest, TruncatedFileIsRefusedAndLeftAsItWas) {
  TemporaryFolder folder;
  auto path = folder.path() / "database.sqlite3";
  {
    auto options = StorageOptions::in_home(folder.path());
    options.postgres_url.clear();
    auto storage = Storage::open(std::move(options)).value();
    for (int i = 0; i < 200; ++i) {
      ASSERT_TRUE(storage->identities().put_change_history(
          "I" + std::to_string(i), Bytes(200, static_cast<std::uint8_t>(i)), i));
    }
  }
  ASSERT_FALSE(std::filesystem::exists(folder.path() / "database.sqlite3-wal"));
  std::string whole = file_bytes(path);
  ASSERT_GT(whole.size(), 8192u);
  std::string truncated = whole.substr(0, whole.size() / 2);
  { std::ofstream(path, std::ios::binary | std::ios::trunc) << truncated; }
  auto options = StorageOptions::in_home(folder.path());
  options.postgres_url.clear();
  auto opened = Storage::open(std::move(options));
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind(), Kind::kInvalid);
  EXPECT_EQ(file_bytes(path), truncated);
}

TEST(SqliteStorageTest, FolderThatCannotBeCreatedIsNamedWithTheReason) {
  TemporaryFolder folder;
  { std::ofstream(folder.path() / "plain-file") << "not a folder"; }
  auto options = StorageOptions::in_home(folder.path() / "plain-file" / "home");
  options.postgres_url.clear();
  auto opened = Storage::open(std::move(options));
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind(), Kind::kIo);
  EXPECT_EQ(opened.error().detail(),
            (folder.path() / "plain-file" / "home").string() + ": Not a directory");
}

TEST(SqliteStorageTest, InMemoryStorageIsNotPersistent) {
  auto storage = Storage::open(StorageOptions::in_memory()).value();
  EXPECT_FALSE(storage->is_persistent());
  EXPECT_TRUE(storage->secrets().store(kHandle, "X25519", secret_of("x")));
}

TEST(PostgresStorageTest, UnreachableServerIsAnIoErrorNamingHostAndPortButNotThePassword) {
  StorageOptions options;
  options.postgres_url = "postgres://nobody:secret-word@127.0.0.1:1/none";
  auto opened = Storage::open(std::move(options));
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind(), Kind::kIo);
  EXPECT_STREQ(opened.error().message(), "cannot connect to the PostgreSQL database");
  EXPECT_EQ(opened.error().detail(), "127.0.0.1:1");
}

}  // namespace
}  // namespace ockam::storage
