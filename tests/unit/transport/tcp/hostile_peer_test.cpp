// Each attack of issue 8's table on the TCP transport, scaled to run in seconds: the bound
// holds (node metrics, VmRSS) and a well-behaved client is served during and after.
#include <sys/resource.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include <asio/read.hpp>

#include "ockam/core/bare.hpp"
#include "ockam/node/runtime.hpp"
#include "ockam/transport/tcp/constants.hpp"
#include "ockam/transport/tcp/tcp_transport.hpp"
#include "support/echoer.hpp"
#include "support/hostile_peer.hpp"

namespace ockam {
namespace {

using namespace std::chrono_literals;
using testing::kRssIsMeaningful;
using testing::RawPeers;
using testing::rss_growth_kib;
using testing::rss_kib;
using testing::served;
using testing::wait_until;

/// Starts "echoer" and a listener on a free loopback port whose connections may reach it.
Task<Result<TcpListener>> start_echo_server(Context& ctx, TcpLimits limits,
                                            TcpListenerOptions options) {
  auto tcp = TcpTransport::create(ctx, limits);
  if (auto started = co_await ctx.start_worker("echoer", testing::Echoer{}); !started) {
    co_return started.error();
  }
  auto listener = co_await tcp.listen("127.0.0.1:0", std::move(options));
  if (!listener) {
    co_return listener.error();
  }
  ctx.flow_controls().add_consumer("echoer", listener->flow_control_id());
  co_return std::move(*listener);
}

const NodeMetrics& metrics(Context& ctx) {
  return ctx.router().metrics();
}

/// A frame header announcing a 16 MiB body, after the version byte, and one byte of it.
const Bytes kSlowFrameStart{0x01, 0x01, 0x00, 0x00, 0x00, 0xa0};

TEST(HostilePeerTest, IdleConnectionsCostAFewKiBEachAndTheListenerBoundsThem) {
  constexpr std::size_t kLimit = 300;
  constexpr std::size_t kAttackers = 400;
  Runtime node;
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    TcpListenerOptions options;
    options.max_connections = kLimit;
    auto listener = co_await start_echo_server(ctx, TcpLimits(), options);
    if (!listener) {
      co_return listener.error();
    }
    RawPeers warm_up;
    EXPECT_TRUE(warm_up.open(listener->port(), 20, Bytes{0x01}));
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).tcp_connections == 20; }, 5s));
    warm_up.close();
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).tcp_connections == 0; }, 5s));
    std::size_t rss_before = rss_kib();

    RawPeers idle;
    EXPECT_TRUE(idle.open(listener->port(), kAttackers, Bytes{0x01}));  // version byte only
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).dropped(DropReason::kLimits) >= kAttackers - kLimit; },
        10s));
    EXPECT_EQ(metrics(ctx).tcp_connections, kLimit);
    std::size_t per_connection = rss_growth_kib(rss_before) * 1024 / kLimit;
    std::printf("idle connection: %zu bytes of RSS each (%zu connections)\n", per_connection,
                kLimit);
    if (kRssIsMeaningful) {
      EXPECT_LT(per_connection, 8u * 1024);
    }
    EXPECT_LT(metrics(ctx).buffered_bytes, 64u * 1024);  // the version bytes queued to send

    // A newcomer replaces the oldest connection that never delivered a frame.
    EXPECT_EQ(co_await served(ctx, listener->socket_address()), "ping");
    idle.close();
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).tcp_connections == 0; }, 5s));
    EXPECT_EQ(co_await served(ctx, listener->socket_address()), "ping");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(HostilePeerTest, SlowFramesAreNeverAllocatedToTheirAnnouncedLengthAndAreReaped) {
  constexpr std::size_t kAttackers = 200;
  Runtime node;
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    TcpLimits limits;
    limits.frame_deadline = 1500ms;
    limits.version_deadline = 1500ms;
    auto listener = co_await start_echo_server(ctx, limits, TcpListenerOptions());
    if (!listener) {
      co_return listener.error();
    }
    std::size_t rss_before = rss_kib();
    auto started = std::chrono::steady_clock::now();
    RawPeers slow;
    EXPECT_TRUE(slow.open(listener->port(), kAttackers, kSlowFrameStart));
    RawPeers silent;  // never send the version byte
    EXPECT_TRUE(silent.open(listener->port(), 20, Bytes{}));
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).tcp_connections == kAttackers + 20; }, 5s));
    std::size_t rss_growth = rss_growth_kib(rss_before);
    std::printf("%zu connections announcing 16 MiB: RSS +%zu KiB, %llu bytes buffered\n",
                kAttackers, rss_growth,
                static_cast<unsigned long long>(metrics(ctx).buffered_bytes));
    if (kRssIsMeaningful) {
      EXPECT_LT(rss_growth, 16u * 1024);  // was 16 MiB per connection
    }
    EXPECT_LT(metrics(ctx).buffered_bytes, 64u * 1024);
    EXPECT_EQ(co_await served(ctx, listener->socket_address()), "ping");

    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).tcp_connections == 0; }, 5s));
    auto reaped_after = std::chrono::steady_clock::now() - started;
    std::printf("reaped after %lld ms\n",
                static_cast<long long>(
                    std::chrono::duration_cast<std::chrono::milliseconds>(reaped_after).count()));
    EXPECT_EQ(metrics(ctx).dropped(DropReason::kLimits), kAttackers + 20);
    EXPECT_EQ(slow.closed_by_peer(), kAttackers);
    EXPECT_EQ(silent.closed_by_peer(), 20u);
    EXPECT_EQ(metrics(ctx).buffered_bytes, 0u);
    EXPECT_EQ(co_await served(ctx, listener->socket_address()), "ping");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(HostilePeerTest, UnfinishedFramesTogetherStayWithinTheTransportsBudget) {
  Runtime node;
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    TcpLimits limits;
    limits.max_unfinished_frame_bytes = 2 * 1024 * 1024;
    auto listener = co_await start_echo_server(ctx, limits, TcpListenerOptions());
    if (!listener) {
      co_return listener.error();
    }
    Bytes half_a_frame(kSlowFrameStart.begin(), kSlowFrameStart.end() - 1);
    half_a_frame.resize(half_a_frame.size() + 768 * 1024, 0xa0);
    RawPeers greedy;
    EXPECT_TRUE(greedy.open(listener->port(), 8, half_a_frame));
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).dropped(DropReason::kLimits) >= 5; }, 5s));
    EXPECT_LE(metrics(ctx).buffered_bytes, limits.max_unfinished_frame_bytes + 2 * 1024 * 1024);
    EXPECT_EQ(co_await served(ctx, listener->socket_address()), "ping");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(HostilePeerTest, APeerThatDoesNotReadIsClosedAndItsSenderGoesOn) {
  Runtime node;
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    TcpLimits limits;
    limits.max_pending_write_bytes = 64 * 1024;
    limits.write_stall_timeout = 500ms;
    auto listener = co_await start_echo_server(ctx, limits, TcpListenerOptions());
    if (!listener) {
      co_return listener.error();
    }
    // The attacker asks for echoes of 8 KiB, as fast as the node reads, and never reads the
    // answers (a small receive window, set before connecting).
    asio::io_context attacker_io;
    asio::ip::tcp::socket attacker(attacker_io);
    attacker.open(asio::ip::tcp::v4());
    attacker.set_option(asio::socket_base::receive_buffer_size(4096));
    attacker.connect(testing::loopback_endpoint(listener->port()));
    Bytes request = testing::frame_to(route("echoer"), bare::encode(std::string(8192, 'x')));
    std::atomic<std::size_t> requests_sent{0};
    std::thread writer([&] {
      asio::error_code ec;
      std::uint8_t version = tcp::kProtocolVersion;
      asio::write(attacker, asio::buffer(&version, 1), ec);
      while (!ec && requests_sent < 100'000) {
        asio::write(attacker, asio::buffer(request), ec);
        ++requests_sent;
      }
    });
    bool closed = co_await wait_until(
        ctx, [&] { return metrics(ctx).dropped(DropReason::kLimits) >= 1; }, 15s);
    EXPECT_TRUE(closed);
    ::shutdown(attacker.native_handle(), SHUT_RDWR);  // ends a writer still blocked in write
    writer.join();
    std::printf("the attacker sent %zu echo requests before it was cut off\n",
                requests_sent.load());
    // The echoer is not stuck: another client is served.
    EXPECT_EQ(co_await served(ctx, listener->socket_address()), "ping");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(HostilePeerTest, FramesToAnUnknownAddressAreCountedAndNotLoggedOneByOne) {
  constexpr std::size_t kFrames = 5000;
  Runtime node;
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto listener = co_await start_echo_server(ctx, TcpLimits(), TcpListenerOptions());
    if (!listener) {
      co_return listener.error();
    }
    Bytes stream{tcp::kProtocolVersion};
    // Peer text with a terminal escape sequence: it must never reach the log raw.
    Bytes frame = testing::frame_to(route("nobody\x1b[2J"), bare::encode(std::string("x")));
    for (std::size_t i = 0; i < kFrames; ++i) {
      stream.insert(stream.end(), frame.begin(), frame.end());
    }
    ::testing::internal::CaptureStderr();
    RawPeers flood;
    EXPECT_TRUE(flood.open(listener->port(), 1, stream));
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).dropped(DropReason::kUnknownAddress) == kFrames; }, 10s));
    std::string logged = ::testing::internal::GetCapturedStderr();
    EXPECT_LE(std::count(logged.begin(), logged.end(), '\n'), 1) << logged;
    EXPECT_EQ(logged.find('\x1b'), std::string::npos);
    EXPECT_EQ(co_await served(ctx, listener->socket_address()), "ping");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(HostilePeerTest, AcceptErrorsBackOffInsteadOfSpinning) {
  Runtime node;
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto listener = co_await start_echo_server(ctx, TcpLimits(), TcpListenerOptions());
    if (!listener) {
      co_return listener.error();
    }
    // Connect 40 sockets (the node has accepted none yet: it has not run), then leave the
    // process room for only a few more descriptors.
    RawPeers peers;
    EXPECT_TRUE(peers.open(listener->port(), 40, Bytes{0x01}));
    rlimit original{};
    getrlimit(RLIMIT_NOFILE, &original);
    int highest = 0;
    for (auto& socket : peers.sockets()) {
      highest = std::max(highest, socket.native_handle());
    }
    rlimit lowered = original;
    lowered.rlim_cur = static_cast<rlim_t>(highest + 6);
    setrlimit(RLIMIT_NOFILE, &lowered);

    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    asio::steady_timer pause(ctx.io());
    pause.expires_after(1500ms);
    co_await pause.async_wait(kUseTuple);
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    setrlimit(RLIMIT_NOFILE, &original);

    auto cpu_us = [](const rusage& r) {
      return r.ru_utime.tv_sec * 1'000'000 + r.ru_utime.tv_usec + r.ru_stime.tv_sec * 1'000'000 +
             r.ru_stime.tv_usec;
    };
    long spent_ms = (cpu_us(after) - cpu_us(before)) / 1000;
    std::uint64_t failures = metrics(ctx).dropped(DropReason::kLimits);
    std::printf("accept errors in 1.5 s: %llu, CPU %ld ms\n",
                static_cast<unsigned long long>(failures), spent_ms);
    EXPECT_GE(failures, 1u);
    EXPECT_LE(failures, 10u);  // 100, 200, 400, 800 ms pauses; was a busy loop
    EXPECT_LT(spent_ms, 500);
    // Once descriptors are free again, the backlog is accepted and a new client is served.
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return metrics(ctx).tcp_connections == 40; }, 5s));
    EXPECT_EQ(co_await served(ctx, listener->socket_address()), "ping");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

}  // namespace
}  // namespace ockam
