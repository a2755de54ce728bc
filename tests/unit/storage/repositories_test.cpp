// The repositories against SQLite and PostgreSQL: what is put comes back, defaults move as
// documented, bounds hold.
#include <gtest/gtest.h>

#include "ockam/storage/storage.hpp"
#include "support/storage_backends.hpp"

namespace ockam::storage {
namespace {

using ::ockam::testing::Backend;
using ::ockam::testing::storage_options;
using ::ockam::testing::TemporaryFolder;

class RepositoriesTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto options = storage_options(GetParam(), folder_.path());
    OCKAM_POSTGRES_OR_SKIP(options);
    storage_ = Storage::open(std::move(options)).value();
  }

  TemporaryFolder folder_;
  std::shared_ptr<Storage> storage_;
};

TEST_P(RepositoriesTest, FirstNamedIdentityIsTheDefaultAndDeletionPromotesTheNextOldest) {
  auto& identities = storage_->identities();
  ASSERT_TRUE(identities.insert_named("alice", "I01", 10));
  ASSERT_TRUE(identities.insert_named("bob", "I02", 11));
  ASSERT_TRUE(identities.insert_named("carol", "I03", 12));
  EXPECT_EQ(identities.default_named().value().name, "alice");
  EXPECT_EQ(identities.insert_named("alice", "I04", 13).error().kind(), Kind::kAlreadyExists);
  ASSERT_TRUE(storage_->database().transaction([&] { return identities.set_default("carol"); }));
  EXPECT_EQ(identities.default_named().value().name, "carol");
  auto deleted = identities.delete_named("carol").value();
  EXPECT_EQ(deleted.identifier, "I03");
  EXPECT_EQ(identities.default_named().value().name, "alice");
  auto listed = identities.list_named().value();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].name, "alice");
  EXPECT_TRUE(listed[0].is_default);
  EXPECT_EQ(listed[1].name, "bob");
  EXPECT_FALSE(listed[1].is_default);
  EXPECT_EQ(identities.delete_named("carol").error().kind(), Kind::kNotFound);
}

TEST_P(RepositoriesTest, KnownIdentitiesAreBoundedAndOursAreNeverEvicted) {
  IdentityRepository bounded(std::shared_ptr<Database>(storage_, &storage_->database()), "bounded",
                             3);
  ASSERT_TRUE(bounded.put_change_history("I-own", Bytes{1}, 0));
  ASSERT_TRUE(bounded.insert_named("me", "I-own", 0));
  ASSERT_TRUE(bounded.put_change_history("I-ours", Bytes{3}, 0, HistoryOwner::kOurs));
  for (int i = 1; i <= 6; ++i) {
    ASSERT_TRUE(bounded.put_change_history("I-peer" + std::to_string(i), Bytes{2}, i));
  }
  EXPECT_EQ(bounded.known_count().value(), 3);
  EXPECT_TRUE(bounded.change_history("I-own"));
  EXPECT_TRUE(bounded.change_history("I-ours"));
  // Stored again as a peer's (an import of our own history), it stays ours.
  ASSERT_TRUE(bounded.put_change_history("I-ours", Bytes{4}, 0));
  ASSERT_TRUE(bounded.put_change_history("I-peer7", Bytes{2}, 7));
  EXPECT_EQ(bounded.change_history("I-ours").value(), Bytes{4});
  EXPECT_EQ(bounded.known_count().value(), 3);
  EXPECT_EQ(bounded.change_history("I-peer1").error().kind(), Kind::kNotFound);
  EXPECT_EQ(bounded.change_history("I-peer3").error().kind(), Kind::kNotFound);
  EXPECT_EQ(bounded.change_history("I-peer6").value(), Bytes{2});
}

TEST_P(RepositoriesTest, ChangeHistoryIsReplacedInPlace) {
  auto& identities = storage_->identities();
  ASSERT_TRUE(identities.put_change_history("I01", Bytes{1, 2}, 1));
  ASSERT_TRUE(identities.put_change_history("I01", Bytes{1, 2, 3}, 2));
  EXPECT_EQ(identities.change_history("I01").value(), (Bytes{1, 2, 3}));
  ASSERT_TRUE(identities.delete_change_history("I01"));
  EXPECT_EQ(identities.change_history("I01").error().kind(), Kind::kNotFound);
}

TEST_P(RepositoriesTest, PurposeKeysAreOnePerIdentifierAndPurpose) {
  auto& keys = storage_->purpose_keys();
  ASSERT_TRUE(keys.put("I01", "SecureChannels", Bytes{1}));
  ASSERT_TRUE(keys.put("I01", "Credentials", Bytes{2}));
  ASSERT_TRUE(keys.put("I01", "SecureChannels", Bytes{3}));
  EXPECT_EQ(keys.get("I01", "SecureChannels").value(), Bytes{3});
  EXPECT_EQ(keys.get("I01", "Credentials").value(), Bytes{2});
  ASSERT_TRUE(keys.remove_all("I01"));
  EXPECT_EQ(keys.get("I01", "Credentials").error().kind(), Kind::kNotFound);
}

TEST_P(RepositoriesTest, CredentialsAreReplacedAndExpire) {
  auto& credentials = storage_->credentials();
  ASSERT_TRUE(credentials.put({"I01", "Iauth", "project", Bytes{1}, 100}));
  ASSERT_TRUE(credentials.put({"I01", "Iauth", "project", Bytes{2}, 200}));
  ASSERT_TRUE(credentials.put({"I01", "Iauth", "other", Bytes{3}, 50}));
  EXPECT_EQ(credentials.get("I01", "Iauth", "project").value().credential, Bytes{2});
  EXPECT_EQ(credentials.list_for_subject("I01").value().size(), 2u);
  EXPECT_EQ(credentials.delete_expired(150).value(), 1);
  EXPECT_EQ(credentials.get("I01", "Iauth", "other").error().kind(), Kind::kNotFound);
}

TEST_P(RepositoriesTest, NodesKeepTheirFieldsAndOneDefault) {
  auto& nodes = storage_->nodes();
  ASSERT_TRUE(nodes.put({"n1", "I01", 1234, "127.0.0.1:4000", false, 10}));
  ASSERT_TRUE(nodes.put({"n2", "I02", std::nullopt, std::nullopt, false, 11}));
  auto n1 = nodes.get("n1").value();
  EXPECT_EQ(n1.pid, 1234);
  EXPECT_EQ(n1.tcp_listener_address, "127.0.0.1:4000");
  EXPECT_TRUE(n1.is_default);
  auto n2 = nodes.get("n2").value();
  EXPECT_FALSE(n2.pid);
  EXPECT_FALSE(n2.tcp_listener_address);
  EXPECT_FALSE(n2.is_default);
  ASSERT_TRUE(nodes.put({"n1", "I01", std::nullopt, std::nullopt, false, 10}));  // stopped
  EXPECT_FALSE(nodes.get("n1").value().pid);
  EXPECT_TRUE(nodes.get("n1").value().is_default);
  ASSERT_TRUE(storage_->database().transaction([&] { return nodes.set_default("n2"); }));
  EXPECT_EQ(nodes.default_node().value().name, "n2");
  ASSERT_TRUE(nodes.remove("n1"));
  EXPECT_EQ(nodes.list().value().size(), 1u);
  EXPECT_EQ(nodes.remove("n1").error().kind(), Kind::kNotFound);
}

TEST_P(RepositoriesTest, RemovingTheDefaultNodePromotesTheOldestLeft) {
  auto& nodes = storage_->nodes();
  ASSERT_TRUE(nodes.put({"n1", "I01", std::nullopt, std::nullopt, false, 10}));
  ASSERT_TRUE(nodes.put({"n3", "I03", std::nullopt, std::nullopt, false, 12}));
  ASSERT_TRUE(nodes.put({"n2", "I02", std::nullopt, std::nullopt, false, 11}));
  ASSERT_EQ(nodes.default_node().value().name, "n1");
  ASSERT_TRUE(storage_->database().transaction([&] { return nodes.remove("n1"); }));
  EXPECT_EQ(nodes.default_node().value().name, "n2");
  ASSERT_TRUE(storage_->database().transaction([&] { return nodes.remove("n3"); }));
  EXPECT_EQ(nodes.default_node().value().name, "n2");  // not the default: nothing moves
  ASSERT_TRUE(storage_->database().transaction([&] { return nodes.remove("n2"); }));
  EXPECT_EQ(nodes.default_node().error().kind(), Kind::kNotFound);
}

TEST_P(RepositoriesTest, RelaysInletsAndOutletsAreKeptPerNode) {
  ASSERT_TRUE(storage_->relays().put(
      {"n1", "r1", "1#relay:4000 => 0#forwarding_service", "forward_to_r1", 1}));
  ASSERT_TRUE(storage_->relays().put({"n2", "r1", "0#forwarding_service", std::nullopt, 2}));
  auto relay = storage_->relays().get("n1", "r1").value();
  EXPECT_EQ(relay.remote_address, "forward_to_r1");
  EXPECT_FALSE(storage_->relays().get("n2", "r1").value().remote_address);
  EXPECT_EQ(storage_->relays().list("n1").value().size(), 1u);

  ASSERT_TRUE(
      storage_->tcp_inlets().put({"n1", "web", "127.0.0.1:8080", "/secure/api/service/outlet", 1}));
  EXPECT_EQ(storage_->tcp_inlets().get("n1", "web").value().bind_address, "127.0.0.1:8080");
  ASSERT_TRUE(storage_->tcp_outlets().put({"n1", "outlet", "127.0.0.1:5432", 1}));
  ASSERT_TRUE(storage_->tcp_outlets().put({"n1", "outlet", "127.0.0.1:5433", 1}));
  EXPECT_EQ(storage_->tcp_outlets().get("n1", "outlet").value().to_address, "127.0.0.1:5433");

  ASSERT_TRUE(storage_->tcp_inlets().remove_all("n1"));
  EXPECT_TRUE(storage_->tcp_inlets().list("n1").value().empty());
  EXPECT_EQ(storage_->tcp_outlets().remove("n1", "nope").error().kind(), Kind::kNotFound);
}

TEST_P(RepositoriesTest, FailedTransactionLeavesNothingBehind) {
  auto& identities = storage_->identities();
  auto result = storage_->database().transaction([&]() -> Result<void> {
    auto put = identities.put_change_history("I09", Bytes{9}, 1);
    if (!put) {
      return put;
    }
    return Error(Origin::kApplication, Kind::kCancelled, "changed my mind");
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind(), Kind::kCancelled);
  EXPECT_EQ(identities.change_history("I09").error().kind(), Kind::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, RepositoriesTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         ::ockam::testing::backend_name);

}  // namespace
}  // namespace ockam::storage
