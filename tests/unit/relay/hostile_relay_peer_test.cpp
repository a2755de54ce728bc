// Issue 8's attack on a relay: one frame the next node would call malformed must not cost the
// relay's shared connection; the relay drops and counts it instead.
#include <gtest/gtest.h>

#include "ockam/core/bare.hpp"
#include "ockam/node/runtime.hpp"
#include "ockam/relay/relay.hpp"
#include "ockam/transport/tcp/constants.hpp"
#include "ockam/transport/tcp/tcp_transport.hpp"
#include "support/echoer.hpp"
#include "support/hostile_peer.hpp"

namespace ockam {
namespace {

using namespace std::chrono_literals;
using testing::wait_until;

TEST(HostileRelayPeerTest, AFrameTheNextNodeWouldRefuseIsDroppedAtTheRelay) {
  Runtime node;  // the responder and the middle share this node; the attacker is a raw socket
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto responder = (co_await tcp.listen("127.0.0.1:0")).value();
    (void)co_await ctx.start_worker("echoer", testing::Echoer{});
    ctx.flow_controls().add_consumer("echoer", responder.flow_control_id());
    (co_await ctx.start_worker("forward_to_bob",
                               Relay(route(tcp_address(responder.socket_address())))))
        .value();
    auto middle = (co_await tcp.listen("127.0.0.1:0")).value();
    ctx.flow_controls().add_consumer("forward_to_bob", middle.flow_control_id());
    // (A named vector: GCC 12 miscompiles a braced list of string literals in a co_await.)
    std::vector<std::string> via_relay;
    via_relay.emplace_back("forward_to_bob");
    EXPECT_EQ(co_await testing::served(ctx, middle.socket_address(), via_relay), "ping");
    const NodeMetrics& metrics = ctx.router().metrics();
    // The middle's connection to the responder, both ends (the client's has gone).
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics.tcp_connections == 2; }, 5s));

    // 256 return addresses: the most a decoder accepts; the middle adds its own on the way.
    Route long_return;
    for (int i = 0; i < 256; ++i) {
      long_return.append(Address("r"));
    }
    Bytes attack{tcp::kProtocolVersion};
    (void)tcp::append_frame(attack, route("forward_to_bob", "echoer"), long_return,
                            bare::encode(std::string("x")));
    testing::RawPeers attacker;
    EXPECT_TRUE(attacker.open(middle.port(), 1, attack));
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics.dropped(DropReason::kLimits) == 1; }, 5s));
    EXPECT_EQ(metrics.dropped(DropReason::kMalformed), 0u);  // the responder saw nothing bad
    EXPECT_EQ(metrics.tcp_connections, 3u);  // + the attacker's; the relay's stayed open
    EXPECT_EQ(co_await testing::served(ctx, middle.socket_address(), via_relay), "ping");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

}  // namespace
}  // namespace ockam
