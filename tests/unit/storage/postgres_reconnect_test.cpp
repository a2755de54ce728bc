// A PostgreSQL server restart under an open Storage: the next statement and the next
// transaction connect again instead of failing from then on. Runs under
// tests/support/postgres.sh, which it asks to restart the server.
#include <gtest/gtest.h>

#include <cstdlib>

#include "ockam/storage/storage.hpp"
#include "support/storage_backends.hpp"

namespace ockam::storage {
namespace {

using ::ockam::testing::Backend;
using ::ockam::testing::storage_options;
using ::ockam::testing::TemporaryFolder;

// Restarts the test server (every client's connection is closed); whether it came back.
bool restart_test_server() {
  return std::system("bash -c 'source \"$POSTGRES_HELPER\" && postgres_restart'") == 0;
}

class PostgresReconnectTest : public ::testing::TestWithParam<Backend> {
 protected:
  TemporaryFolder folder_;
};

TEST_P(PostgresReconnectTest, TheNextOperationAfterAServerRestartConnectsAgain) {
  auto options = storage_options(GetParam(), folder_.path());
  OCKAM_POSTGRES_OR_SKIP(options);
  auto storage = Storage::open(std::move(options)).value();
  auto& identities = storage->identities();
  ASSERT_TRUE(identities.put_change_history("I01", Bytes{1}, 1));

  ASSERT_TRUE(restart_test_server());
  auto read = identities.change_history("I01");
  ASSERT_TRUE(read) << read.error().to_string();
  EXPECT_EQ(*read, Bytes{1});

  ASSERT_TRUE(restart_test_server());
  auto written = storage->database().transaction(
      [&] { return identities.put_change_history("I02", Bytes{2}, 2); });
  ASSERT_TRUE(written) << written.error().to_string();
  EXPECT_EQ(identities.change_history("I02").value(), Bytes{2});
  EXPECT_EQ(identities.known_count().value(), 2);
}

// PostgreSQL only: SQLite has no connection to lose.
INSTANTIATE_TEST_SUITE_P(Backends, PostgresReconnectTest, ::testing::Values(Backend::kPostgres),
                         ::ockam::testing::backend_name);

}  // namespace
}  // namespace ockam::storage
