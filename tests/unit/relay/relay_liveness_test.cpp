// Issue 8, relays that heal beyond the first hop: a node that hangs with its connections open
// (SIGSTOP, no TCP close) is found out by liveness pings within the configured interval, and
// the relay heals once it resumes.
#include <gtest/gtest.h>

#include "ockam/cli/default_services.hpp"
#include "ockam/node/runtime.hpp"
#include "ockam/relay/relay.hpp"
#include "ockam/relay/relay_service.hpp"
#include "ockam/transport/tcp/tcp_transport.hpp"
#include "support/child_node.hpp"
#include "support/echoer.hpp"
#include "support/hostile_peer.hpp"

namespace ockam {
namespace {

using namespace std::chrono_literals;
using testing::wait_until;

/// Short figures, so that a test runs in a second or two.
RelayOptions quick_options() {
  RelayOptions options;
  options.ping_interval = 100ms;
  options.max_missed_pings = 3;
  options.first_retry = 50ms;
  options.longest_retry = 200ms;
  return options;
}

/// A node listening on a free loopback port with Ockam's echo service ("echo", what relays
/// ping) and, when `with_relay_service`, the relay service; else the test's "echoer". Returns
/// the listener's address.
testing::ChildNode start_node(bool with_relay_service) {
  return testing::ChildNode([with_relay_service](Context& ctx) -> Task<Result<std::string>> {
    auto tcp = TcpTransport::create(ctx);
    auto listener = co_await tcp.listen("127.0.0.1:0");
    if (!listener) {
      co_return listener.error();
    }
    (void)co_await ctx.start_worker(cli::kEchoAddress, cli::Echo{});
    ctx.flow_controls().add_consumer(cli::kEchoAddress, listener->flow_control_id());
    if (with_relay_service) {
      auto started = co_await start_relay_service(
          ctx, RelayServiceOptions().as_consumer(listener->flow_control_id()));
      if (!started) {
        co_return started.error();
      }
    } else {
      (void)co_await ctx.start_worker("echoer", testing::Echoer{});
      ctx.flow_controls().add_consumer("echoer", listener->flow_control_id());
    }
    co_return listener->socket_address();
  });
}

/// The path is declared dead when the pings of `max_missed_pings` intervals in a row are still
/// unanswered: between that many intervals and one more after the hang, plus the scheduling
/// delays of a loaded machine.
long long detection_bound_ms(const RelayOptions& options) {
  return static_cast<long long>(options.max_missed_pings + 1) * options.ping_interval.count() +
         1000;
}

long long ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

/// A client of `entry` is served through `forward_to_bob`; then `hung` stops (its sockets stay
/// open: only the pings can tell) until this node's relay counts the path lost, within the
/// configured interval, and resumes; the relay heals and the client is served again.
Task<> expect_healing_after_a_hang(Context& ctx, testing::ChildNode& hung, std::string entry,
                                   RelayOptions options) {
  std::vector<std::string> via_relay;
  via_relay.emplace_back("forward_to_bob");
  // Served over the relay's connection, so after the answer to its first ping on it.
  EXPECT_EQ(co_await testing::served(ctx, entry, via_relay), "ping");
  const NodeMetrics& metrics = ctx.router().metrics();
  EXPECT_EQ(metrics.relay_paths_lost, 0u);

  auto stopped_at = std::chrono::steady_clock::now();
  hung.pause();
  EXPECT_TRUE(co_await wait_until(
      ctx, [&] { return metrics.relay_paths_lost >= 1; }, 5s));
  long long detected_ms = ms_since(stopped_at);
  EXPECT_LE(detected_ms, detection_bound_ms(options));

  auto resumed_at = std::chrono::steady_clock::now();
  hung.resume();
  EXPECT_TRUE(co_await wait_until(
      ctx, [&] { return metrics.relay_paths_restored >= 1; }, 10s));
  EXPECT_EQ(co_await testing::served(ctx, entry, via_relay), "ping");
  std::printf(
      "hung node found out after %lld ms (a ping every %lld ms, %zu missed); served again %lld "
      "ms after it resumed\n",
      detected_ms, static_cast<long long>(options.ping_interval.count()), options.max_missed_pings,
      ms_since(resumed_at));
}

TEST(RelayLivenessTest, ARemoteRelayIsRegisteredAgainWhenTheRelayNodeHangsAndResumes) {
  testing::ChildNode relay_node = start_node(true);
  std::string relay_at = relay_node.value();
  ASSERT_EQ(relay_at.rfind("127.0.0.1:", 0), 0u) << relay_at;
  Runtime bob;
  auto result = bob.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto connection = (co_await tcp.connect(relay_at)).value();
    (void)co_await ctx.start_worker("echoer", testing::Echoer{});
    ctx.flow_controls().add_consumer("echoer", connection.flow_control_id());
    auto relay =
        co_await create_remote_relay(ctx, route(tcp_address(relay_at)), "bob", quick_options());
    EXPECT_EQ(relay.value_or("failed"), "forward_to_bob");
    co_await expect_healing_after_a_hang(ctx, relay_node, relay_at, quick_options());
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(RelayLivenessTest, ARelayReconnectsWhenTheNodeBehindItHangsAndResumes) {
  testing::ChildNode responder = start_node(false);
  std::string responder_at = responder.value();
  ASSERT_EQ(responder_at.rfind("127.0.0.1:", 0), 0u) << responder_at;
  Runtime middle;
  auto result = middle.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    (co_await ctx.start_worker("forward_to_bob",
                               Relay(route(tcp_address(responder_at)), quick_options())))
        .value();
    auto listener = (co_await tcp.listen("127.0.0.1:0")).value();
    ctx.flow_controls().add_consumer("forward_to_bob", listener.flow_control_id());
    co_await expect_healing_after_a_hang(ctx, responder, listener.socket_address(),
                                         quick_options());
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(RelayLivenessTest, ARelayWhoseNextNodeRunsNoEchoServiceIsNotJudged) {
  Runtime node;  // the responder (without "echo") and the middle share this node
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto responder = (co_await tcp.listen("127.0.0.1:0")).value();
    (void)co_await ctx.start_worker("echoer", testing::Echoer{});
    ctx.flow_controls().add_consumer("echoer", responder.flow_control_id());
    (co_await ctx.start_worker(
         "forward_to_bob", Relay(route(tcp_address(responder.socket_address())), quick_options())))
        .value();
    const NodeMetrics& metrics = ctx.router().metrics();
    Router& router = ctx.router();
    // The pings reach the responder, which has nobody at "echo".
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics.dropped(DropReason::kUnknownAddress) >= 1; }, 5s));
    std::size_t addresses_while_pinging = router.addresses().size();
    // After max_missed_pings the relay stops pinging (its collector address goes) and keeps
    // its connection.
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return router.addresses().size() == addresses_while_pinging - 1; }, 5s));
    EXPECT_EQ(metrics.dropped(DropReason::kUnknownAddress), quick_options().max_missed_pings);
    EXPECT_EQ(metrics.relay_paths_lost, 0u);
    EXPECT_EQ(metrics.tcp_connections, 2u);
    auto middle = (co_await tcp.listen("127.0.0.1:0")).value();
    ctx.flow_controls().add_consumer("forward_to_bob", middle.flow_control_id());
    std::vector<std::string> via_relay;
    via_relay.emplace_back("forward_to_bob");
    EXPECT_EQ(co_await testing::served(ctx, middle.socket_address(), via_relay), "ping");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

}  // namespace
}  // namespace ockam
