// The liveness probe shared by relays and inlets: only an exact echo of an unanswered ping
// counts as an answer, and ping_until_lost judges a path by it.
#include <gtest/gtest.h>

#include "node/internal/path_check.hpp"
#include "ockam/core/byte_writer.hpp"
#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"

namespace ockam {
namespace {

using namespace std::chrono_literals;

/// How an EchoPeer answers a ping.
enum class Answer : std::uint8_t { kEcho, kTrailingByte, kOtherNonce, kNothing };

/// EchoPeer answers pings as `*answer` says (an honest echo service, or a broken one).
class EchoPeer final : public Worker<Any> {
 public:
  explicit EchoPeer(std::shared_ptr<Answer> answer) : answer_(std::move(answer)) {}

  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override {
    LocalMessage local = std::move(message).take_local_message();
    LocalMessage reply;
    reply.onward_route = std::move(local.return_route);
    reply.return_route.append(ctx.address());
    switch (*answer_) {
      case Answer::kEcho:
        reply.payload = std::move(local.payload);
        break;
      case Answer::kTrailingByte:
        reply.payload = std::move(local.payload);
        reply.payload.push_back(0);
        break;
      case Answer::kOtherNonce: {
        CborReader in(local.payload);
        std::uint64_t nonce = 0;
        (void)in.read_uint(nonce);
        ByteWriter out;
        CborWriter(out).write_uint(nonce + 1);
        reply.payload = out.take();
        break;
      }
      case Answer::kNothing:
        co_return ok();
    }
    co_return co_await ctx.forward(std::move(reply));
  }

 private:
  std::shared_ptr<Answer> answer_;
};

/// VanishingPeer stops when it receives a ping, as a connection that closes.
class VanishingPeer final : public Worker<Any> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> /*message*/) override {
    asio::co_spawn(ctx.io(), ctx.stop_worker(ctx.address()), asio::detached);
    co_return ok();
  }
};

constexpr std::chrono::milliseconds kAnswerWait{2000};
/// How long a probe waits for an answer that must not count.
constexpr std::chrono::milliseconds kNoAnswerWait{150};

TEST(PathCheckTest, OnlyAnExactEchoOfAnUnansweredPingCounts) {
  Runtime runtime;
  auto result = runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto answer = std::make_shared<Answer>(Answer::kEcho);
    (co_await ctx.start_worker("echo", EchoPeer(answer))).value();
    auto probe = PathProbe::open(ctx.runtime(), route("echo"));
    EXPECT_NE(probe, nullptr);
    if (!probe) {
      co_return ok();
    }
    co_await probe->send_ping();
    EXPECT_TRUE(co_await probe->answer_before(PathProbe::Clock::now() + kAnswerWait));
    EXPECT_EQ(probe->unanswered(), 0u);

    for (Answer broken : {Answer::kTrailingByte, Answer::kOtherNonce}) {
      *answer = broken;
      co_await probe->send_ping();
      EXPECT_FALSE(co_await probe->answer_before(PathProbe::Clock::now() + kNoAnswerWait));
      EXPECT_EQ(probe->unanswered(), 1u);
      // A late honest answer to that same ping still counts.
      *answer = Answer::kEcho;
      co_await probe->send_ping();
      EXPECT_TRUE(co_await probe->answer_before(PathProbe::Clock::now() + kAnswerWait));
      EXPECT_EQ(probe->unanswered(), 0u);
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(PathCheckTest, APeerThatOnlyAnswersWrongBytesIsSilentAndOneThatStopsIsLost) {
  Runtime runtime;
  auto result = runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto answer = std::make_shared<Answer>(Answer::kTrailingByte);
    (co_await ctx.start_worker("echo", EchoPeer(answer))).value();
    PingSchedule schedule{20ms, 3};

    // Never a valid answer: not judged.
    auto check = std::make_shared<PathCheck>();
    EXPECT_EQ(co_await ping_until_lost(ctx.runtime(), route("echo"), schedule, check),
              PathVerdict::kSilent);
    EXPECT_FALSE(check->answered);

    // Wrong answers after a valid one: lost.
    *answer = Answer::kOtherNonce;
    check->answered = true;
    EXPECT_EQ(co_await ping_until_lost(ctx.runtime(), route("echo"), schedule, check),
              PathVerdict::kLost);

    *answer = Answer::kNothing;
    EXPECT_EQ(co_await ping_until_lost(ctx.runtime(), route("echo"), schedule, check),
              PathVerdict::kLost);

    // The first hop going away ends the check at once.
    (co_await ctx.start_worker("hop", VanishingPeer{})).value();
    EXPECT_EQ(co_await ping_until_lost(ctx.runtime(), route("hop"), PingSchedule{10s, 3}, check),
              PathVerdict::kFirstHopGone);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

}  // namespace
}  // namespace ockam
