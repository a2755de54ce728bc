#include <gtest/gtest.h>

#include <chrono>

#include "ockam/channel/secure_channels.hpp"
#include "ockam/node/runtime.hpp"
#include "ockam/transport/tcp/tcp_transport.hpp"
#include "support/hostile_peer.hpp"
#include "support/identity_echoer.hpp"

namespace ockam {
namespace {

using namespace std::chrono_literals;

using Echoer = testing::IdentityEchoer;
using testing::wait_until;

/// A hop that can corrupt or duplicate the next message it forwards (a man in the middle).
class Mitm final : public Worker<Any> {
 public:
  enum class Action { kPass, kCorruptNext, kDuplicateNext };
  explicit Mitm(std::shared_ptr<Action> action) : action_(std::move(action)) {}
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override {
    LocalMessage local = std::move(message).take_local_message();
    (void)local.onward_route.step();
    local.return_route.prepend(ctx.address());
    Action action = std::exchange(*action_, Action::kPass);
    if (action == Action::kCorruptNext && !local.payload.empty()) {
      local.payload.back() ^= 0x01;
    }
    if (action == Action::kDuplicateNext) {
      (void)co_await ctx.forward(local);
    }
    co_return co_await ctx.forward(std::move(local));
  }

 private:
  std::shared_ptr<Action> action_;
};

/// A path under a channel that can change, as a reconnecting transport's: from Alice's side
/// ("switch") it sends each message through the hop `*via` names instead of the one Alice's
/// route holds; from Bob's side ("switch_in") it passes replies on to Alice.
class Switch final : public Worker<Any> {
 public:
  explicit Switch(std::shared_ptr<Address> via) : via_(std::move(via)) {}
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override {
    const bool outbound = message.msg_address() == Address("switch");
    LocalMessage local = std::move(message).take_local_message();
    (void)local.onward_route.step();
    if (outbound) {
      (void)local.onward_route.step();  // the path Alice's route names
      local.onward_route.prepend(*via_);
      local.return_route.prepend("switch_in");
    } else {
      local.return_route.prepend("switch");
    }
    co_return co_await ctx.forward_from_address(std::move(local),
                                                outbound ? "switch" : "switch_in");
  }

 private:
  std::shared_ptr<Address> via_;
};

/// Records where the peer-identifier LocalInfo of each message it gets is stored, and replies.
class InfoRecorder final : public Worker<std::string> {
 public:
  explicit InfoRecorder(std::shared_ptr<std::vector<const Bytes*>> seen) : seen_(std::move(seen)) {}
  Task<Result<void>> handle_message(Context& ctx, Routed<std::string> msg) override {
    seen_->push_back(msg.local_message().find_local_info(channel::kIdentityLocalInfoType));
    co_return co_await ctx.send(msg.return_route(), msg.body());
  }

 private:
  std::shared_ptr<std::vector<const Bytes*>> seen_;
};

struct Fixture {
  Runtime runtime;
  std::shared_ptr<identity::Identities> identities =
      std::make_shared<identity::Identities>(std::make_shared<vault::Vault>());
  SecureChannels channels{identities};
  identity::Identity bob = identities->create_identity().value();
  identity::Identity alice = identities->create_identity().value();
  std::shared_ptr<std::vector<std::string>> peers = std::make_shared<std::vector<std::string>>();

  Task<Result<SecureChannelListener>> start_bob(Context& ctx, identity::TrustPolicy policy) {
    (void)co_await ctx.start_worker("echoer", Echoer(peers));
    auto listener = co_await channels.create_listener(
        ctx, bob, "bob", SecureChannelListenerOptions().with_trust_policy(std::move(policy)));
    if (listener) {
      ctx.flow_controls().add_consumer("echoer", listener->flow_control_id());
    }
    co_return listener;
  }

  /// Starts Bob (trusting everyone) and opens Alice's channel to him.
  Task<Result<SecureChannel>> open_channel(Context& ctx) {
    (co_await start_bob(ctx, identity::trust_everyone())).value();
    co_return co_await channels.create_channel(ctx, alice, route("bob"), SecureChannelOptions());
  }
};

TEST(SecureChannelTest, DeliversTheInitiatorsIdentifierAndTheReply) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto channel = (co_await f.open_channel(ctx)).value();
    EXPECT_EQ(channel.their_identifier(), f.bob.identifier());
    auto reply =
        co_await ctx.send_and_receive<std::string>(route(channel, "echoer"), std::string("hello"));
    EXPECT_EQ(reply.value(), "hello");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  ASSERT_EQ(f.peers->size(), 1u);
  EXPECT_EQ(f.peers->front(), f.alice.identifier().to_string());
}

TEST(SecureChannelTest, EveryMessageOfAChannelSharesOneCopyOfThePeersIdentifier) {
  // The decryptor attaches the same LocalInfo to each message: no copy (and no allocation)
  // of the identifier per message.
  Fixture f;
  auto seen = std::make_shared<std::vector<const Bytes*>>();
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto listener = (co_await f.start_bob(ctx, identity::trust_everyone())).value();
    (void)co_await ctx.start_worker("recorder", InfoRecorder(seen));
    ctx.flow_controls().add_consumer("recorder", listener.flow_control_id());
    auto channel =
        (co_await f.channels.create_channel(ctx, f.alice, route("bob"), SecureChannelOptions()))
            .value();
    for (int i = 0; i < 3; ++i) {
      auto reply =
          co_await ctx.send_and_receive<std::string>(route(channel, "recorder"), std::string("hi"));
      EXPECT_EQ(reply.value(), "hi");
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  ASSERT_EQ(seen->size(), 3u);
  ASSERT_NE(seen->front(), nullptr);
  EXPECT_EQ((*seen)[1], seen->front());
  EXPECT_EQ((*seen)[2], seen->front());
}

TEST(SecureChannelTest, InitiatorTrustPolicyFailsTheHandshakeAtOnce) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (co_await f.start_bob(ctx, identity::trust_everyone())).value();
    auto started = std::chrono::steady_clock::now();
    auto channel = co_await f.channels.create_channel(
        ctx, f.alice, route("bob"),
        SecureChannelOptions().with_trust_policy(identity::trust_identifier(f.alice.identifier())));
    EXPECT_FALSE(channel);
    EXPECT_EQ(channel.error().kind(), Kind::kPermission);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(SecureChannelTest, ResponderTrustPolicyDropsAnUntrustedInitiator) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (co_await f.start_bob(ctx, identity::trust_identifier(f.bob.identifier()))).value();
    auto channel =
        (co_await f.channels.create_channel(ctx, f.alice, route("bob"), SecureChannelOptions()))
            .value();
    auto reply = co_await ctx.send_and_receive<std::string>(route(channel, "echoer"),
                                                            std::string("let me in"), 300ms);
    EXPECT_FALSE(reply);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_TRUE(f.peers->empty());
}

TEST(SecureChannelTest, TamperedAndReplayedMessagesAreDroppedAndTheChannelKeepsWorking) {
  Fixture f;
  auto action = std::make_shared<Mitm::Action>(Mitm::Action::kPass);
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (co_await f.start_bob(ctx, identity::trust_everyone())).value();
    (co_await ctx.start_worker("mitm", Mitm(action))).value();
    auto channel = (co_await f.channels.create_channel(ctx, f.alice, route("mitm", "bob"),
                                                       SecureChannelOptions()))
                       .value();
    *action = Mitm::Action::kCorruptNext;
    auto corrupted = co_await ctx.send_and_receive<std::string>(route(channel, "echoer"),
                                                                std::string("one"), 300ms);
    EXPECT_FALSE(corrupted);
    *action = Mitm::Action::kDuplicateNext;
    auto duplicated =
        co_await ctx.send_and_receive<std::string>(route(channel, "echoer"), std::string("two"));
    EXPECT_EQ(duplicated.value(), "two");
    for (int i = 0; i < 70; ++i) {  // across two rekeys
      auto reply =
          co_await ctx.send_and_receive<std::string>(route(channel, "echoer"), std::to_string(i));
      EXPECT_EQ(reply.value(), std::to_string(i));
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(f.peers->size(), 71u);  // "two" once, and the 70 others; "one" never
}

/// Swallows everything: a listener that never answers.
class BlackHole final : public Worker<Any> {
 public:
  Task<Result<void>> handle_message(Context&, Routed<Any>) override { co_return ok(); }
};

TEST(SecureChannelTest, UnknownListenerFailsAtOnceAndSilentListenerTimesOut) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto missing =
        co_await f.channels.create_channel(ctx, f.alice, route("nobody"), SecureChannelOptions());
    EXPECT_FALSE(missing);
    EXPECT_EQ(missing.error().kind(), Kind::kNotFound);
    (co_await ctx.start_worker("black_hole", BlackHole{})).value();
    auto silent = co_await f.channels.create_channel(ctx, f.alice, route("black_hole"),
                                                     SecureChannelOptions().with_timeout(200ms));
    EXPECT_FALSE(silent);
    EXPECT_EQ(silent.error().kind(), Kind::kTimeout);
    EXPECT_EQ(silent.error().to_string(),
              "channel/timeout: the secure channel handshake timed out "
              "(route 0#black_hole: timed out after 200 ms)");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(SecureChannelTest, ClosingTheTransportClosesTheChannel) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto tcp_listener = (co_await tcp.listen("127.0.0.1:0")).value();
    (void)co_await ctx.start_worker("echoer", Echoer(f.peers));
    auto listener =
        (co_await f.channels.create_listener(
             ctx, f.bob, "bob",
             SecureChannelListenerOptions().as_consumer(tcp_listener.flow_control_id())))
            .value();
    ctx.flow_controls().add_consumer("echoer", listener.flow_control_id());
    auto connection = (co_await tcp.connect(tcp_listener.socket_address())).value();
    auto channel = (co_await f.channels.create_channel(ctx, f.alice, route(connection, "bob"),
                                                       SecureChannelOptions()))
                       .value();
    EXPECT_EQ((co_await ctx.send_and_receive<std::string>(route(channel, "echoer"),
                                                          std::string("before")))
                  .value(),
              "before");
    EXPECT_TRUE(tcp.disconnect(connection.sender_address()));
    EXPECT_TRUE(co_await wait_until(
        ctx, [&] { return !ctx.router().has_address(channel.encryptor_address()); }, 5s));
    auto after = co_await ctx.send(route(channel, "echoer"), std::string("after"));
    EXPECT_FALSE(after);
    EXPECT_EQ(after.error().kind(), Kind::kNotFound);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(SecureChannelTest, ACompletedResponderLeavesNoReapingTimerBehind) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto channel = (co_await f.open_channel(ctx)).value();
    EXPECT_EQ(
        (co_await ctx.send_and_receive<std::string>(route(channel, "echoer"), std::string("hi")))
            .value(),
        "hi");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  // Every worker has stopped. A responder's reaping timer (30 s) still pending would keep the
  // io_context busy: nothing may be left to run.
  f.runtime.io().restart();
  f.runtime.io().poll();
  EXPECT_TRUE(f.runtime.io().stopped());
}

TEST(SecureChannelTest, ARoamingResponderWatchesItsNewFirstHopOnly) {
  Fixture f;
  auto via = std::make_shared<Address>("path_a");
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (co_await f.start_bob(ctx, identity::trust_everyone())).value();
    for (const char* hop : {"path_a", "path_b"}) {
      (co_await ctx.start_worker(hop, Mitm(std::make_shared<Mitm::Action>(Mitm::Action::kPass))))
          .value();
    }
    std::vector<MailboxSpec> sides{{"switch"}, {"switch_in"}};
    (co_await ctx.start_worker_with_mailboxes(std::move(sides), std::make_shared<Switch>(via)))
        .value();
    auto channel = (co_await f.channels.create_channel(
                        ctx, f.alice, route("switch", "path_a", "bob"), SecureChannelOptions()))
                       .value();
    for (const char* text : {"one", "two"}) {
      EXPECT_EQ(
          (co_await ctx.send_and_receive<std::string>(route(channel, "echoer"), std::string(text)))
              .value(),
          text);
    }
    *via = Address("path_b");  // Bob follows Alice's messages to the new path...
    EXPECT_EQ(
        (co_await ctx.send_and_receive<std::string>(route(channel, "echoer"), std::string("three")))
            .value(),
        "three");
    // ... so the old path going away no longer closes the channel.
    (co_await ctx.stop_worker("path_a")).value();
    EXPECT_EQ((co_await ctx.send_and_receive<std::string>(route(channel, "echoer"),
                                                          std::string("four"), 2s))
                  .value(),
              "four");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(f.peers->size(), 4u);
}

TEST(SecureChannelTest, ARefusedPeerIsNotRememberedAndAnAcceptedOneIs) {
  Runtime runtime;
  auto vault = std::make_shared<vault::Vault>();
  auto bob_identities = std::make_shared<identity::Identities>(vault);
  auto alice_identities = std::make_shared<identity::Identities>(vault);
  SecureChannels bob_channels{bob_identities};
  SecureChannels alice_channels{alice_identities};
  identity::Identity bob = bob_identities->create_identity().value();
  identity::Identity alice = alice_identities->create_identity().value();
  identity::Identity carol = alice_identities->create_identity().value();
  auto peers = std::make_shared<std::vector<std::string>>();
  auto result = runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("echoer", Echoer(peers))).value();
    auto listener =
        (co_await bob_channels.create_listener(ctx, bob, "bob",
                                               SecureChannelListenerOptions().with_trust_policy(
                                                   identity::trust_identifier(alice.identifier()))))
            .value();
    ctx.flow_controls().add_consumer("echoer", listener.flow_control_id());
    // Refused by the initiator: Alice's side does not keep Bob.
    auto refused_by_carol = co_await alice_channels.create_channel(
        ctx, carol, route("bob"),
        SecureChannelOptions().with_trust_policy(identity::trust_identifier(alice.identifier())));
    EXPECT_FALSE(refused_by_carol);
    EXPECT_EQ(alice_identities->get(bob.identifier()).error().kind(), Kind::kNotFound);
    // Refused by the responder: Carol's handshake completes on her side only.
    auto carols =
        (co_await alice_channels.create_channel(ctx, carol, route("bob"), SecureChannelOptions()))
            .value();
    auto unanswered = co_await ctx.send_and_receive<std::string>(route(carols, "echoer"),
                                                                 std::string("let me in"), 300ms);
    EXPECT_FALSE(unanswered);
    EXPECT_EQ(bob_identities->get(carol.identifier()).error().kind(), Kind::kNotFound);
    // Accepted: remembered on both sides.
    auto alices =
        (co_await alice_channels.create_channel(ctx, alice, route("bob"), SecureChannelOptions()))
            .value();
    EXPECT_EQ(
        (co_await ctx.send_and_receive<std::string>(route(alices, "echoer"), std::string("hello")))
            .value(),
        "hello");
    EXPECT_TRUE(bob_identities->get(alice.identifier()));
    EXPECT_TRUE(alice_identities->get(bob.identifier()));
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

}  // namespace
}  // namespace ockam
