#include "ockam/channel/secure_channels.hpp"

#include "channel/internal/decryptor_worker.hpp"
#include "channel/internal/listener_worker.hpp"
#include "ockam/channel/handshake_machine.hpp"
#include "ockam/channel/x3dh_key_exchange.hpp"

namespace ockam {
namespace {

/// The initiator's side of the chosen key agreement.
Result<std::unique_ptr<channel::KeyExchange>> initiator_exchange(
    std::shared_ptr<identity::Identities> identities, const identity::Identity& self,
    identity::SecureChannelPurposeKey purpose_key, identity::TrustPolicy trust_policy,
    channel::KeyAgreement key_agreement) {
  if (key_agreement == channel::KeyAgreement::kX3dh) {
    auto exchange = channel::X3dhKeyExchange::create_initiator(
        std::move(identities), self, purpose_key, std::move(trust_policy));
    if (!exchange) {
      return exchange.error();
    }
    return std::unique_ptr<channel::KeyExchange>(std::move(*exchange));
  }
  auto machine =
      channel::HandshakeMachine::create(noise::Role::kInitiator, std::move(identities), self,
                                        std::move(purpose_key), std::move(trust_policy));
  if (!machine) {
    return machine.error();
  }
  return std::unique_ptr<channel::KeyExchange>(std::move(*machine));
}

}  // namespace

Task<Result<SecureChannelListener>> SecureChannels::create_listener(
    Context& ctx, identity::Identity self, Address address, SecureChannelListenerOptions options) {
  FlowControlId flow_id = FlowControlId::generate();
  FlowControls& flows = ctx.flow_controls();
  for (const FlowControlId& id : options.consumer_of) {
    flows.add_consumer(address, id);
  }
  std::vector<MailboxSpec> mailboxes{{address, nullptr, nullptr}};
  auto started = co_await ctx.start_worker_with_mailboxes(
      std::move(mailboxes), std::make_shared<channel::internal::ListenerWorker>(
                                identities_, std::move(self), flow_id, std::move(options)));
  if (!started) {
    co_return started.error();
  }
  flows.add_spawner(address, flow_id);
  co_return SecureChannelListener(std::move(address), std::move(flow_id));
}

Task<Result<SecureChannel>> SecureChannels::create_channel(Context& ctx, identity::Identity self,
                                                           Route route,
                                                           SecureChannelOptions options) {
  std::string route_text = route.to_string();  // the caller's route, for a timeout's detail
  auto resolved = co_await ctx.router().resolve_route(std::move(route));
  if (!resolved) {
    co_return resolved.error();
  }
  if (resolved->empty()) {
    co_return Error(Origin::kChannel, Kind::kInvalid, "the route to the listener is empty");
  }
  auto purpose_key = identities_->get_or_create_secure_channel_purpose_key(self.identifier());
  if (!purpose_key) {
    co_return purpose_key.error();
  }
  Result<std::unique_ptr<channel::KeyExchange>> exchange =
      initiator_exchange(identities_, self, std::move(*purpose_key),
                         std::move(options.trust_policy), options.key_agreement);
  if (!exchange) {
    co_return exchange.error();
  }
  auto state = std::make_shared<channel::internal::ChannelState>();
  state->role = noise::Role::kInitiator;
  state->flow_control_id = FlowControlId::generate();
  state->remote_route = std::move(*resolved);
  const channel::internal::ChannelAddresses& addresses = state->addresses;

  FlowControls& flows = ctx.flow_controls();
  if (const ProducerInfo* transport = flows.find_producer(*state->remote_route.next())) {
    flows.add_consumer(addresses.decryptor_remote, transport->flow_control_id);
  }
  flows.add_producer(addresses.decryptor_internal, state->flow_control_id, std::nullopt,
                     {addresses.encryptor});
  auto outcome = std::make_shared<channel::internal::HandshakeOutcome>(ctx.io());
  std::vector<MailboxSpec> mailboxes{
      {addresses.decryptor_remote, nullptr, nullptr},
      {addresses.decryptor_internal, deny_all_incoming(),
       flows.producer_access_control(state->flow_control_id, std::nullopt)}};
  Address responder = addresses.decryptor_remote;
  auto started = co_await ctx.start_worker_with_mailboxes(
      std::move(mailboxes),
      std::make_shared<channel::internal::DecryptorWorker>(std::move(*exchange), state, outcome,
                                                           ctx.address(), options.timeout));
  if (!started) {
    co_return started.error();
  }
  // Fail fast: when the first hop (e.g. the TCP connection) goes away, the handshake cannot
  // complete; say so at once instead of after the timeout.
  std::uint64_t watch = ctx.router().watch(*state->remote_route.next(), [outcome] {
    outcome->finish(Error(Origin::kChannel, Kind::kIo,
                          "the connection under the secure channel handshake closed"));
  });
  if (!outcome->result) {
    outcome->done.expires_after(options.timeout);
    co_await outcome->done.async_wait(kUseTuple);
  }
  ctx.router().unwatch(watch);
  bool timed_out = !outcome->result;
  if (timed_out || !*outcome->result) {
    state->closing = true;
    if (ctx.router().has_address(responder)) {
      (void)co_await ctx.stop_worker(responder);  // its shutdown reports kShutdown: not ours
    }
  }
  if (timed_out) {
    co_return Error(Origin::kChannel, Kind::kTimeout, "the secure channel handshake timed out")
        .with_detail("route " + route_text + ": " + timed_out_after(options.timeout));
  }
  co_return std::move(*outcome->result);
}

Task<Result<void>> SecureChannels::stop_channel(Context& ctx, const SecureChannel& channel) {
  return ctx.stop_worker(channel.encryptor_address());
}

}  // namespace ockam
