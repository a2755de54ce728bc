#include "ockam/node/router.hpp"

#include <gtest/gtest.h>

#include "ockam/node/runtime.hpp"
#include "test_workers.hpp"

namespace ockam {
namespace {

using testing::Hop;
using testing::Journal;
using testing::kReplyTimeout;
using testing::Recorder;
using testing::run_node_test;

/// A transport resolver that reaches every address through the worker at "connection".
Task<Result<Address>> to_connection(Address) {
  co_return Address("connection");
}

TEST(RouterTest, ManyHopRoutesRewriteTheReturnRoute) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("echoer", Recorder(journal))).value();
    for (const char* hop : {"h1", "h2", "h3"}) {
      (co_await ctx.start_worker(hop, Hop{})).value();
    }
    (co_await ctx.send(route("h1", "h2", "h3", "echoer"), std::string("Hello Ockam!"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "Hello Ockam!");
    EXPECT_EQ(reply.onward_route(), route(ctx.address()));
    EXPECT_EQ(reply.return_route(), route("h1", "h2", "h3", "echoer"));
    co_return ok();
  });
  ASSERT_EQ(journal->return_routes.size(), 1u);
  ASSERT_EQ(journal->return_routes[0].size(), 4u);
  EXPECT_EQ(journal->return_routes[0][0], Address("h3"));
  EXPECT_EQ(journal->return_routes[0][1], Address("h2"));
  EXPECT_EQ(journal->return_routes[0][2], Address("h1"));
}

TEST(RouterTest, RegisteringATakenAddressFailsWithAlreadyExists) {
  asio::io_context io;
  Router router(io);
  auto inbox = std::make_shared<Mailbox>(io);
  ASSERT_TRUE(router.register_address("a", Endpoint{inbox, nullptr, nullptr}));
  auto again = router.register_address("a", Endpoint{inbox, nullptr, nullptr});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind(), Kind::kAlreadyExists);
  EXPECT_EQ(again.error().detail(), "0#a");
  EXPECT_EQ(router.find("a")->inbox, inbox);
  EXPECT_EQ(router.addresses(), std::vector<Address>{"a"});
}

TEST(RouterTest, UnregisteringForgetsTheAddressAndItsFlowControlEntries) {
  asio::io_context io;
  Router router(io);
  FlowControlId flow = FlowControlId::generate();
  ASSERT_TRUE(
      router.register_address("a", Endpoint{std::make_shared<Mailbox>(io), nullptr, nullptr}));
  router.flow_controls().add_consumer("a", flow);
  router.unregister_address("a");
  EXPECT_EQ(router.find("a"), nullptr);
  EXPECT_FALSE(router.flow_controls().is_consumer("a", flow));
}

TEST(RouterTest, ClearReleasesAddressesAndTransportResolvers) {
  asio::io_context io;
  Router router(io);
  auto transport_state = std::make_shared<int>(0);
  // Not a coroutine itself: a lambda with captures must not be one (CP.51).
  router.register_transport(
      kTcp, [transport_state](Address address) { return to_connection(std::move(address)); });
  ASSERT_TRUE(
      router.register_address("a", Endpoint{std::make_shared<Mailbox>(io), nullptr, nullptr}));
  EXPECT_EQ(transport_state.use_count(), 2);
  router.clear();
  // Transport state must go while the io_context still exists (it holds timers and sockets).
  EXPECT_EQ(transport_state.use_count(), 1);
  EXPECT_FALSE(router.has_address("a"));
}

TEST(RouterTest, NonLocalAddressesResolveThroughTheirTransport) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    Router& router = ctx.router();
    auto unresolved = co_await router.resolve_route(route("a", tcp_address("h:1")));
    EXPECT_FALSE(unresolved);
    EXPECT_EQ(unresolved.error().kind(), Kind::kNotFound);

    router.register_transport(kTcp, [](Address address) -> Task<Result<Address>> {
      co_return Address(std::string("conn_").append(address.inner()));
    });
    auto resolved = co_await router.resolve_route(route("a", tcp_address("h:1"), "b"));
    EXPECT_EQ(resolved.value(), route("a", "conn_h:1", "b"));
    co_return ok();
  });
}

TEST(RouterTest, AMessageToANonLocalFirstHopGoesToTheResolvedConnection) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    ctx.router().register_transport(kTcp, to_connection);
    (co_await ctx.start_worker("connection", Recorder(journal))).value();
    (co_await ctx.send(route(tcp_address("h:1")), std::string("over tcp"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "over tcp");
    co_return ok();
  });
  EXPECT_EQ(journal->msg_addresses, std::vector<Address>{"connection"});
}

TEST(RouterTest, AForwardedMessageToATransportAddressIsDroppedNotResolved) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    ctx.router().register_transport(kTcp, to_connection);
    (co_await ctx.start_worker("connection", Recorder(journal))).value();
    LocalMessage forged;
    forged.onward_route = route(tcp_address("127.0.0.1:22"));
    forged.return_route = route(ctx.address());
    forged.payload = bare::encode(std::string("from a peer"));
    EXPECT_TRUE(co_await ctx.forward(std::move(forged)));
    EXPECT_EQ(ctx.router().metrics().dropped(DropReason::kForgery), 1u);
    auto nothing = co_await ctx.receive<std::string>(std::chrono::milliseconds(50));
    EXPECT_FALSE(nothing);
    co_return ok();
  });
  EXPECT_TRUE(journal->msg_addresses.empty());
}

TEST(RouterTest, AMessageToAnUnknownAddressIsCounted) {
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    auto sent = co_await ctx.send(route("nobody"), std::string("hello"));
    EXPECT_FALSE(sent);
    EXPECT_EQ(ctx.router().metrics().dropped(DropReason::kUnknownAddress), 1u);
    co_return ok();
  });
}

TEST(RouterTest, UnwatchingManyWatchersOfOneAddressTakesLinearTime) {
  // Closing a connection that carries 30,000 channels while 30,000 others stay open: each
  // channel unwatches its connection. This took 70 s when unwatch scanned every watcher.
  asio::io_context io;
  Router router(io);
  constexpr std::uint64_t kChannels = 30'000;
  std::vector<std::uint64_t> closing;
  for (std::uint64_t i = 0; i < kChannels; ++i) {
    closing.push_back(router.watch(Address("closing"), [] {}));
    (void)router.watch(Address("staying"), [] {});
  }
  auto started = std::chrono::steady_clock::now();
  router.unregister_address(Address("closing"));
  for (std::uint64_t id : closing) {
    router.unwatch(id);
  }
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_LT(took, std::chrono::milliseconds(500));
  EXPECT_EQ(io.poll(), kChannels);  // every watcher of "closing" was called once
  router.clear();
}

TEST(RouterTest, AWatcherRemovedBeforeItsAddressGoesIsNotCalled) {
  asio::io_context io;
  Router router(io);
  bool called = false;
  std::uint64_t id = router.watch(Address("a"), [&] { called = true; });
  router.unwatch(id);
  router.unwatch(id);  // twice is harmless
  router.unregister_address(Address("a"));
  io.poll();
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace ockam
