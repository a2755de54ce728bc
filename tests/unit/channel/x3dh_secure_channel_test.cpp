// Secure channels whose key agreement is X3DH (X3dhKeyExchange behind the channel workers):
// round trips, listeners that accept both key agreements, and hostile peers, each of which must
// fail the initiator's create_channel at once with its own error while the listener keeps serving.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>

#include "ockam/channel/secure_channels.hpp"
#include "ockam/channel/x3dh_key_exchange.hpp"
#include "ockam/node/runtime.hpp"
#include "support/identity_echoer.hpp"

namespace ockam {
namespace {

using namespace std::chrono_literals;
using channel::KeyAgreement;

using Echoer = testing::IdentityEchoer;

/// A hop in both directions that rewrites the payload of the n-th message it forwards (counting
/// from 0 in either direction), when told to: a man in the middle.
class Mitm final : public Worker<Any> {
 public:
  struct Plan {
    std::size_t seen = 0;
    std::size_t target = 0;
    std::function<void(Bytes&)> rewrite;
    Bytes first_message;  // the first payload it ever forwarded, for replays
  };
  explicit Mitm(std::shared_ptr<Plan> plan) : plan_(std::move(plan)) {}
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override {
    LocalMessage local = std::move(message).take_local_message();
    (void)local.onward_route.step();
    local.return_route.prepend(ctx.address());
    if (plan_->first_message.empty()) {
      plan_->first_message = local.payload;
    }
    if (plan_->rewrite && plan_->seen == plan_->target) {
      plan_->rewrite(local.payload);
      plan_->rewrite = nullptr;
    }
    ++plan_->seen;
    co_return co_await ctx.forward(std::move(local));
  }

 private:
  std::shared_ptr<Plan> plan_;
};

/// A responder that runs X3DH with one purpose key but presents the attestation of another:
/// its identity does not match the IK of the exchange.
class MismatchedResponder final : public Worker<Any> {
 public:
  MismatchedResponder(std::shared_ptr<identity::Identities> identities, identity::Identity self)
      : identities_(std::move(identities)), self_(std::move(self)) {}
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override {
    if (exchange_) {
      co_return ok();  // the initiator's identity message: ignored
    }
    auto used = identities_->create_secure_channel_purpose_key(self_.identifier()).value();
    auto other = identities_->create_secure_channel_purpose_key(self_.identifier()).value();
    used.attestation = other.attestation;
    auto prekey = channel::X3dhSignedPrekey::create(*identities_->vault(), used.key).value();
    exchange_ = channel::X3dhKeyExchange::create_responder(identities_, self_, used, prekey,
                                                           identity::trust_everyone())
                    .value();
    LocalMessage local = std::move(message).take_local_message();
    if (!exchange_->handle_message(local.payload)) {
      co_return ok();
    }
    while (auto next = exchange_->next_message()) {
      if (!*next) {
        break;
      }
      LocalMessage reply;
      reply.onward_route = local.return_route;
      reply.return_route = Route{ctx.address()};
      reply.payload = std::move(**next);
      (void)co_await ctx.forward(std::move(reply));
    }
    co_return ok();
  }

 private:
  std::shared_ptr<identity::Identities> identities_;
  identity::Identity self_;
  std::unique_ptr<channel::X3dhKeyExchange> exchange_;
};

struct Fixture {
  Runtime runtime;
  std::shared_ptr<identity::Identities> identities =
      std::make_shared<identity::Identities>(std::make_shared<vault::Vault>());
  SecureChannels channels{identities};
  identity::Identity bob = identities->create_identity().value();
  identity::Identity alice = identities->create_identity().value();
  std::shared_ptr<std::vector<std::string>> peers = std::make_shared<std::vector<std::string>>();

  Task<Result<SecureChannelListener>> start_listener(Context& ctx, identity::Identity self,
                                                     Address address,
                                                     std::vector<KeyAgreement> agreements) {
    auto listener = co_await channels.create_listener(
        ctx, std::move(self), std::move(address),
        SecureChannelListenerOptions().with_key_agreements(std::move(agreements)));
    if (listener) {
      ctx.flow_controls().add_consumer("echoer", listener->flow_control_id());
    }
    co_return listener;
  }
};

// Made outside the coroutines: GCC 12 cannot keep a braced list's array in a coroutine frame.
std::vector<KeyAgreement> x3dh_only() {
  return {KeyAgreement::kX3dh};
}
std::vector<KeyAgreement> xx_only() {
  return {KeyAgreement::kNoiseXx};
}
std::vector<KeyAgreement> both_agreements() {
  return {KeyAgreement::kNoiseXx, KeyAgreement::kX3dh};
}

SecureChannelOptions x3dh_options() {
  return SecureChannelOptions().with_key_agreement(KeyAgreement::kX3dh).with_timeout(10s);
}

/// Sends `count` messages through `channel` to the echoer and checks each reply.
Task<Result<void>> round_trips(Context& ctx, const SecureChannel& channel, int count) {
  for (int i = 0; i < count; ++i) {
    auto reply =
        co_await ctx.send_and_receive<std::string>(route(channel, "echoer"), std::to_string(i));
    if (!reply) {
      co_return reply.error();
    }
    EXPECT_EQ(*reply, std::to_string(i));
  }
  co_return ok();
}

TEST(X3dhSecureChannelTest, RoundTripsBothWaysWithVerifiedIdentities) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (void)co_await ctx.start_worker("echoer", Echoer(f.peers));
    (co_await f.start_listener(ctx, f.bob, "bob", x3dh_only())).value();
    (co_await f.start_listener(ctx, f.alice, "alice", x3dh_only())).value();
    auto to_bob =
        (co_await f.channels.create_channel(ctx, f.alice, route("bob"), x3dh_options())).value();
    EXPECT_EQ(to_bob.their_identifier(), f.bob.identifier());
    // 40 round trips: past the first rekey, with the channel's nonces starting after the
    // identity messages.
    (co_await round_trips(ctx, to_bob, 40)).value();
    auto to_alice =
        (co_await f.channels.create_channel(ctx, f.bob, route("alice"), x3dh_options())).value();
    EXPECT_EQ(to_alice.their_identifier(), f.alice.identifier());
    (co_await round_trips(ctx, to_alice, 3)).value();
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  ASSERT_EQ(f.peers->size(), 43u);
  EXPECT_EQ(f.peers->front(), f.alice.identifier().to_string());
  EXPECT_EQ(f.peers->back(), f.bob.identifier().to_string());
}

TEST(X3dhSecureChannelTest, AListenerMayAcceptBothKeyAgreements) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (void)co_await ctx.start_worker("echoer", Echoer(f.peers));
    (co_await f.start_listener(ctx, f.bob, "bob", both_agreements())).value();
    (co_await f.start_listener(ctx, f.bob, "bob_xx", xx_only())).value();
    auto xx =
        (co_await f.channels.create_channel(ctx, f.alice, route("bob"), SecureChannelOptions()))
            .value();
    auto x3dh =
        (co_await f.channels.create_channel(ctx, f.alice, route("bob"), x3dh_options())).value();
    (co_await round_trips(ctx, xx, 2)).value();
    (co_await round_trips(ctx, x3dh, 2)).value();
    // An X3DH initiator at a Noise-only listener gets a Noise message 2: refused at once.
    auto started = std::chrono::steady_clock::now();
    auto refused =
        co_await f.channels.create_channel(ctx, f.alice, route("bob_xx"), x3dh_options());
    EXPECT_FALSE(refused);
    EXPECT_STREQ(refused.error().message(), "the X3DH prekey bundle is not 160 bytes");
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(f.peers->size(), 4u);
}

struct HostileCase {
  const char* name;
  std::size_t message;  // which message through the man in the middle to rewrite (0 = M1)
  std::function<void(Bytes&, const Bytes& first_message)> rewrite;
  Kind kind;
  const char* error;
};

TEST(X3dhSecureChannelTest, HostileBundlesFailTheInitiatorAtOnceAndTheListenerKeepsServing) {
  const HostileCase cases[] = {
      {"flipped signature bit", 1, [](Bytes& m, const Bytes&) { m[100] ^= 0x01; }, Kind::kProtocol,
       "the X3DH prekey signature does not verify"},
      {"flipped SPK bit", 1, [](Bytes& m, const Bytes&) { m[40] ^= 0x01; }, Kind::kProtocol,
       "the X3DH prekey signature does not verify"},
      {"short bundle", 1, [](Bytes& m, const Bytes&) { m.pop_back(); }, Kind::kProtocol,
       "the X3DH prekey bundle is not 160 bytes"},
      {"long bundle", 1, [](Bytes& m, const Bytes&) { m.push_back(0); }, Kind::kProtocol,
       "the X3DH prekey bundle is not 160 bytes"},
      {"low-order OPK", 1, [](Bytes& m, const Bytes&) { std::fill(m.begin() + 128, m.end(), 0); },
       Kind::kProtocol, "an X3DH Diffie-Hellman result is all zero"},
      {"replayed M1", 0, [](Bytes& m, const Bytes& first) { m = first; }, Kind::kProtocol,
       "the peer's identity message does not decrypt"},
      {"tampered identity message", 2, [](Bytes& m, const Bytes&) { m.back() ^= 0x01; },
       Kind::kProtocol, "the peer's identity message does not decrypt"},
  };
  Fixture f;
  auto plan = std::make_shared<Mitm::Plan>();
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (void)co_await ctx.start_worker("echoer", Echoer(f.peers));
    (co_await f.start_listener(ctx, f.bob, "bob", x3dh_only())).value();
    (co_await ctx.start_worker("mitm", Mitm(plan))).value();
    // A clean channel through the man in the middle first: it records this M1 for the replay.
    auto clean =
        (co_await f.channels.create_channel(ctx, f.alice, route("mitm", "bob"), x3dh_options()))
            .value();
    (co_await round_trips(ctx, clean, 1)).value();
    for (const HostileCase& c : cases) {
      plan->seen = 0;
      plan->target = c.message;
      plan->rewrite = [&c, plan](Bytes& m) { c.rewrite(m, plan->first_message); };
      auto started = std::chrono::steady_clock::now();
      auto channel =
          co_await f.channels.create_channel(ctx, f.alice, route("mitm", "bob"), x3dh_options());
      EXPECT_FALSE(channel) << c.name;
      if (!channel) {
        EXPECT_EQ(channel.error().kind(), c.kind) << c.name;
        EXPECT_STREQ(channel.error().message(), c.error) << c.name;
      }
      EXPECT_LT(std::chrono::steady_clock::now() - started, 2s) << c.name;
      // The listener still serves an honest initiator.
      auto honest =
          (co_await f.channels.create_channel(ctx, f.alice, route("bob"), x3dh_options())).value();
      (co_await round_trips(ctx, honest, 1)).value();
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(X3dhSecureChannelTest, AnIdentityThatDoesNotAttestTheExchangesKeyFailsAtOnce) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("rogue", MismatchedResponder(f.identities, f.bob))).value();
    auto started = std::chrono::steady_clock::now();
    auto channel = co_await f.channels.create_channel(ctx, f.alice, route("rogue"), x3dh_options());
    EXPECT_FALSE(channel);
    if (!channel) {
      EXPECT_EQ(channel.error().kind(), Kind::kProtocol);
      EXPECT_STREQ(channel.error().message(), "the peer's purpose key is not its handshake key");
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(X3dhSecureChannelTest, TrustPoliciesRefuseOnBothSides) {
  Fixture f;
  auto result = f.runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (void)co_await ctx.start_worker("echoer", Echoer(f.peers));
    (co_await f.start_listener(ctx, f.bob, "bob", x3dh_only())).value();
    auto started = std::chrono::steady_clock::now();
    auto refused = co_await f.channels.create_channel(
        ctx, f.alice, route("bob"),
        x3dh_options().with_trust_policy(identity::trust_identifier(f.alice.identifier())));
    EXPECT_FALSE(refused);
    if (!refused) {
      EXPECT_EQ(refused.error().kind(), Kind::kPermission);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    // A listener that trusts only Bob drops Alice silently: her messages never arrive.
    auto strict = (co_await f.channels.create_listener(
                       ctx, f.bob, "bob_strict",
                       SecureChannelListenerOptions()
                           .with_key_agreements(x3dh_only())
                           .with_trust_policy(identity::trust_identifier(f.bob.identifier()))))
                      .value();
    ctx.flow_controls().add_consumer("echoer", strict.flow_control_id());
    auto dropped =
        (co_await f.channels.create_channel(ctx, f.alice, route("bob_strict"), x3dh_options()))
            .value();
    auto reply = co_await ctx.send_and_receive<std::string>(route(dropped, "echoer"),
                                                            std::string("let me in"), 300ms);
    EXPECT_FALSE(reply);
    // The listener still serves others.
    auto honest =
        (co_await f.channels.create_channel(ctx, f.alice, route("bob"), x3dh_options())).value();
    (co_await round_trips(ctx, honest, 1)).value();
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(f.peers->size(), 1u);
}

}  // namespace
}  // namespace ockam
