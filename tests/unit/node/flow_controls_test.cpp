#include "ockam/node/flow_controls.hpp"

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

TEST(FlowControlIdTest, GeneratedIdsAre32HexCharactersAndDistinct) {
  FlowControlId a = FlowControlId::generate();
  FlowControlId b = FlowControlId::generate();
  EXPECT_EQ(a.to_string().size(), 32u);
  EXPECT_TRUE(from_hex(a.to_string()));
  EXPECT_NE(a, b);
  EXPECT_TRUE(FlowControlId().empty());
}

TEST(FlowControlIdTest, IdsCompareByTheirTextAndAMovedFromIdIsEmpty) {
  FlowControlId a = FlowControlId::generate();
  FlowControlId copy(a.to_string());
  EXPECT_EQ(copy, a);
  EXPECT_FALSE(copy < a || a < copy);
  EXPECT_NE(FlowControlId::generate(), a);
  EXPECT_EQ(FlowControlId(""), FlowControlId());
  FlowControlId moved = std::move(copy);
  EXPECT_EQ(moved, a);
  EXPECT_EQ(copy, FlowControlId());  // NOLINT(bugprone-use-after-move): moved-from is empty
  EXPECT_TRUE(copy.empty());         // NOLINT(bugprone-use-after-move)
}

TEST(FlowControlsTest, ConsumersCanBeAddedAndRemoved) {
  FlowControls flows;
  FlowControlId flow = FlowControlId::generate();
  EXPECT_FALSE(flows.is_consumer("c", flow));
  flows.add_consumer("c", flow);
  EXPECT_TRUE(flows.is_consumer("c", flow));
  EXPECT_FALSE(flows.is_consumer("c", FlowControlId::generate()));
  flows.remove_consumer("c", flow);
  EXPECT_FALSE(flows.is_consumer("c", flow));
}

TEST(FlowControlsTest, AProducerIsFoundByItsAddressAndItsAdditionalAddresses) {
  FlowControls flows;
  FlowControlId flow = FlowControlId::generate();
  FlowControlId spawner = FlowControlId::generate();
  flows.add_producer("receiver", flow, spawner, {Address("sender")});
  const ProducerInfo* direct = flows.find_producer("receiver");
  const ProducerInfo* alias = flows.find_producer("sender");
  ASSERT_NE(direct, nullptr);
  EXPECT_EQ(direct, alias);
  EXPECT_EQ(direct->flow_control_id, flow);
  EXPECT_EQ(direct->spawner_flow_control_id, spawner);
  EXPECT_EQ(flows.find_producer("other"), nullptr);
}

TEST(FlowControlsTest, CleanupForgetsEverythingRegisteredForAnAddress) {
  FlowControls flows;
  FlowControlId flow = FlowControlId::generate();
  FlowControlId other = FlowControlId::generate();
  flows.add_producer("p", flow, std::nullopt, {Address("alias")});
  flows.add_spawner("listener", flow);
  flows.add_consumer("c", flow);
  flows.add_consumer("c", other);
  EXPECT_EQ(flows.find_spawner("listener"), flow);

  flows.cleanup_address("c");
  EXPECT_FALSE(flows.is_consumer("c", flow));
  EXPECT_FALSE(flows.is_consumer("c", other));
  flows.cleanup_address("alias");
  EXPECT_EQ(flows.find_producer("alias"), nullptr);
  EXPECT_NE(flows.find_producer("p"), nullptr);
  flows.cleanup_address("p");
  EXPECT_EQ(flows.find_producer("p"), nullptr);
  flows.cleanup_address("listener");
  EXPECT_EQ(flows.find_spawner("listener"), std::nullopt);
}

TEST(FlowControlsTest, ForgettingAnAddressLeavesTheOtherConsumersOfItsFlows) {
  FlowControls flows;
  FlowControlId flow = FlowControlId::generate();
  flows.add_consumer("gone", flow);
  flows.add_consumer("stays", flow);
  flows.cleanup_address("gone");
  EXPECT_FALSE(flows.is_consumer("gone", flow));
  EXPECT_TRUE(flows.is_consumer("stays", flow));
  flows.add_consumer("gone", flow);
  EXPECT_TRUE(flows.is_consumer("gone", flow));
}

/// A node with a forwarding producer and three possible next hops: a consumer of the producer's
/// flow, a consumer of its spawner's flow, and an outsider. The main context consumes the flow,
/// so replies come back through the producer.
struct FlowSetup {
  std::shared_ptr<Journal> consumer = std::make_shared<Journal>();
  std::shared_ptr<Journal> spawned = std::make_shared<Journal>();
  std::shared_ptr<Journal> outsider = std::make_shared<Journal>();

  Task<Result<void>> start(Context& ctx) {
    FlowControls& flows = ctx.flow_controls();
    FlowControlId flow = FlowControlId::generate();
    FlowControlId spawner_flow = FlowControlId::generate();
    flows.add_spawner("listener", spawner_flow);
    flows.add_producer("producer", flow, spawner_flow);
    flows.add_consumer("consumer", flow);
    flows.add_consumer("spawned", spawner_flow);
    flows.add_consumer(ctx.address(), flow);
    for (auto& [address, journal] : {std::pair{"consumer", consumer}, std::pair{"spawned", spawned},
                                     std::pair{"outsider", outsider}}) {
      if (auto r = co_await ctx.start_worker(address, Recorder(journal)); !r) {
        co_return r.error();
      }
    }
    co_return co_await ctx.start_worker("producer", Hop{}, nullptr,
                                        flows.producer_access_control(flow, spawner_flow));
  }
};

TEST(FlowControlsTest, AProducerDeliversToConsumersOfItsFlow) {
  FlowSetup setup;
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await setup.start(ctx)).value();
    (co_await ctx.send(route("producer", "consumer"), std::string("in flow"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "in flow");
    EXPECT_EQ(ctx.flow_controls().denied_count(), 0u);
    co_return ok();
  });
  EXPECT_EQ(setup.consumer->bodies, std::vector<std::string>{"in flow"});
}

TEST(FlowControlsTest, AProducerDeliversToConsumersOfItsSpawnersFlow) {
  FlowSetup setup;
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await setup.start(ctx)).value();
    (co_await ctx.send(route("producer", "spawned"), std::string("spawner flow"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "spawner flow");
    co_return ok();
  });
  EXPECT_EQ(setup.spawned->bodies, std::vector<std::string>{"spawner flow"});
}

TEST(FlowControlsTest, AProducerDropsMessagesToNonConsumersAndCountsThem) {
  FlowSetup setup;
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await setup.start(ctx)).value();
    EXPECT_TRUE(co_await ctx.send(route("producer", "outsider"), std::string("not allowed")));
    auto reply = co_await ctx.receive<std::string>(kNoReplyTimeout);
    EXPECT_EQ(reply.error().kind(), Kind::kTimeout);
    EXPECT_EQ(ctx.flow_controls().denied_count(), 1u);
    EXPECT_EQ(ctx.router().denied_count(), 1u);
    co_return ok();
  });
  EXPECT_TRUE(setup.outsider->bodies.empty());
}

TEST(FlowControlsTest, AStoppedConsumerIsNoLongerAConsumer) {
  FlowSetup setup;
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await setup.start(ctx)).value();
    (co_await ctx.stop_worker("consumer")).value();
    (co_await ctx.start_worker("consumer", Recorder(setup.consumer))).value();
    (co_await ctx.send(route("producer", "consumer"), std::string("after restart"))).value();
    bool denied =
        co_await testing::eventually(ctx, [&] { return ctx.flow_controls().denied_count() == 1; });
    EXPECT_TRUE(denied);
    co_return ok();
  });
  EXPECT_TRUE(setup.consumer->bodies.empty());
}

}  // namespace
}  // namespace ockam
