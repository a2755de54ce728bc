#include "ockam/node/context.hpp"

#include <gtest/gtest.h>

#include "ockam/node/runtime.hpp"
#include "test_workers.hpp"

namespace ockam {
namespace {

using testing::Journal;
using testing::kNoReplyTimeout;
using testing::kReplyTimeout;
using testing::Recorder;
using testing::run_node_test;

/// Stands in for a transport connection: a message arrives at "sender" (or "receiver") and the
/// reply leaves from "receiver", the producer of a flow, as replies leave a TCP receiver.
class Connection final : public Worker<std::string> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<std::string> message) override {
    co_return co_await ctx.send_from_address(message.return_route(), message.body(),
                                             Address("receiver"));
  }
};

/// Silent takes every message and never replies.
class Silent final : public Worker<std::string> {
 public:
  Task<Result<void>> handle_message(Context&, Routed<std::string>) override { co_return ok(); }
};

Task<Result<void>> start_connection(Context& ctx) {
  FlowControls& flows = ctx.flow_controls();
  FlowControlId flow = FlowControlId::generate();
  flows.add_producer("receiver", flow, std::nullopt, {Address("sender")});
  std::vector<MailboxSpec> mailboxes{
      {"sender"}, {"receiver", nullptr, flows.producer_access_control(flow, std::nullopt)}};
  co_return co_await ctx.start_worker_with_mailboxes(std::move(mailboxes),
                                                     std::make_shared<Connection>());
}

TEST(ContextTest, SendToAnAddressThatDoesNotExistReturnsNotFound) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    auto sent = co_await ctx.send(route("nobody"), std::string("hello"));
    EXPECT_FALSE(sent);
    EXPECT_EQ(sent.error().kind(), Kind::kNotFound);
    co_return ok();
  });
}

TEST(ContextTest, SendAlongAnEmptyRouteReturnsInvalid) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    auto sent = co_await ctx.send(Route{}, std::string("hello"));
    EXPECT_FALSE(sent);
    EXPECT_EQ(sent.error().kind(), Kind::kInvalid);
    co_return ok();
  });
}

TEST(ContextTest, ReceivePastItsTimeoutReturnsTimeout) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    auto start = std::chrono::steady_clock::now();
    auto received = co_await ctx.receive<std::string>(kNoReplyTimeout);
    auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_FALSE(received);
    EXPECT_EQ(received.error().kind(), Kind::kTimeout);
    EXPECT_EQ(received.error().detail(), timed_out_after(kNoReplyTimeout));
    EXPECT_GE(waited, kNoReplyTimeout);
    EXPECT_LT(waited, kReplyTimeout);
    co_return ok();
  });
}

TEST(ContextTest, SendAndReceiveErrorsNameTheFirstHopAndTheReason) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    auto unknown = co_await ctx.send_and_receive<std::string>(route("nobody", "echoer"), "ping",
                                                              kNoReplyTimeout);
    EXPECT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind(), Kind::kNotFound);
    EXPECT_EQ(unknown.error().to_string(),
              "node/not found: no worker at the destination address (first hop 0#nobody)");

    (co_await ctx.start_worker("silent", Silent{})).value();
    auto silent =
        co_await ctx.send_and_receive<std::string>(route("silent"), "ping", kNoReplyTimeout);
    EXPECT_FALSE(silent);
    EXPECT_EQ(silent.error().kind(), Kind::kTimeout);
    EXPECT_EQ(silent.error().detail(), "first hop 0#silent: " + timed_out_after(kNoReplyTimeout));
    co_return ok();
  });
}

TEST(ContextTest, SendAndReceiveTakeStringLiteralsAndViews) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("echoer", Recorder(std::make_shared<Journal>()))).value();
    std::string_view view = "from a view";
    auto literal = co_await ctx.send_and_receive<std::string>(route("echoer"), "a literal");
    EXPECT_EQ(literal.value(), "a literal");
    auto viewed = co_await ctx.send_and_receive<std::string>(route("echoer"), view);
    EXPECT_EQ(viewed.value(), "from a view");
    (co_await ctx.send(route("echoer"), "sent")).value();
    auto received = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(*received, "sent");
    EXPECT_EQ(received->size(), 4u);
    co_return ok();
  });
}

TEST(ContextTest, ReceiveOfABodyOfAnotherTypeReturnsParse) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("echoer", Recorder(journal))).value();
    (co_await ctx.send(route("echoer"), std::string("hi"))).value();
    auto received = co_await ctx.receive<std::uint64_t>(kReplyTimeout);
    EXPECT_FALSE(received);
    EXPECT_EQ(received.error().kind(), Kind::kParse);
    co_return ok();
  });
}

TEST(ContextTest, ReceivedMessagesCarryTheirRoutesAndSender) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("echoer", Recorder(journal))).value();
    (co_await ctx.send(route("echoer"), std::string("hi"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "hi");
    EXPECT_EQ(reply.msg_address(), ctx.address());
    EXPECT_EQ(reply.onward_route(), route(ctx.address()));
    EXPECT_EQ(reply.return_route(), route("echoer"));
    EXPECT_EQ(*reply.sender(), Address("echoer"));
    co_return ok();
  });
}

TEST(ContextTest, SendAndReceiveReturnsTheReplyAndReleasesItsTemporaryAddress) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("echoer", Recorder(journal))).value();
    std::size_t addresses = ctx.router().addresses().size();
    auto reply = co_await ctx.send_and_receive<std::string>(route("echoer"), std::string("ping"),
                                                            kReplyTimeout);
    EXPECT_EQ(reply.value(), "ping");
    EXPECT_EQ(ctx.router().addresses().size(), addresses);
    // The request came from a temporary address, not the main context.
    EXPECT_NE(journal->return_routes.at(0), route(ctx.address()));
    co_return ok();
  });
}

TEST(ContextTest, RepliesFromAFlowProducerAreDroppedForNonConsumers) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    (co_await start_connection(ctx)).value();
    (co_await ctx.send(route("sender"), std::string("ping"))).value();
    auto reply = co_await ctx.receive<std::string>(kNoReplyTimeout);
    EXPECT_FALSE(reply);
    EXPECT_EQ(ctx.flow_controls().denied_count(), 1u);
    EXPECT_EQ(ctx.router().denied_count(), 1u);
    co_return ok();
  });
}

TEST(ContextTest, SendAndReceiveAdmitsRepliesWhenTheFirstHopIsAProducer) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    (co_await start_connection(ctx)).value();
    auto reply = co_await ctx.send_and_receive<std::string>(route("receiver"), std::string("ping"),
                                                            kReplyTimeout);
    EXPECT_EQ(reply.value(), "ping");
    EXPECT_EQ(ctx.flow_controls().denied_count(), 0u);
    co_return ok();
  });
}

TEST(ContextTest, SendAndReceiveAdmitsRepliesWhenTheFirstHopIsAProducersAdditionalAddress) {
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    (co_await start_connection(ctx)).value();
    auto reply = co_await ctx.send_and_receive<std::string>(route("sender"), std::string("ping"),
                                                            kReplyTimeout);
    EXPECT_EQ(reply.value(), "ping");
    EXPECT_EQ(ctx.flow_controls().denied_count(), 0u);
    co_return ok();
  });
}

TEST(ContextTest, DetachedContextReceivesAtItsOwnAddressAndUnregistersWhenDestroyed) {
  auto journal = std::make_shared<Journal>();
  run_node_test([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("echoer", Recorder(journal))).value();
    Address detached_address;
    {
      auto detached = ctx.new_detached_context().value();
      detached_address = detached->address();
      EXPECT_NE(detached_address, ctx.address());
      EXPECT_TRUE(ctx.router().has_address(detached_address));
      (co_await detached->send(route("echoer"), std::string("mine"))).value();
      auto reply = (co_await detached->receive<std::string>(kReplyTimeout)).value();
      EXPECT_EQ(reply.body(), "mine");
    }
    EXPECT_FALSE(ctx.router().has_address(detached_address));
    auto main_inbox = co_await ctx.receive<std::string>(kNoReplyTimeout);
    EXPECT_EQ(main_inbox.error().kind(), Kind::kTimeout);
    co_return ok();
  });
}

TEST(ContextTest, ReceiveOnAWorkersContextIsMisuse) {
  class Receiving final : public Worker<std::string> {
   public:
    Task<Result<void>> handle_message(Context& ctx, Routed<std::string> message) override {
      auto received = co_await ctx.receive_envelope(kNoReplyTimeout);
      std::string kind = received ? "received" : to_string(received.error().kind());
      co_return co_await ctx.send(message.return_route(), kind);
    }
  };
  run_node_test([](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("receiving", Receiving{})).value();
    (co_await ctx.send(route("receiving"), std::string("go"))).value();
    auto reply = (co_await ctx.receive<std::string>(kReplyTimeout)).value();
    EXPECT_EQ(reply.body(), "misuse");
    co_return ok();
  });
}

}  // namespace
}  // namespace ockam
