#include "channel/internal/listener_worker.hpp"

#include "channel/internal/decryptor_worker.hpp"
#include "ockam/channel/handshake_machine.hpp"
#include "ockam/channel/x3dh_key_exchange.hpp"
#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"

namespace ockam::channel::internal {
namespace {

/// Length of Noise XX message 1: the initiator's ephemeral key.
constexpr std::size_t kNoiseMessage1Length = 32;

}  // namespace

Result<std::unique_ptr<KeyExchange>> ListenerWorker::responder_for(std::size_t length) {
  const bool x3dh = length == x3dh::kMessage1Length && options_.accepts(KeyAgreement::kX3dh);
  if (!x3dh && (!options_.accepts(KeyAgreement::kNoiseXx) || length < kNoiseMessage1Length ||
                length > kMaxHandshakeMessageSize)) {
    return std::unique_ptr<KeyExchange>();
  }
  auto purpose_key = identities_->get_or_create_secure_channel_purpose_key(self_.identifier());
  if (!purpose_key) {
    return purpose_key.error();
  }
  if (!x3dh) {
    auto machine = HandshakeMachine::create(noise::Role::kResponder, identities_, self_,
                                            std::move(*purpose_key), options_.trust_policy);
    if (!machine) {
      return machine.error();
    }
    return std::unique_ptr<KeyExchange>(std::move(*machine));
  }
  if (!prekey_ || prekey_->identity_key() != purpose_key->key) {
    auto prekey = X3dhSignedPrekey::create(*identities_->vault(), purpose_key->key);
    if (!prekey) {
      return prekey.error();
    }
    prekey_ = std::move(*prekey);
  }
  auto exchange = X3dhKeyExchange::create_responder(identities_, self_, *purpose_key, prekey_,
                                                    options_.trust_policy);
  if (!exchange) {
    return exchange.error();
  }
  return std::unique_ptr<KeyExchange>(std::move(*exchange));
}

Task<Result<void>> ListenerWorker::handle_message(Context& ctx, Routed<Any> message) {
  LocalMessage local = std::move(message).take_local_message();
  auto exchange = responder_for(local.payload.size());
  if (!exchange) {
    co_return exchange.error();
  }
  if (!*exchange) {
    log::debug("channel", "secure channel listener dropped a message that is not a message 1");
    co_return ok();
  }
  std::erase_if(half_open_, [](const std::weak_ptr<ChannelState>& weak) {
    auto state = weak.lock();
    return !state || state->established || state->closing;
  });
  while (half_open_.size() >= std::max<std::size_t>(options_.max_half_open_handshakes, 1)) {
    // Drop the oldest half-open handshake: a flood of message 1s cannot hold more.
    auto oldest = half_open_.front().lock();
    half_open_.pop_front();
    if (!oldest) {
      continue;
    }
    oldest->closing = true;
    ctx.router().metrics().count_drop(DropReason::kLimits);
    static log::RateLimit limit;
    log::warn_limited(limit, "channel", "dropped the oldest of {} half-open handshakes",
                      options_.max_half_open_handshakes);
    (void)co_await ctx.stop_worker(oldest->addresses.decryptor_remote);
  }
  auto state = std::make_shared<ChannelState>();
  state->role = noise::Role::kResponder;
  state->flow_control_id = FlowControlId::generate();
  const ChannelAddresses& addresses = state->addresses;

  FlowControls& flows = ctx.flow_controls();
  for (const FlowControlId& id : options_.consumer_of) {
    flows.add_consumer(addresses.decryptor_remote, id);
  }
  // As Ockam's listener: the channel's later messages come the way message 1 came, which may be
  // a connection this node opened (a relay's) rather than one of the flows above, so the
  // decryptor also consumes the flow of the producer that delivered message 1.
  if (const Address* first_hop = local.return_route.next()) {
    if (const ProducerInfo* producer = flows.find_producer(*first_hop)) {
      flows.add_consumer(addresses.decryptor_remote, producer->flow_control_id);
    }
  }
  flows.add_producer(addresses.decryptor_internal, state->flow_control_id, flow_control_id_,
                     {addresses.encryptor});
  std::vector<MailboxSpec> mailboxes{
      {addresses.decryptor_remote, nullptr, nullptr},
      {addresses.decryptor_internal, deny_all_incoming(),
       flows.producer_access_control(state->flow_control_id, flow_control_id_)}};
  Address responder = addresses.decryptor_remote;
  auto started = co_await ctx.start_worker_with_mailboxes(
      std::move(mailboxes),
      std::make_shared<DecryptorWorker>(std::move(*exchange), state, nullptr, Address(),
                                        options_.handshake_timeout));
  if (!started) {
    co_return started.error();
  }
  half_open_.push_back(state);
  (void)local.onward_route.step();
  local.onward_route.prepend(std::move(responder));
  co_return co_await ctx.forward(std::move(local));
}

}  // namespace ockam::channel::internal
