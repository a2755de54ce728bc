// Issue 10 item 6, inlet liveness: an inlet whose outlet node hangs with its sockets open
// (SIGSTOP in a child process, which no connection close reveals) finds it out by its pings,
// closes its portals, refuses clients while the path is down, and serves again once the node
// resumes: over a route its factory re-creates, or over the same route answering again.
#include <functional>

#include <gtest/gtest.h>

#include "ockam/api/channel_route_factory.hpp"
#include "ockam/cli/default_services.hpp"
#include "ockam/portal/portals.hpp"
#include "support/child_node.hpp"
#include "support/hostile_peer.hpp"
#include "support/tcp_peers.hpp"

namespace ockam {
namespace {

using namespace std::chrono_literals;
using namespace testing::tcp_peers;
using testing::wait_until;

/// Short figures, so that a test runs in a second or two.
InletLiveness quick_liveness() {
  return InletLiveness{.ping_interval = 200ms,
                       .max_missed_pings = 3,
                       .ping_service = "echo",
                       .first_retry = 50ms,
                       .longest_retry = 200ms,
                       .route_factory = nullptr};
}

/// The outlet's node as examples/portal-outlet runs it, with an echo target of its own: a TCP
/// listener on a free loopback port, a secure channel listener at "api", the echo service and
/// the outlet at "outlet" reachable through it. Returns the listener's address.
testing::ChildNode start_outlet_node() {
  return testing::ChildNode([](Context& ctx) -> Task<Result<std::string>> {
    Node node(ctx.runtime());
    auto tcp = TcpTransport::create(ctx);
    auto listener = co_await tcp.listen("127.0.0.1:0");
    auto identity = co_await node.create_identity();
    if (!listener || !identity) {
      co_return Error(Origin::kApplication, Kind::kIo, "no listener or identity");
    }
    auto api = co_await node.create_secure_channel_listener(
        *identity, "api", SecureChannelListenerOptions().as_consumer(listener->flow_control_id()));
    if (!api) {
      co_return api.error();
    }
    (void)co_await ctx.start_worker(cli::kEchoAddress, cli::Echo{});
    ctx.flow_controls().add_consumer(cli::kEchoAddress, api->flow_control_id());
    std::string target = start_target(ctx.io(), TargetKind::kEcho, std::make_shared<TargetStats>());
    auto outlet = co_await tcp.create_outlet(
        "outlet", target, TcpOutletOptions().as_consumer(api->flow_control_id()));
    if (!outlet) {
      co_return outlet.error();
    }
    co_return listener->socket_address();
  });
}

long long ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

/// A client is served through `inlet`; then `outlet_node` stops (its sockets stay open) until
/// the inlet counts its path lost, within (max_missed_pings + 1) intervals, and closes that
/// client and refuses a new one; the node resumes, the path is restored and a new client's
/// bytes come back.
Task<> expect_healing_after_a_hang(Context& ctx, testing::ChildNode& outlet_node,
                                   const TcpInlet& inlet, const InletLiveness& liveness) {
  const PortalCounters& counters = inlet.counters();
  const NodeMetrics& metrics = ctx.router().metrics();
  EXPECT_TRUE(inlet.is_up());
  // Served after the outlet's node answered the first ping (sent before this client's Ping).
  EXPECT_TRUE(co_await echo_through(ctx.io(), inlet.port(), 64 * 1024));
  auto held = co_await connect_client(ctx.io(), inlet.port());
  EXPECT_TRUE(held);
  if (!held) {
    co_return;
  }
  // The held client's portal pipes (its bytes come back) when the path is lost.
  Bytes hello{'h', 'e', 'l', 'l', 'o'};
  Bytes echoed(hello.size());
  co_await write_all(*held, std::make_shared<const Bytes>(hello));
  auto [read_error, n] = co_await asio::async_read(*held, asio::buffer(echoed), kUseTuple);
  EXPECT_TRUE(!read_error && echoed == hello);

  auto stopped_at = std::chrono::steady_clock::now();
  outlet_node.pause();
  EXPECT_TRUE(co_await wait_until(
      ctx, [&] { return counters.paths_lost >= 1; }, 5s));
  long long detected_ms = ms_since(stopped_at);
  auto bound =
      static_cast<long long>(liveness.max_missed_pings + 1) * liveness.ping_interval.count() +
      1000;  // the scheduling delays of a loaded machine
  EXPECT_LE(detected_ms, bound);
  EXPECT_EQ(metrics.inlet_paths_lost, 1u);
  EXPECT_FALSE(inlet.is_up());
  EXPECT_TRUE(co_await closed_within(*held, 2s));
  EXPECT_TRUE(co_await wait_until(
      ctx, [&] { return counters.active == 0; }, 5s));

  // While the path is down a client is closed at once.
  auto refused = co_await connect_client(ctx.io(), inlet.port());
  EXPECT_TRUE(refused);
  if (refused) {
    EXPECT_TRUE(co_await closed_within(*refused, 2s));
  }
  EXPECT_EQ(counters.refused_path_down, 1u);
  EXPECT_EQ(counters.paths_restored, 0u);

  auto resumed_at = std::chrono::steady_clock::now();
  outlet_node.resume();
  EXPECT_TRUE(co_await wait_until(
      ctx, [&] { return counters.paths_restored >= 1; }, 15s));
  EXPECT_EQ(metrics.inlet_paths_restored, 1u);
  EXPECT_TRUE(inlet.is_up());
  EXPECT_TRUE(co_await echo_through(ctx.io(), inlet.port(), 64 * 1024));
  EXPECT_EQ(counters.paths_lost, 1u);
  std::printf(
      "hung outlet node found out after %lld ms (a ping every %lld ms, %zu missed); served again "
      "%lld ms after it resumed\n",
      detected_ms, static_cast<long long>(liveness.ping_interval.count()),
      liveness.max_missed_pings, ms_since(resumed_at));
}

/// The inlet's side toward the outlet node at `outlet_at`: its TCP transport and a factory of
/// routes to "outlet" over a new TCP connection and secure channel to "api" each time.
struct InletSide {
  TcpTransport tcp;
  InletRouteFactory make_route;
};

Task<InletSide> inlet_side(Context& ctx, const std::string& outlet_at) {
  Node node(ctx.runtime());
  auto tcp = TcpTransport::create(ctx);
  auto identity = (co_await node.create_identity()).value();
  auto make_route = channel_route_factory(node, tcp, identity, outlet_at, route("api"), "outlet");
  co_return InletSide{std::move(tcp), std::move(make_route)};
}

using InletTest = std::function<Task<>(Context&, testing::ChildNode&, InletSide&)>;

/// Runs `body` on a runtime of its own, with the inlet's side toward a fresh outlet node.
void with_outlet_node(const InletTest& body) {
  testing::ChildNode outlet_node = start_outlet_node();
  std::string outlet_at = outlet_node.value();
  EXPECT_EQ(outlet_at.rfind("127.0.0.1:", 0), 0u) << outlet_at;
  Runtime runtime;
  auto result = runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    InletSide side = co_await inlet_side(ctx, outlet_at);
    co_await body(ctx, outlet_node, side);
    co_return ok();
  });
  EXPECT_TRUE(result) << result.error().to_string();
}

/// Runs expect_healing_after_a_hang on an inlet toward a fresh outlet node, with a route
/// factory or without one; returns how many routes were made.
std::size_t routes_made_around_a_hang(bool with_factory) {
  std::size_t made = 0;
  with_outlet_node([&](Context& ctx, testing::ChildNode& outlet_node, InletSide& side) -> Task<> {
    auto first = (co_await side.make_route()).value();
    ++made;
    TcpInletOptions options = TcpInletOptions().with_liveness(quick_liveness());
    if (with_factory) {
      options.with_route_factory([make_route = side.make_route, &made] {
        ++made;
        return make_route();
      });
    }
    auto inlet = (co_await side.tcp.create_inlet("127.0.0.1:0", first, options)).value();
    co_await expect_healing_after_a_hang(ctx, outlet_node, inlet, quick_liveness());
    inlet.stop();
  });
  return made;
}

TEST(InletLivenessTest, AnInletReCreatesItsRouteWhenTheOutletNodeHangsAndResumes) {
  // The first route, and at least one made after the loss.
  EXPECT_GE(routes_made_around_a_hang(true), 2u);
}

TEST(InletLivenessTest, AnInletWithoutFactoryServesAgainOverItsRouteWhenTheOutletNodeResumes) {
  EXPECT_EQ(routes_made_around_a_hang(false), 1u);
}

/// A route factory that fails while `reachable` is false (as when the outlet's node is not up
/// yet), counting its attempts.
struct GatedFactory {
  InletRouteFactory make_route;
  bool reachable = false;
  std::size_t failed = 0;
};

Task<Result<Route>> gated_route(std::shared_ptr<GatedFactory> gate) {
  if (!gate->reachable) {
    ++gate->failed;
    co_return Error(Origin::kTransport, Kind::kNotFound, "the outlet's node is not up yet");
  }
  co_return co_await gate->make_route();
}

TEST(InletLivenessTest, AnInletCreatedBeforeItsOutletCanBeReachedServesOnceItCan) {
  with_outlet_node([](Context& ctx, testing::ChildNode&, InletSide& side) -> Task<> {
    auto gate = std::make_shared<GatedFactory>();
    gate->make_route = side.make_route;
    // Named, not temporaries of the co_await expressions: GCC 12 destroys some of those twice.
    Route no_route;
    TcpInletOptions no_factory;
    auto without_factory = co_await side.tcp.create_inlet("127.0.0.1:0", no_route, no_factory);
    EXPECT_FALSE(without_factory);
    InletRouteFactory factory = [gate] { return gated_route(gate); };
    TcpInletOptions options =
        TcpInletOptions().with_liveness(quick_liveness()).with_route_factory(factory);
    auto inlet = (co_await side.tcp.create_inlet("127.0.0.1:0", no_route, options)).value();
    EXPECT_FALSE(inlet.is_up());
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return gate->failed >= 2; }, 5s));  // it keeps trying
    auto refused = co_await connect_client(ctx.io(), inlet.port());
    EXPECT_TRUE(refused);
    if (refused) {
      EXPECT_TRUE(co_await closed_within(*refused, 2s));
    }
    EXPECT_EQ(inlet.counters().refused_path_down, 1u);

    gate->reachable = true;
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return inlet.is_up(); }, 5s));
    EXPECT_TRUE(co_await echo_through(ctx.io(), inlet.port(), 64 * 1024));
    // The first route is not a restoration, and nothing was lost.
    EXPECT_EQ(inlet.counters().paths_restored, 0u);
    EXPECT_EQ(inlet.counters().paths_lost, 0u);
    inlet.stop();
  });
}

TEST(InletLivenessTest, AnInletWithLivenessOffPipesAndNeverJudgesItsPath) {
  with_outlet_node([](Context& ctx, testing::ChildNode&, InletSide& side) -> Task<> {
    InletLiveness off = quick_liveness();
    off.ping_interval = 0ms;
    auto inlet =
        (co_await side.tcp.create_inlet("127.0.0.1:0", (co_await side.make_route()).value(),
                                        TcpInletOptions().with_liveness(off)))
            .value();
    EXPECT_TRUE(co_await echo_through(ctx.io(), inlet.port(), 64 * 1024));
    EXPECT_TRUE(co_await echo_through(ctx.io(), inlet.port(), 1024));
    EXPECT_EQ(inlet.counters().paths_lost, 0u);
    EXPECT_EQ(inlet.counters().refused_path_down, 0u);
    inlet.stop();
  });
}

}  // namespace
}  // namespace ockam
