// Storage::open by several openers at once, against SQLite and PostgreSQL: the vault key is
// derived (Argon2id) with no write lock held, and first openers that race agree on one key.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <optional>
#include <thread>

#include "ockam/storage/storage.hpp"
#include "support/storage_backends.hpp"

namespace ockam::storage {
namespace {

using ::ockam::testing::another_connection;
using ::ockam::testing::Backend;
using ::ockam::testing::clone_storage_options;
using ::ockam::testing::storage_options;
using ::ockam::testing::TemporaryFolder;

constexpr std::string_view kPassphrase = "correct horse battery staple";

class ConcurrentOpenTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    options_ = storage_options(GetParam(), folder_.path());
    OCKAM_POSTGRES_OR_SKIP(options_);
  }

  /// The options of one opener: the same database, sealed with the same passphrase.
  StorageOptions opener_options() const {
    StorageOptions copy = clone_storage_options(options_);
    copy.vault_key_file.clear();
    copy.passphrase = SecretBytes(as_bytes(kPassphrase));
    return copy;
  }

  TemporaryFolder folder_;
  StorageOptions options_;
};

TEST_P(ConcurrentOpenTest, TwoFirstOpensOfAPassphraseSealedDatabaseBothSucceedAndAgree) {
  std::optional<Result<std::shared_ptr<Storage>>> opened[2];
  std::latch start(2);
  std::thread openers[2];
  for (int i = 0; i < 2; ++i) {
    openers[i] = std::thread([&, i] {
      start.arrive_and_wait();
      opened[i] = Storage::open(opener_options());
    });
  }
  for (auto& opener : openers) {
    opener.join();
  }
  ASSERT_TRUE(*opened[0]) << opened[0]->error().to_string();
  ASSERT_TRUE(*opened[1]) << opened[1]->error().to_string();
  auto& first = *opened[0]->value();
  auto& second = *opened[1]->value();
  // One key: what either seals, the other opens.
  const Bytes handle = {1, 2, 3};
  ASSERT_TRUE(first.secrets().store(handle, "X25519", SecretBytes(as_bytes("first's secret"))));
  auto loaded = second.secrets().load(handle);
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(to_hex(loaded->secret.expose_secret()), to_hex(as_bytes("first's secret")));
  EXPECT_EQ(first.database().query("SELECT scope FROM vault_key", {}).value().size(), 1u);
  // A later open agrees too.
  EXPECT_TRUE(Storage::open(opener_options()).value()->secrets().load(handle));
}

TEST_P(ConcurrentOpenTest, AnotherConnectionWritesWhileTheVaultKeyIsDerived) {
  auto other = another_connection(options_);
  std::atomic<bool> done = false;
  std::optional<Result<std::shared_ptr<Storage>>> opened;
  std::thread opener([&] {
    opened = Storage::open(opener_options());
    done = true;
  });
  // The schema is there and the scope's key row is not: the opener is deriving the key. A
  // write committed in that state shows the write lock is free meanwhile (it used to be held
  // from the migrations to the key row, so no transaction could see that state). Plain reads
  // watch for it: they never wait for, nor hold up, the opener.
  auto deriving = [&] {
    auto row = other->query("SELECT scope FROM vault_key WHERE scope = $1", {options_.scope});
    return row && row->empty();
  };
  int writes_while_deriving = 0;
  while (!done && writes_while_deriving == 0) {
    if (!deriving()) {
      continue;
    }
    bool still_deriving = false;
    auto written = other->transaction([&]() -> Result<void> {
      still_deriving = deriving();
      if (!still_deriving) {
        return ok();
      }
      return other->execute(
          "INSERT INTO node (scope, name, identifier, created_at) VALUES ($1, $2, $3, $4)",
          {std::string("another-node"), std::string("writer"), std::string("I00"),
           std::int64_t{0}});
    });
    if (!written) {
      ADD_FAILURE() << written.error().to_string();
      break;
    }
    if (still_deriving) {
      ++writes_while_deriving;
    }
  }
  opener.join();
  ASSERT_TRUE(*opened) << opened->error().to_string();
  EXPECT_EQ(writes_while_deriving, 1);
  // The write is there, beside the opener's rows.
  EXPECT_EQ(other->query("SELECT name FROM node WHERE scope = 'another-node'", {}).value().size(),
            1u);
  EXPECT_EQ(opened->value()->database().query("SELECT kind FROM vault_key", {}).value().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrentOpenTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         ::ockam::testing::backend_name);

}  // namespace
}  // namespace ockam::storage
