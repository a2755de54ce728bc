#include "ockam/node/access_control.hpp"

#include <gtest/gtest.h>

#include "ockam/node/runtime.hpp"
#include "test_workers.hpp"

namespace ockam {
namespace {

using testing::Hop;
using testing::Journal;
using testing::kNoReplyTimeout;
using testing::kReplyTimeout;
using testing::Recorder;
using testing::run_node_test;

/// Asks `control` about a message from `source` whose next hop is `destination`.
template <class Control>
bool allows(const Control& control, const Address& source, const Address& destination) {
  LocalMessage message;
  message.onward_route = route(destination);
  return control->is_authorized(RelayMessage{source, destination, message});
}

TEST(AccessControlTest, ConstantControlsAllowOrDenyEverything) {
  EXPECT_TRUE(allows(allow_all_incoming(), "a", "b"));
  EXPECT_TRUE(allows(allow_all_outgoing(), "a", "b"));
  EXPECT_FALSE(allows(deny_all_incoming(), "a", "b"));
  EXPECT_FALSE(allows(deny_all_outgoing(), "a", "b"));
}

TEST(AccessControlTest, AllowSourceAddressesChecksTheSource) {
  auto control = allow_source_addresses({"alice", "bob"});
  EXPECT_TRUE(allows(control, "alice", "x"));
  EXPECT_TRUE(allows(control, "bob", "x"));
  EXPECT_FALSE(allows(control, "mallory", "alice"));
  EXPECT_FALSE(allows(control, Address(kTcp, "alice"), "x"));
}

TEST(AccessControlTest, AllowOnwardAddressesChecksTheNextHop) {
  auto control = allow_onward_addresses({"sink"});
  EXPECT_TRUE(allows(control, "x", "sink"));
  EXPECT_FALSE(allows(control, "sink", "other"));
}

TEST(AccessControlTest, AllOfRequiresEveryControl) {
  auto both = all_of({allow_source_addresses({"alice"}), allow_source_addresses({"alice", "bob"})});
  EXPECT_TRUE(allows(both, "alice", "x"));
  EXPECT_FALSE(allows(both, "bob", "x"));
  EXPECT_TRUE(allows(all_of(std::vector<IncomingAccessControlPtr>{}), "a", "b"));
  auto outgoing = all_of({allow_onward_addresses({"s"}), deny_all_outgoing()});
  EXPECT_FALSE(allows(outgoing, "x", "s"));
}

TEST(AccessControlTest, AnyOfRequiresOneControl) {
  auto either = any_of({allow_source_addresses({"alice"}), allow_source_addresses({"bob"})});
  EXPECT_TRUE(allows(either, "alice", "x"));
  EXPECT_TRUE(allows(either, "bob", "x"));
  EXPECT_FALSE(allows(either, "carol", "x"));
  EXPECT_FALSE(allows(any_of(std::vector<IncomingAccessControlPtr>{}), "a", "b"));
  auto outgoing = any_of({allow_onward_addresses({"s"}), deny_all_outgoing()});
  EXPECT_TRUE(allows(outgoing, "x", "s"));
  EXPECT_FALSE(allows(outgoing, "x", "t"));
}

TEST(AccessControlTest, DenyAllIncomingDropsMessagesAndCountsThem) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("closed", Recorder(journal), deny_all_incoming(), nullptr)).value();
    // A denied message is not an error to the sender.
    EXPECT_TRUE(co_await ctx.send(route("closed"), std::string("one")));
    EXPECT_TRUE(co_await ctx.send(route("closed"), std::string("two")));
    EXPECT_EQ(ctx.router().denied_count(), 2u);
    auto reply = co_await ctx.receive<std::string>(kNoReplyTimeout);
    EXPECT_EQ(reply.error().kind(), Kind::kTimeout);
    co_return ok();
  });
  EXPECT_TRUE(journal->bodies.empty());
}

TEST(AccessControlTest, AllowSourceAddressesAdmitsOnlyListedSenders) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("trusted", Hop{})).value();
    auto only_trusted = allow_source_addresses({Address("trusted")});
    (co_await ctx.start_worker("guarded", Recorder(journal), only_trusted, nullptr)).value();
    (co_await ctx.send(route("guarded"), std::string("direct"))).value();
    EXPECT_EQ(ctx.router().denied_count(), 1u);
    (co_await ctx.send(route("trusted", "guarded"), std::string("via trusted"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "via trusted");
    co_return ok();
  });
  EXPECT_EQ(journal->bodies, std::vector<std::string>{"via trusted"});
}

TEST(AccessControlTest, AllowOnwardAddressesLimitsWhereAWorkerMaySend) {
  auto allowed = std::make_shared<Journal>();
  auto other = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("allowed", Recorder(allowed))).value();
    (co_await ctx.start_worker("other", Recorder(other))).value();
    auto only_allowed = allow_onward_addresses({Address("allowed")});
    (co_await ctx.start_worker("limited", Hop{}, nullptr, only_allowed)).value();
    (co_await ctx.send(route("limited", "other"), std::string("blocked"))).value();
    (co_await ctx.send(route("limited", "allowed"), std::string("passes"))).value();
    // The reply from "allowed" comes back through "limited", whose next hop is now the main
    // context: not listed, so it is dropped too.
    auto reply = co_await ctx.receive<std::string>(kNoReplyTimeout);
    EXPECT_FALSE(reply);
    EXPECT_EQ(ctx.router().denied_count(), 2u);
    co_return ok();
  });
  EXPECT_EQ(allowed->bodies, std::vector<std::string>{"passes"});
  EXPECT_TRUE(other->bodies.empty());
}

TEST(AccessControlTest, CombinedControlsApplyOnDelivery) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("h1", Hop{})).value();
    (co_await ctx.start_worker("h2", Hop{})).value();
    auto control = any_of({allow_source_addresses({"h1"}),
                           all_of({allow_source_addresses({"h2"}), deny_all_incoming()})});
    (co_await ctx.start_worker("target", Recorder(journal), control, nullptr)).value();
    (co_await ctx.send(route("h2", "target"), std::string("from h2"))).value();
    (co_await ctx.send(route("h1", "target"), std::string("from h1"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "from h1");
    EXPECT_EQ(ctx.router().denied_count(), 1u);
    co_return ok();
  });
  EXPECT_EQ(journal->bodies, std::vector<std::string>{"from h1"});
}

}  // namespace
}  // namespace ockam
