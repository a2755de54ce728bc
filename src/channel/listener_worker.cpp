#include "channel/internal/listener_worker.hpp"

#include "channel/internal/handshake_worker.hpp"
#include "ockam/channel/handshake_machine.hpp"
#include "ockam/channel/x3dh_key_exchange.hpp"
#include "ockam/core/log.hpp"

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
  auto state = std::make_shared<ChannelState>();
  state->role = noise::Role::kResponder;
  state->flow_control_id = FlowControlId::generate();
  const ChannelAddresses& addresses = state->addresses;

  FlowControls& flows = ctx.flow_controls();
  for (const FlowControlId& id : options_.consumer_of) {
    flows.add_consumer(addresses.decryptor_remote, id);
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
      std::make_shared<HandshakeWorker>(std::move(*exchange), state, nullptr, Address(),
                                        options_.handshake_timeout));
  if (!started) {
    co_return started.error();
  }
  (void)local.onward_route.step();
  local.onward_route.prepend(std::move(responder));
  co_return co_await ctx.forward(std::move(local));
}

}  // namespace ockam::channel::internal
