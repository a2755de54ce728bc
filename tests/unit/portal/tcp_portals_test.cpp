// TCP portals end to end in one node: real sockets on loopback, a real secure channel between
// the inlet and the outlet, TCP targets and clients as coroutines on the node's io_context.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>

#include <asio/experimental/awaitable_operators.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/read.hpp>
#include <asio/write.hpp>

#include "ockam/channel/secure_channels.hpp"
#include "ockam/crypto/random.hpp"
#include "ockam/node/runtime.hpp"
#include "ockam/portal/portal_message.hpp"
#include "ockam/portal/portals.hpp"
#include "support/tcp_peers.hpp"

namespace ockam {
namespace {

using namespace std::chrono_literals;
using namespace testing::tcp_peers;

/// Sends raw portal bytes from `ctx` along `onward`.
Task<Result<void>> send_raw(Context& ctx, Route onward, Bytes payload) {
  LocalMessage message;
  message.onward_route = std::move(onward);
  message.return_route.append(ctx.address());
  message.payload = std::move(payload);
  return ctx.forward(std::move(message));
}

/// One node with a secure channel listener at "api", an outlet at "outlet" reachable through
/// it, and channels into it from other identities.
struct Fixture {
  Runtime runtime;
  std::shared_ptr<identity::Identities> identities =
      std::make_shared<identity::Identities>(std::make_shared<vault::Vault>());
  SecureChannels channels{identities};
  identity::Identity server = identities->create_identity().value();
  identity::Identity alice = identities->create_identity().value();
  identity::Identity mallory = identities->create_identity().value();
  std::shared_ptr<TargetStats> target_stats = std::make_shared<TargetStats>();
  std::optional<SecureChannelListener> api;
  std::optional<TcpOutlet> outlet;
  std::optional<TcpTransport> transport;
  std::optional<SecureChannel> alice_channel;

  Task<Result<TcpTransport>> start(Context& ctx, std::string target) {
    auto tcp = TcpTransport::create(ctx);
    auto listener =
        co_await channels.create_listener(ctx, server, "api", SecureChannelListenerOptions());
    if (!listener) {
      co_return listener.error();
    }
    api = *listener;
    auto created = co_await tcp.create_outlet(
        "outlet", std::move(target), TcpOutletOptions().as_consumer(api->flow_control_id()));
    if (!created) {
      co_return created.error();
    }
    outlet = *created;
    co_return tcp;
  }

  /// start, then a channel as alice and an inlet through it to the outlet.
  Task<Result<TcpInlet>> start_with_inlet(Context& ctx, std::string target) {
    auto started = co_await start(ctx, std::move(target));
    if (!started) {
      co_return started.error();
    }
    transport = *started;
    auto opened = co_await channel_as(ctx, alice);
    if (!opened) {
      co_return opened.error();
    }
    alice_channel = *opened;
    co_return co_await transport->create_inlet("127.0.0.1:0", route(*alice_channel, "outlet"),
                                               TcpInletOptions());
  }

  Task<Result<SecureChannel>> channel_as(Context& ctx, const identity::Identity& who) {
    return channels.create_channel(ctx, who, route("api"), SecureChannelOptions());
  }

  /// Opens a portal by hand through `channel`: sends Ping to the outlet and returns the
  /// address of the outlet's portal (from the Pong's return route).
  Task<Result<Address>> raw_portal(Context& ctx, const SecureChannel& channel) {
    if (auto sent = co_await send_raw(ctx, route(channel, "outlet"), portal::encode_portal_ping());
        !sent) {
      co_return sent.error();
    }
    auto pong = co_await ctx.receive_envelope(5s);
    if (!pong) {
      co_return pong.error();
    }
    auto decoded = portal::decode_portal_message(pong->message.payload);
    if (!decoded || decoded->kind != portal::PortalMessage::Kind::kPong) {
      co_return Error(Origin::kApplication, Kind::kProtocol, "expected a Pong");
    }
    co_return *pong->message.return_route.recipient();
  }
};

TEST(TcpPortalsTest, ConcurrentClientsGetTheirBytesBackAndNoPortalIsLeft) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto target = start_target(ctx.io(), TargetKind::kEcho, f.target_stats);
    auto inlet = (co_await f.start_with_inlet(ctx, target)).value();
    std::size_t addresses_before = ctx.router().addresses().size();

    constexpr std::size_t kClients = 20;
    auto all_good = std::make_shared<std::size_t>(0);
    auto finished = std::make_shared<std::size_t>(0);
    for (std::size_t i = 0; i < kClients; ++i) {
      asio::co_spawn(
          ctx.io(),
          [](asio::io_context& io, std::uint16_t port, std::shared_ptr<std::size_t> good,
             std::shared_ptr<std::size_t> done) -> Task<> {
            if (co_await echo_through(io, port, 256 * 1024)) {
              ++*good;
            }
            ++*done;
          }(ctx.io(), inlet.port(), all_good, finished),
          asio::detached);
    }
    EXPECT_TRUE(co_await eventually(
        ctx.io(), [&] { return *finished == kClients; }, 30s));
    EXPECT_EQ(*all_good, kClients);
    EXPECT_EQ(f.target_stats->bytes_received, kClients * 256 * 1024);
    EXPECT_TRUE(co_await eventually(ctx.io(), [&] {
      return inlet.counters().active == 0 && f.outlet->counters().active == 0 &&
             f.target_stats->closed == kClients;
    }));
    EXPECT_EQ(inlet.counters().opened, kClients);
    EXPECT_EQ(f.outlet->counters().opened, kClients);
    // Node-wide, the inlet's and the outlet's portals (both on this node) add up.
    EXPECT_EQ(ctx.router().metrics().portals_opened, 2 * kClients);
    EXPECT_EQ(ctx.router().metrics().portals_open, 0u);
    EXPECT_EQ(ctx.router().addresses().size(), addresses_before);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpPortalsTest, ARefusingTargetClosesTheClientWithinASecond) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto inlet = (co_await f.start_with_inlet(ctx, refused_address(ctx.io()))).value();
    auto client = (co_await connect_client(ctx.io(), inlet.port())).value();
    EXPECT_TRUE(co_await closed_within(client, 1s));
    EXPECT_EQ(f.outlet->counters().target_unreachable, 1u);
    EXPECT_TRUE(co_await eventually(ctx.io(), [&] { return inlet.counters().active == 0; }));
    EXPECT_EQ(ctx.router().metrics().portals_failed, 1u);
    EXPECT_EQ(ctx.router().metrics().portals_open, 0u);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpPortalsTest, GarbageIsDroppedCountedAndClosesOnlyItsPortal) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto target = start_target(ctx.io(), TargetKind::kEcho, f.target_stats);
    auto inlet = (co_await f.start_with_inlet(ctx, target)).value();
    EXPECT_TRUE(co_await echo_through(ctx.io(), inlet.port(), 100'000));

    // Not a Ping: the outlet listener drops and counts it, and opens nothing.
    Bytes not_a_ping{0x03, 0x01, 'x'};
    (co_await send_raw(ctx, route(*f.alice_channel, "outlet"), not_a_ping)).value();
    EXPECT_TRUE(
        co_await eventually(ctx.io(), [&] { return f.outlet->counters().dropped_malformed == 1; }));

    EXPECT_EQ(ctx.router().metrics().portal_messages_dropped, 1u);
    auto portal = (co_await f.raw_portal(ctx, *f.alice_channel)).value();
    EXPECT_TRUE(co_await eventually(ctx.io(), [&] { return f.target_stats->connections == 2; }));
    // Only the outlet's portal of the raw Ping is open (the echo's two portals have closed).
    EXPECT_TRUE(
        co_await eventually(ctx.io(), [&] { return ctx.router().metrics().portals_open == 1; }));
    Bytes garbage{0x07, 0x00};
    (co_await send_raw(ctx, route(*f.alice_channel, portal), garbage)).value();
    auto disconnect = co_await ctx.receive_envelope(5s);
    EXPECT_TRUE(disconnect && disconnect->message.payload == portal::encode_portal_disconnect());
    EXPECT_EQ(f.outlet->counters().dropped_malformed, 2u);
    EXPECT_EQ(ctx.router().metrics().portal_messages_dropped, 2u);
    EXPECT_TRUE(co_await eventually(ctx.io(), [&] { return f.target_stats->closed == 2; }));

    // Other portals keep working.
    EXPECT_TRUE(co_await echo_through(ctx.io(), inlet.port(), 100'000));
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

/// Answers every Ping with a Payload instead of a Pong.
class PayloadBeforePong final : public Worker<Any> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override {
    co_return co_await send_raw_reply(ctx, message.return_route());
  }

 private:
  static Task<Result<void>> send_raw_reply(Context& ctx, Route to) {
    Bytes payload;
    const Bytes data{'x'};
    portal::append_portal_payload(payload, data);
    return send_raw(ctx, std::move(to), std::move(payload));
  }
};

TEST(TcpPortalsTest, APayloadBeforeThePongIsCountedAndClosesTheClient) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = (co_await f.start(ctx, refused_address(ctx.io()))).value();
    (co_await ctx.start_worker("impostor", PayloadBeforePong{})).value();
    ctx.flow_controls().add_consumer("impostor", f.api->flow_control_id());
    auto channel = (co_await f.channel_as(ctx, f.alice)).value();
    auto inlet =
        (co_await tcp.create_inlet("127.0.0.1:0", route(channel, "impostor"), TcpInletOptions()))
            .value();
    auto client = (co_await connect_client(ctx.io(), inlet.port())).value();
    EXPECT_TRUE(co_await closed_within(client, 1s));
    EXPECT_EQ(inlet.counters().dropped_before_pong, 1u);
    EXPECT_EQ(ctx.router().metrics().portal_messages_dropped, 1u);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpPortalsTest, NoPongClosesTheClientAfterThePongTimeout) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = (co_await f.start(ctx, refused_address(ctx.io()))).value();
    auto channel = (co_await f.channel_as(ctx, f.alice)).value();
    // Nothing at "nobody": the Ping is lost.
    auto inlet = (co_await tcp.create_inlet("127.0.0.1:0", route(channel, "nobody"),
                                            TcpInletOptions().with_pong_timeout(200ms)))
                     .value();
    auto client = (co_await connect_client(ctx.io(), inlet.port())).value();
    EXPECT_TRUE(co_await closed_within(client, 2s));
    EXPECT_EQ(inlet.counters().pong_timeouts, 1u);
    EXPECT_EQ(ctx.router().metrics().portals_failed, 1u);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpPortalsTest, MessagesThroughAnotherIdentityAreDroppedAndCounted) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto target = start_target(ctx.io(), TargetKind::kEcho, f.target_stats);
    (void)(co_await f.start(ctx, target)).value();
    auto alice_channel = (co_await f.channel_as(ctx, f.alice)).value();
    auto mallory_channel = (co_await f.channel_as(ctx, f.mallory)).value();
    auto portal = (co_await f.raw_portal(ctx, alice_channel)).value();
    // Even where flow control lets every channel of the listener reach the portal, the portal
    // accepts only the identity its first message came through.
    ctx.flow_controls().add_consumer(portal, f.api->flow_control_id());

    const Bytes evil{'e', 'v', 'i', 'l'};
    Bytes intruder;
    portal::append_portal_payload(intruder, evil);
    (co_await send_raw(ctx, route(mallory_channel, portal), intruder)).value();
    EXPECT_TRUE(co_await eventually(
        ctx.io(), [&] { return f.outlet->counters().dropped_wrong_identity == 1; }));
    EXPECT_EQ(ctx.router().metrics().portal_messages_dropped, 1u);

    const Bytes hi{'h', 'i'};
    Bytes hello;
    portal::append_portal_payload(hello, hi);
    (co_await send_raw(ctx, route(alice_channel, portal), hello)).value();
    auto echoed = co_await ctx.receive_envelope(5s);
    EXPECT_TRUE(echoed && echoed->message.payload == hello);
    EXPECT_EQ(f.target_stats->bytes_received, 2u);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpPortalsTest, ClientsBeyondMaxPortalsAreRefusedAndCounted) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto target = start_target(ctx.io(), TargetKind::kEcho, f.target_stats);
    auto tcp = (co_await f.start(ctx, target)).value();
    auto channel = (co_await f.channel_as(ctx, f.alice)).value();
    PortalLimits one;
    one.max_portals = 1;
    auto inlet = (co_await tcp.create_inlet("127.0.0.1:0", route(channel, "outlet"),
                                            TcpInletOptions().with_limits(one)))
                     .value();
    auto first = (co_await connect_client(ctx.io(), inlet.port())).value();
    EXPECT_TRUE(co_await eventually(ctx.io(), [&] { return f.target_stats->connections == 1; }));
    // The inlet's portal opens when the outlet's pong arrives, which can follow the target's
    // accept: wait for both.
    EXPECT_TRUE(co_await eventually(
        ctx.io(), [&] { return ctx.router().metrics().portals_open == 2; }));  // inlet's, outlet's
    auto second = (co_await connect_client(ctx.io(), inlet.port())).value();
    EXPECT_TRUE(co_await closed_within(second, 1s));
    EXPECT_EQ(inlet.counters().refused_over_limit, 1u);
    EXPECT_EQ(ctx.router().metrics().portals_refused, 1u);
    EXPECT_EQ(ctx.router().metrics().portals_opened, 2u);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpPortalsTest, HalfCloseDeliversWhatWasSentThenClosesBothSides) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto target = start_target(ctx.io(), TargetKind::kEcho, f.target_stats);
    auto inlet = (co_await f.start_with_inlet(ctx, target)).value();
    auto client = (co_await connect_client(ctx.io(), inlet.port())).value();
    Bytes data = crypto::random_bytes(300'000);
    (void)co_await asio::async_write(client, asio::buffer(data), kUseTuple);
    client.shutdown(Socket::shutdown_send);
    // Ockam's protocol has no half-close: the client's EOF closes the portal, after every
    // byte it sent reached the target.
    EXPECT_TRUE(co_await closed_within(client, 2s));
    EXPECT_TRUE(co_await eventually(ctx.io(), [&] { return f.target_stats->closed == 1; }));
    EXPECT_EQ(f.target_stats->bytes_received, data.size());
    EXPECT_TRUE(co_await eventually(ctx.io(), [&] {
      return inlet.counters().active == 0 && f.outlet->counters().active == 0;
    }));
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpPortalsTest, AnAbruptResetClosesTheTargetConnection) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto target = start_target(ctx.io(), TargetKind::kEcho, f.target_stats);
    auto inlet = (co_await f.start_with_inlet(ctx, target)).value();
    auto client = (co_await connect_client(ctx.io(), inlet.port())).value();
    EXPECT_TRUE(co_await eventually(ctx.io(), [&] { return f.target_stats->connections == 1; }));
    client.set_option(asio::socket_base::linger(true, 0));
    client.close();  // RST
    EXPECT_TRUE(co_await eventually(
        ctx.io(), [&] { return f.target_stats->closed == 1; }, 1s));
    EXPECT_TRUE(co_await echo_through(ctx.io(), inlet.port(), 10'000));
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpPortalsTest, AClientThatStopsReadingSlowsTheTarget) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto target = start_target(ctx.io(), TargetKind::kFirehose, f.target_stats);
    auto inlet = (co_await f.start_with_inlet(ctx, target)).value();
    auto client = (co_await connect_client(ctx.io(), inlet.port())).value();
    // The target writes until every buffer on the way is full, then waits.
    asio::steady_timer sample(ctx.io());
    std::size_t last = 0;
    for (int i = 0; i < 50 && (last == 0 || last != f.target_stats->bytes_sent); ++i) {
      last = f.target_stats->bytes_sent;
      sample.expires_after(300ms);
      co_await sample.async_wait(kUseTuple);
    }
    EXPECT_GT(last, 0u);
    EXPECT_EQ(last, f.target_stats->bytes_sent) << "the target was not slowed down";
    // Bound: the client's socket buffers, the inlet portal's window (1 MiB), two channel
    // mailboxes of at most 256 chunks and the target's socket buffers; far below the 512 MiB
    // the target would send to a reader.
    EXPECT_LT(f.target_stats->bytes_sent, 128u * 1024 * 1024);

    // Portals through another channel are not disturbed.
    auto echo_stats = std::make_shared<TargetStats>();
    auto echo_target = start_target(ctx.io(), TargetKind::kEcho, echo_stats);
    (void)(co_await f.transport->create_outlet(
               "echo_outlet", echo_target,
               TcpOutletOptions().as_consumer(f.api->flow_control_id())))
        .value();
    auto other = (co_await f.channel_as(ctx, f.mallory)).value();
    auto other_inlet = (co_await f.transport->create_inlet(
                            "127.0.0.1:0", route(other, "echo_outlet"), TcpInletOptions()))
                           .value();
    EXPECT_TRUE(co_await echo_through(ctx.io(), other_inlet.port(), 1024 * 1024));
    client.close();
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

}  // namespace
}  // namespace ockam
