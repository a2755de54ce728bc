// stream-initiator (test-only): creates an end-to-end secure channel over two TCP hops like the
// seed 003 initiator, then streams request/reply messages to the Echoer through it until it has
// `--count` replies, `--seconds` have passed, or a message fails.
//   --to HOST:PORT        the middle node (default localhost:3000)
//   --count N             how many replies to wait for (default 1000)
//   --seconds S           stop after this many seconds (default 60)
//   --timeout-ms MS       how long to wait for each reply (default 2000)
// Prints "stream started", "stream replies: K" every 100 replies, and "stream done: K replies".
// Exit status: 0 when the stream completed, 3 on the first failed message (after printing
// "stream error: <error>"), 1 when setting up the channel failed, 2 on bad flags.
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "ockam/ockam.hpp"
#include "support/arguments.hpp"

namespace {

constexpr int kStreamFailedStatus = 3;
constexpr int kBadFlagsStatus = 2;
constexpr std::uint64_t kRepliesPerProgressLine = 100;

/// StreamOptions are the command-line settings of the stream.
struct StreamOptions {
  std::string to;
  std::uint64_t count = 0;
  std::chrono::seconds duration{0};
  std::chrono::milliseconds reply_timeout{0};
};

/// parse_count returns the flag `name` as a positive integer (or `fallback` when absent), or
/// nothing when its value is not a positive decimal integer.
std::optional<std::uint64_t> parse_count(int argc, char** argv, std::string_view name,
                                         std::string fallback) {
  std::string text = ockam::examples::flag_value(argc, argv, name, std::move(fallback));
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) {
    return std::nullopt;
  }
  return value;
}

/// parse_options reads the flags, or returns nothing (after printing why) when one is invalid.
std::optional<StreamOptions> parse_options(int argc, char** argv) {
  auto count = parse_count(argc, argv, "--count", "1000");
  auto seconds = parse_count(argc, argv, "--seconds", "60");
  auto timeout_ms = parse_count(argc, argv, "--timeout-ms", "2000");
  if (!count || !seconds || !timeout_ms) {
    std::fprintf(stderr, "--count, --seconds and --timeout-ms take positive integers\n");
    return std::nullopt;
  }
  StreamOptions options;
  options.to = ockam::examples::flag_value(argc, argv, "--to", "localhost:3000");
  options.count = *count;
  options.duration = std::chrono::seconds(*seconds);
  options.reply_timeout = std::chrono::milliseconds(*timeout_ms);
  return options;
}

/// check_echo succeeds when `reply` holds `message`; otherwise it returns the reply's error, or
/// an application error when the echo differs.
ockam::Result<void> check_echo(const ockam::Result<std::string>& reply,
                               const std::string& message) {
  if (!reply) {
    return reply.error();
  }
  if (*reply != message) {
    return ockam::Error(ockam::Origin::kApplication, ockam::Kind::kProtocol,
                        "the echo differs from the message");
  }
  return ockam::ok();
}

/// stream sets up the channel, then sends messages through it and waits for each echo. On the
/// first failed message it prints the error, sets `*failed` and stops the node; errors while
/// setting up are returned.
ockam::Task<ockam::Result<void>> stream(ockam::Node node, StreamOptions options, bool* failed) {
  auto alice = co_await node.create_identity();
  if (!alice) {
    co_return alice.error();
  }
  auto tcp = co_await node.create_tcp_transport();
  if (!tcp) {
    co_return tcp.error();
  }
  auto connection_to_middle_node = co_await tcp->connect(options.to);
  if (!connection_to_middle_node) {
    co_return connection_to_middle_node.error();
  }
  auto channel = co_await node.create_secure_channel(
      *alice, ockam::route(*connection_to_middle_node, "forward_to_bob", "bob_listener"));
  if (!channel) {
    co_return channel.error();
  }
  std::printf("stream started\n");
  std::fflush(stdout);

  const auto deadline = std::chrono::steady_clock::now() + options.duration;
  std::uint64_t replies = 0;
  while (replies < options.count && std::chrono::steady_clock::now() < deadline) {
    std::string message = "stream message " + std::to_string(replies);
    auto reply = co_await node.send_and_receive<std::string>(ockam::route(*channel, "echoer"),
                                                             message, options.reply_timeout);
    if (auto echoed = check_echo(reply, message); !echoed) {
      std::printf("stream error: %s\n", echoed.error().to_string().c_str());
      std::fflush(stdout);
      *failed = true;
      co_return co_await node.stop();
    }
    ++replies;
    if (replies % kRepliesPerProgressLine == 0) {
      std::printf("stream replies: %llu\n", static_cast<unsigned long long>(replies));
      std::fflush(stdout);
    }
  }
  std::printf("stream done: %llu replies\n", static_cast<unsigned long long>(replies));
  std::fflush(stdout);
  co_return co_await node.stop();
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse_options(argc, argv);
  if (!options) {
    return kBadFlagsStatus;
  }
  bool failed = false;
  int status = ockam::run_node(
      [&options, &failed](ockam::Node node) { return stream(std::move(node), *options, &failed); });
  return failed ? kStreamFailedStatus : status;
}
