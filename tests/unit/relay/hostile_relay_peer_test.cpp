// Issue 8's attacks on a relay: one frame the next node would call malformed must not cost the
// relay's shared connection (the relay drops and counts it instead), and a client that floods
// handshakes through the relay without reading the answers must not hang the handshakes of
// everyone else through it.
#include <sys/socket.h>

#include <gtest/gtest.h>

#include <thread>

#include "ockam/channel/secure_channels.hpp"

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

TEST(HostileRelayPeerTest,
     AClientFloodingHandshakesWithoutReadingDoesNotHangOthersThroughTheRelay) {
  constexpr std::size_t kFlood = 1500;
  auto identities = std::make_shared<identity::Identities>(std::make_shared<vault::Vault>());
  SecureChannels channels(identities);
  identity::Identity bob = identities->create_identity().value();
  identity::Identity alice = identities->create_identity().value();
  Runtime node;  // responder, middle and initiator; the attacker is a raw socket
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    // Small write queues, so that the answers the attacker does not read fill its queue soon
    // (1,500 answers of about 500 bytes). The flood itself (1,500 x 60 bytes) fits in the
    // middle's queue toward the responder.
    TcpLimits limits;
    limits.max_pending_write_bytes = 256 * 1024;
    limits.write_stall_timeout = 500ms;
    auto tcp = TcpTransport::create(ctx, limits);
    auto responder = (co_await tcp.listen("127.0.0.1:0")).value();
    SecureChannelListenerOptions options;
    options.max_half_open_handshakes = 2 * kFlood;  // this test is about back-pressure only
    auto listener =
        (co_await channels.create_listener(
             ctx, bob, "bob", std::move(options).as_consumer(responder.flow_control_id())))
            .value();
    (void)co_await ctx.start_worker("echoer", testing::Echoer{});
    ctx.flow_controls().add_consumer("echoer", listener.flow_control_id());
    (co_await ctx.start_worker("forward_to_bob",
                               Relay(route(tcp_address(responder.socket_address())))))
        .value();
    auto middle = (co_await tcp.listen("127.0.0.1:0")).value();
    ctx.flow_controls().add_consumer("forward_to_bob", middle.flow_control_id());
    const NodeMetrics& metrics = ctx.router().metrics();
    std::size_t rss_before = testing::rss_kib();

    // The attacker's socket reads nothing (a small receive window, set before connecting).
    asio::io_context attacker_io;
    asio::ip::tcp::socket attacker(attacker_io);
    attacker.open(asio::ip::tcp::v4());
    attacker.set_option(asio::socket_base::receive_buffer_size(4096));
    attacker.connect(testing::loopback_endpoint(middle.port()));
    // The middle's socket toward it buffers little: the answers pile up in the middle's queue.
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics.tcp_connections == 3; }, 5s));  // + the relay's, both ends
    EXPECT_TRUE(testing::limit_send_buffer_towards(attacker.local_endpoint(), 8192));
    Bytes flood{tcp::kProtocolVersion};
    for (std::size_t i = 0; i < kFlood; ++i) {
      Bytes frame = testing::handshake_start(route("forward_to_bob", "bob"), i);
      flood.insert(flood.end(), frame.begin(), frame.end());
    }
    std::thread writer([&] {
      asio::error_code ec;
      asio::write(attacker, asio::buffer(flood), ec);
    });

    // Once the answers fill the attacker's queue, the middle's reader of the responder's
    // connection (which every handshake through the middle shares) waits for room in it: that
    // wait used to last as long as the attack. A well-behaved initiator starts then.
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics.buffered_bytes >= limits.max_pending_write_bytes; }, 15s));
    auto started = std::chrono::steady_clock::now();
    auto connection = (co_await tcp.connect(middle.socket_address())).value();
    auto channel =
        co_await channels.create_channel(ctx, alice, route(connection, "forward_to_bob", "bob"),
                                         SecureChannelOptions().with_timeout(10s));
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    EXPECT_TRUE(channel) << channel.error().to_string();
    if (channel) {
      EXPECT_EQ((co_await ctx.send_and_receive<std::string>(route(*channel, "echoer"),
                                                            std::string("served")))
                    .value_or("no reply"),
                "served");
    }
    // The attacker's connection is closed once its queue stalls; the relay's is not.
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics.dropped(DropReason::kLimits) >= 1; }, 15s));
    ::shutdown(attacker.native_handle(), SHUT_RDWR);  // ends a writer still blocked in write
    writer.join();
    std::size_t rss_growth = testing::rss_growth_kib(rss_before);
    std::printf(
        "%zu handshake starts from a client that does not read: a handshake through the "
        "middle, started once their answers filled its queue, took %lld ms; %llu half-open; "
        "RSS +%zu KiB\n",
        kFlood, static_cast<long long>(took.count()),
        static_cast<unsigned long long>(metrics.half_open_handshakes), rss_growth);
    EXPECT_EQ(metrics.relay_paths_restored, 0u);  // the relay's connection stayed up
    EXPECT_LE(metrics.half_open_handshakes, 2 * kFlood);
    if (testing::kRssIsMeaningful) {
      EXPECT_LT(rss_growth, 64u * 1024);
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

}  // namespace
}  // namespace ockam
