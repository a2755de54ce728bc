#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <future>
#include <string>
#include <thread>

#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>

#include "ockam/node/runtime.hpp"
#include "ockam/transport/tcp/tcp_transport.hpp"
#include "ockam/transport/tcp/transport_message.hpp"

/// Helpers for the hostile-network tests: what the process holds, raw attacking sockets, and a
/// well-behaved client in a node of its own.
namespace ockam::testing {

/// Whether RSS figures say anything about our own memory: AddressSanitizer adds redzones and
/// keeps freed memory in quarantine, so under it the RSS bounds are not asserted (the counters
/// still are).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kRssIsMeaningful = false;
#else
inline constexpr bool kRssIsMeaningful = true;
#endif

/// The process's resident set size in KiB (VmRSS in /proc/self/status).
inline std::size_t rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      return std::stoul(line.substr(6));
    }
  }
  return 0;
}

/// How much the resident set grew since `before_kib` (0 when it shrank).
inline std::size_t rss_growth_kib(std::size_t before_kib) {
  std::size_t now = rss_kib();
  return now > before_kib ? now - before_kib : 0;
}

/// wait_until polls `condition` every 5 ms on the node's thread until it holds or `timeout`
/// passes, and tells whether it held.
inline Task<bool> wait_until(Context& ctx, std::function<bool()> condition,
                             std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  asio::steady_timer timer(ctx.io());
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      co_return false;
    }
    timer.expires_after(std::chrono::milliseconds(5));
    co_await timer.async_wait(kUseTuple);
  }
  co_return true;
}

/// loopback_endpoint is 127.0.0.1:`port`.
inline asio::ip::tcp::endpoint loopback_endpoint(std::uint16_t port) {
  return {asio::ip::make_address("127.0.0.1"), port};
}

/// frame_to is the bytes of one TCP frame to `onward` carrying `payload` (a BARE string when
/// made with bare::encode), with return route ["attacker"].
inline Bytes frame_to(Route onward, ByteView payload) {
  Bytes frame;
  (void)tcp::append_frame(frame, onward, route("attacker"), payload);
  return frame;
}

/// limit_send_buffer_towards sets the kernel send buffer of this process's TCP socket whose
/// peer is `peer` (found among the process's descriptors) to about `bytes`, as on a host with
/// small socket buffers: what a node sends beyond it waits in the node's own bounded queue
/// instead of the kernel's autotuned buffer (up to 4 MB). False when no such socket is open.
inline bool limit_send_buffer_towards(const asio::ip::tcp::endpoint& peer, int bytes) {
  for (int fd = 0; fd < 4096; ++fd) {
    sockaddr_in address{};
    socklen_t length = sizeof(address);
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0 ||
        address.sin_family != AF_INET) {
      continue;
    }
    if (ntohs(address.sin_port) == peer.port() &&
        ntohl(address.sin_addr.s_addr) == peer.address().to_v4().to_uint()) {
      return ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof(bytes)) == 0;
    }
  }
  return false;
}

/// handshake_start is the bytes of one TCP frame to `onward` carrying a secure channel
/// handshake's first message: an ephemeral X25519 key, made distinct by `i`.
inline Bytes handshake_start(Route onward, std::size_t i) {
  Bytes ephemeral(32, 0x42);
  ephemeral[0] = static_cast<std::uint8_t>(i);
  ephemeral[1] = static_cast<std::uint8_t>(i >> 8);
  return frame_to(std::move(onward), ephemeral);
}

/// RawPeers are attacking sockets with their own io_context, used with blocking calls only
/// where they cannot block (connect and small writes on loopback). Closed when destroyed.
class RawPeers {
 public:
  /// Opens `count` connections to `port` and writes `bytes` on each; false if one failed.
  bool open(std::uint16_t port, std::size_t count, const Bytes& bytes) {
    for (std::size_t i = 0; i < count; ++i) {
      asio::ip::tcp::socket& socket = sockets_.emplace_back(io_);
      asio::error_code ec;
      socket.connect(loopback_endpoint(port), ec);
      if (!ec && !bytes.empty()) {
        asio::write(socket, asio::buffer(bytes), ec);
      }
      if (ec) {
        return false;
      }
    }
    return true;
  }
  /// How many of the sockets the other side has closed (checked without blocking).
  std::size_t closed_by_peer() {
    std::size_t closed = 0;
    for (asio::ip::tcp::socket& socket : sockets_) {
      asio::error_code ec;
      socket.non_blocking(true, ec);
      std::array<std::uint8_t, 256> sink{};
      for (;;) {
        socket.read_some(asio::buffer(sink), ec);
        if (ec) {
          break;
        }
      }
      if (ec != asio::error::would_block) {
        ++closed;
      }
    }
    return closed;
  }
  std::vector<asio::ip::tcp::socket>& sockets() { return sockets_; }
  void close() { sockets_.clear(); }

 private:
  asio::io_context io_;
  std::vector<asio::ip::tcp::socket> sockets_;
};

/// WellBehavedClient runs a node of its own in a thread that connects to `address`, asks
/// `echoer` (through the workers named in `path` first, if any) to echo "ping" and keeps the
/// answer (or the error's text).
class WellBehavedClient {
 public:
  explicit WellBehavedClient(std::string address, std::vector<std::string> path = {}) {
    thread_ = std::thread([this, address = std::move(address), path = std::move(path)] {
      Runtime runtime;
      std::string answer;
      auto result = runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
        auto tcp = TcpTransport::create(ctx);
        auto connection = co_await tcp.connect(address);
        if (!connection) {
          co_return connection.error();
        }
        Route to_echoer = route(*connection);
        for (const std::string& hop : path) {
          to_echoer.append(Address(hop));
        }
        to_echoer.append(Address("echoer"));
        auto reply = co_await ctx.send_and_receive<std::string>(
            std::move(to_echoer), std::string("ping"), std::chrono::seconds(10));
        if (!reply) {
          co_return reply.error();
        }
        answer = *reply;
        co_return ok();
      });
      answer_ = result ? answer : "error: " + result.error().to_string();
      done_ = true;
    });
  }
  ~WellBehavedClient() { thread_.join(); }
  WellBehavedClient(const WellBehavedClient&) = delete;
  WellBehavedClient& operator=(const WellBehavedClient&) = delete;

  bool done() const { return done_; }
  /// The reply ("ping" when served); read it once done() holds.
  const std::string& answer() const { return answer_; }

 private:
  std::thread thread_;
  std::atomic<bool> done_{false};
  std::string answer_;
};

/// served is the answer a well-behaved client gets from the node at `address` ("ping" when
/// served), waiting on `ctx`'s node without blocking it. The client gives up by its own
/// timeouts (connect and reply), so this always returns.
inline Task<std::string> served(Context& ctx, std::string address, std::vector<std::string> path) {
  WellBehavedClient client(std::move(address), std::move(path));
  (void)co_await wait_until(
      ctx, [&client] { return client.done(); }, std::chrono::seconds(30));
  co_return client.done() ? client.answer() : "not served";
}
// An overload rather than a default argument of class type: GCC 12 mishandles the lifetime of
// such defaults inside co_await expressions.
inline Task<std::string> served(Context& ctx, std::string address) {
  return served(ctx, std::move(address), std::vector<std::string>());
}

}  // namespace ockam::testing
