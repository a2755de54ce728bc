// Issue 8's attacks that go through secure channels: request forgery through a channel,
// floods of half-open handshakes, and failing fast when the connection under a handshake or a
// request closes.
#include <gtest/gtest.h>

#include <asio/read.hpp>
#include <asio/write.hpp>

#include "ockam/channel/secure_channels.hpp"
#include "ockam/core/bare.hpp"
#include "ockam/node/runtime.hpp"
#include "ockam/transport/tcp/constants.hpp"
#include "ockam/transport/tcp/tcp_transport.hpp"
#include "support/echoer.hpp"
#include "support/hostile_peer.hpp"

namespace ockam {
namespace {

using namespace std::chrono_literals;
using testing::wait_until;

struct Fixture {
  Runtime runtime;
  std::shared_ptr<identity::Identities> identities =
      std::make_shared<identity::Identities>(std::make_shared<vault::Vault>());
  SecureChannels channels{identities};
  identity::Identity bob = identities->create_identity().value();
  identity::Identity alice = identities->create_identity().value();

  /// Starts "echoer" behind a channel listener "bob" behind a TCP listener.
  Task<Result<TcpListener>> start_bob(Context& ctx, TcpTransport& tcp,
                                      SecureChannelListenerOptions options) {
    auto tcp_listener = co_await tcp.listen("127.0.0.1:0");
    if (!tcp_listener) {
      co_return tcp_listener.error();
    }
    (void)co_await ctx.start_worker("echoer", testing::Echoer{});
    auto listener = co_await channels.create_listener(
        ctx, bob, "bob", std::move(options).as_consumer(tcp_listener->flow_control_id()));
    if (!listener) {
      co_return listener.error();
    }
    ctx.flow_controls().add_consumer("echoer", listener->flow_control_id());
    co_return tcp_listener;
  }
};

const NodeMetrics& metrics(Context& ctx) {
  return ctx.router().metrics();
}

TEST(HostileChannelPeerTest, AChannelPeerCannotMakeTheResponderOpenConnections) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto bob = (co_await f.start_bob(ctx, tcp, SecureChannelListenerOptions())).value();
    // Where the forged messages would make the responder connect: nobody may connect here.
    asio::ip::tcp::acceptor target(ctx.io(), testing::loopback_endpoint(0));
    std::string port = std::to_string(target.local_endpoint().port());
    auto connection = (co_await tcp.connect(bob.socket_address())).value();
    auto channel = (co_await f.channels.create_channel(ctx, f.alice, route(connection, "bob"),
                                                       SecureChannelOptions()))
                       .value();
    std::uint64_t connections_before = metrics(ctx).tcp_connections;
    const std::vector<std::string> hosts{"127.0.0.1",  "0x7f.0.0.1", "0177.0.0.1",     "127.1",
                                         "2130706433", "localhost",  "127.000.000.001"};
    constexpr std::size_t kForged = 300;
    for (std::size_t i = 0; i < kForged; ++i) {
      std::string spelled = hosts[i % hosts.size()] + ":" + port;
      (co_await ctx.send(route(channel, tcp_address(spelled), "echoer"), std::string("x"))).value();
    }
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).dropped(DropReason::kForgery) == kForged; }, 10s));
    EXPECT_EQ(metrics(ctx).tcp_connections, connections_before);
    target.non_blocking(true);
    asio::error_code ec;
    auto accepted = target.accept(ec);
    EXPECT_EQ(ec, asio::error::would_block) << "the responder connected to the target";
    // The channel still works.
    EXPECT_EQ((co_await ctx.send_and_receive<std::string>(route(channel, "echoer"),
                                                          std::string("still here")))
                  .value(),
              "still here");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(HostileChannelPeerTest, HalfOpenHandshakesAreBoundedAndTheOldestIsDropped) {
  Fixture f;
  constexpr std::size_t kLimit = 500;
  constexpr std::size_t kFlood = 1000;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    SecureChannelListenerOptions options;
    options.max_half_open_handshakes = kLimit;
    auto bob = (co_await f.start_bob(ctx, tcp, options)).value();
    // An unauthenticated client sends handshake message 1s and never reads the answers.
    Bytes flood{tcp::kProtocolVersion};
    for (std::size_t i = 0; i < kFlood; ++i) {
      Bytes frame = testing::handshake_start(route("bob"), i);
      flood.insert(flood.end(), frame.begin(), frame.end());
    }
    std::size_t rss_before = testing::rss_kib();
    testing::RawPeers attacker;
    EXPECT_TRUE(attacker.open(bob.port(), 1, flood));
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).dropped(DropReason::kLimits) >= kFlood - kLimit; }, 20s));
    EXPECT_LE(metrics(ctx).half_open_handshakes, kLimit);
    // What one half-open handshake holds: the RSS growth with kLimit of them, less the answers
    // queued toward the attacker.
    std::size_t growth = testing::rss_growth_kib(rss_before) * 1024;
    std::size_t queued = metrics(ctx).buffered_bytes;
    std::size_t per_half_open = (growth > queued ? growth - queued : 0) / kLimit;
    std::printf("half-open handshake: %zu bytes of RSS each (%zu held, %zu bytes queued)\n",
                per_half_open, kLimit, queued);
    if (testing::kRssIsMeaningful) {
      EXPECT_LT(per_half_open, 32u * 1024);
    }
    // A well-behaved initiator gets its channel during the attack.
    auto connection = (co_await tcp.connect(bob.socket_address())).value();
    auto channel = co_await f.channels.create_channel(ctx, f.alice, route(connection, "bob"),
                                                      SecureChannelOptions().with_timeout(10s));
    EXPECT_TRUE(channel) << channel.error().to_string();
    if (channel) {
      EXPECT_EQ((co_await ctx.send_and_receive<std::string>(route(*channel, "echoer"),
                                                            std::string("served")))
                    .value(),
                "served");
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kChannelsPerConnection = 100;  // handshakes are 15 times slower
#else
constexpr std::size_t kChannelsPerConnection = 2000;
#endif

/// Opens `count` channels to "bob" over `connection`.
Task<std::vector<SecureChannel>> open_channels(Context& ctx, Fixture& f,
                                               const TcpConnection& connection, std::size_t count) {
  std::vector<SecureChannel> channels;
  for (std::size_t i = 0; i < count; ++i) {
    auto channel = co_await f.channels.create_channel(ctx, f.alice, route(connection, "bob"),
                                                      SecureChannelOptions());
    if (!channel) {
      ADD_FAILURE() << channel.error().to_string();
      break;
    }
    channels.push_back(std::move(*channel));
  }
  co_return channels;
}

TEST(HostileChannelPeerTest, ClosingAConnectionUnderManyChannelsTakesWellUnderASecond) {
  Fixture f;
  constexpr std::size_t kN = kChannelsPerConnection;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto bob = (co_await f.start_bob(ctx, tcp, SecureChannelListenerOptions())).value();
    Router& router = ctx.router();
    std::size_t rss_before = testing::rss_kib();
    std::size_t addresses_before = router.addresses().size();
    auto closing = (co_await tcp.connect(bob.socket_address())).value();
    auto doomed = co_await open_channels(ctx, f, closing, kN);
    std::size_t addresses_of_closing = router.addresses().size() - addresses_before;
    auto staying = (co_await tcp.connect(bob.socket_address())).value();
    auto kept = co_await open_channels(ctx, f, staying, kN);
    EXPECT_EQ(kept.size(), kN);
    std::size_t addresses_with_both = router.addresses().size();
    std::size_t per_channel = testing::rss_growth_kib(rss_before) * 1024 / (2 * kN);
    std::printf(
        "%zu channels over each of two connections: %zu bytes of RSS per channel "
        "(both ends)\n",
        kN, per_channel);
    if (testing::kRssIsMeaningful) {
      EXPECT_LT(per_channel, 64u * 1024);
    }

    // Both ends of the closing connection go, and with them the 2 x kN channel ends over it.
    auto started = std::chrono::steady_clock::now();
    (void)tcp.disconnect(closing.sender_address());
    EXPECT_TRUE(co_await wait_until(
        ctx,
        [&] { return router.addresses().size() == addresses_with_both - addresses_of_closing; },
        10s));
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    std::printf("closing a connection under %zu channels (%zu others open) took %lld ms\n", kN, kN,
                static_cast<long long>(took.count()));
    // Was 70 s for 30,000 channels; 0.2-0.3 s here for 2,000. The bound leaves room for a
    // loaded machine (0.9 s seen under four parallel builds) without hiding a quadratic cost.
    EXPECT_LT(took, 2s);
    EXPECT_EQ(metrics(ctx).tcp_connections, 2u);  // both ends of the staying connection
    for (const SecureChannel& channel : doomed) {
      EXPECT_FALSE(router.has_address(channel.encryptor_address()));
    }
    // Every channel over the other connection still works.
    std::size_t answered = 0;
    for (const SecureChannel& channel : kept) {
      auto reply = co_await ctx.send_and_receive<std::string>(route(channel, "echoer"),
                                                              std::string("still here"));
      answered += reply && *reply == "still here" ? 1 : 0;
    }
    EXPECT_EQ(answered, kN);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

/// How long the peer of the fail-fast tests keeps its connection open.
constexpr std::chrono::milliseconds kHold = 300ms;

/// How long after `hold` a wait of `took` ended.
long long ms_after(std::chrono::steady_clock::duration took, std::chrono::milliseconds hold) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(took - hold).count();
}

/// Accepts one connection on `acceptor`, exchanges version bytes, reads for `hold`, closes it.
Task<> accept_then_close(asio::ip::tcp::acceptor& acceptor, std::chrono::milliseconds hold) {
  auto [ec, socket] = co_await acceptor.async_accept(kUseTuple);
  if (ec) {
    co_return;
  }
  std::uint8_t version = tcp::kProtocolVersion;
  (void)co_await asio::async_write(socket, asio::buffer(&version, 1), kUseTuple);
  asio::steady_timer timer(acceptor.get_executor());
  timer.expires_after(hold);
  co_await timer.async_wait(kUseTuple);
  socket.close();
}

TEST(HostileChannelPeerTest, AHandshakeFailsAtOnceWhenItsConnectionCloses) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    asio::ip::tcp::acceptor middle(ctx.io(), testing::loopback_endpoint(0));
    asio::co_spawn(ctx.io(), accept_then_close(middle, kHold), asio::detached);
    auto connection =
        (co_await tcp.connect("127.0.0.1:" + std::to_string(middle.local_endpoint().port())))
            .value();
    auto started = std::chrono::steady_clock::now();
    auto channel = co_await f.channels.create_channel(ctx, f.alice, route(connection, "bob"),
                                                      SecureChannelOptions().with_timeout(60s));
    auto took = std::chrono::steady_clock::now() - started;
    EXPECT_FALSE(channel);
    if (!channel) {
      EXPECT_EQ(channel.error().kind(), Kind::kIo);
    }
    EXPECT_LT(took, 5s);  // was the whole handshake timeout
    std::printf("the handshake failed %lld ms after its connection closed\n",
                static_cast<long long>(ms_after(took, kHold)));
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(HostileChannelPeerTest, SendAndReceiveFailsAtOnceWhenItsConnectionCloses) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    asio::ip::tcp::acceptor server(ctx.io(), testing::loopback_endpoint(0));
    asio::co_spawn(ctx.io(), accept_then_close(server, kHold), asio::detached);
    auto connection =
        (co_await tcp.connect("127.0.0.1:" + std::to_string(server.local_endpoint().port())))
            .value();
    auto started = std::chrono::steady_clock::now();
    auto reply = co_await ctx.send_and_receive<std::string>(route(connection, "echoer"),
                                                            std::string("anyone?"), 60s);
    auto took = std::chrono::steady_clock::now() - started;
    EXPECT_FALSE(reply);
    if (!reply) {
      EXPECT_EQ(reply.error().kind(), Kind::kIo);
    }
    EXPECT_LT(took, 5s);
    std::printf("the request failed %lld ms after its connection closed\n",
                static_cast<long long>(ms_after(took, kHold)));
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

}  // namespace
}  // namespace ockam
