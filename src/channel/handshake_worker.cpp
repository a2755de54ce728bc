#include "channel/internal/handshake_worker.hpp"

#include "channel/internal/encryptor_worker.hpp"
#include "ockam/channel/secure_channel_message.hpp"
#include "ockam/core/bare.hpp"
#include "ockam/core/log.hpp"
#include "ockam/node/runtime.hpp"

namespace ockam::channel::internal {
namespace {

/// Stops a responder whose handshake has not completed in time (half-open handshakes).
Task<> reap_if_unfinished(Runtime& runtime, std::weak_ptr<ChannelState> weak,
                          std::chrono::milliseconds after) {
  asio::steady_timer timer(runtime.io());
  timer.expires_after(after);
  co_await timer.async_wait(kUseTuple);
  auto state = weak.lock();
  if (state && !state->established && !state->closing) {
    log::debug("channel", "dropping a responder whose handshake did not complete in time");
    state->closing = true;
    (void)co_await runtime.stop_worker(state->addresses.decryptor_remote, Address());
  }
}

}  // namespace

Task<Result<void>> HandshakeWorker::initialize(Context& ctx) {
  if (exchange_->role() == noise::Role::kResponder) {
    counted_half_open_ = true;
    ++ctx.router().metrics().half_open_handshakes;
    asio::co_spawn(ctx.io(), reap_if_unfinished(ctx.runtime(), state_, responder_timeout_),
                   asio::detached);
    co_return ok();
  }
  (void)co_await send_pending(ctx);
  co_return ok();
}

Task<Result<void>> HandshakeWorker::handle_message(Context& ctx, Routed<Any> message) {
  if (message.msg_address() != state_->addresses.decryptor_remote) {
    co_return ok();  // decryptor_internal only sends
  }
  if (state_->established) {
    co_return co_await handle_ciphertext(ctx, std::move(message).take_local_message());
  }
  co_return co_await handle_handshake(ctx, std::move(message).take_local_message());
}

Task<Result<void>> HandshakeWorker::send_to_peer(Context& ctx, Bytes payload) {
  LocalMessage local;
  local.onward_route = state_->remote_route;
  local.return_route = Route{state_->addresses.decryptor_remote};
  local.payload = std::move(payload);
  return ctx.forward_from_address(std::move(local), state_->addresses.decryptor_remote);
}

Task<bool> HandshakeWorker::send_pending(Context& ctx) {
  while (true) {
    auto message = exchange_->next_message();
    if (message && !*message) {
      co_return true;
    }
    Result<void> sent = ok();
    if (message) {
      sent = co_await send_to_peer(ctx, std::move(**message));
    } else {
      sent = message.error();
    }
    if (!sent) {
      (void)co_await fail(ctx, sent.error());
      co_return false;
    }
  }
}

Task<Result<void>> HandshakeWorker::fail(Context& ctx, Error error) {
  log::debug("channel", "secure channel handshake failed: {}", error.to_string());
  if (outcome_) {
    outcome_->finish(error);
  }
  state_->closing = true;
  (void)co_await ctx.stop_worker(state_->addresses.decryptor_remote);
  co_return ok();
}

Task<Result<void>> HandshakeWorker::handle_handshake(Context& ctx, LocalMessage message) {
  // The peer's reply address: message 1's return route (responder) or message 2's (initiator).
  bool learns_route =
      exchange_->role() == noise::Role::kResponder ? state_->remote_route.empty() : true;
  auto handled = exchange_->handle_message(message.payload);
  if (!handled) {
    co_return co_await fail(ctx, handled.error());
  }
  if (learns_route) {
    state_->remote_route = std::move(message.return_route);
  }
  if (!co_await send_pending(ctx)) {
    co_return ok();
  }
  if (exchange_->is_complete()) {
    co_return co_await complete(ctx);
  }
  co_return ok();
}

Task<Result<void>> HandshakeWorker::complete(Context& ctx) {
  auto completed = exchange_->finish();
  exchange_.reset();
  if (!completed) {
    co_return co_await fail(ctx, completed.error());
  }
  state_->their_identifier = std::move(completed->their_identifier);
  state_->their_identifier_info = bare::encode(state_->their_identifier.to_string());
  state_->encryptor.emplace(std::move(completed->encryptor));
  state_->decryptor.emplace(std::move(completed->decryptor));
  std::vector<MailboxSpec> mailboxes{{state_->addresses.encryptor, nullptr, nullptr}};
  auto started = co_await ctx.start_worker_with_mailboxes(
      std::move(mailboxes), std::make_shared<EncryptorWorker>(state_));
  if (!started) {
    co_return co_await fail(ctx, started.error());
  }
  state_->established = true;
  leave_half_open(ctx);
  watch_transport(ctx, state_);
  if (outcome_) {
    if (!creator_.inner().empty()) {
      ctx.flow_controls().add_consumer(creator_, state_->flow_control_id);
    }
    outcome_->finish(SecureChannel(state_->addresses.encryptor, state_->their_identifier,
                                   state_->flow_control_id));
  }
  co_return ok();
}

Task<Result<void>> HandshakeWorker::handle_ciphertext(Context& ctx, LocalMessage message) {
  Bytes plaintext;
  auto nonce = state_->decryptor->decrypt(message.payload, plaintext);
  if (!nonce) {
    log::debug("channel", "dropped a message that does not decrypt");
    co_return ok();
  }
  auto decoded = decode_plaintext(plaintext);
  secure_wipe(plaintext);
  if (!decoded) {
    log::debug("channel", "dropped a decrypted message that does not parse");
    co_return ok();
  }
  if (std::holds_alternative<CloseMessage>(*decoded)) {
    co_await close_channel(ctx, state_, /*notify_peer=*/false);
    co_return ok();
  }
  auto* payload = std::get_if<PayloadMessage>(&*decoded);
  if (payload == nullptr) {
    log::debug("channel", "ignored a credential refresh");
    co_return ok();
  }
  if (state_->role == noise::Role::kResponder && *nonce > 0 &&
      *nonce == state_->decryptor->highest_nonce()) {
    // Roaming: follow the newest path the peer's messages take (reference §4.4).
    Address their_decryptor = *state_->remote_route.recipient();
    state_->remote_route = std::move(message.return_route);
    state_->remote_route.append(std::move(their_decryptor));
  }
  LocalMessage local;
  local.onward_route = std::move(payload->onward_route);
  local.return_route = std::move(payload->return_route);
  local.return_route.prepend(state_->addresses.encryptor);
  local.payload = std::move(payload->payload);
  local.local_info.push_back(LocalInfo{kIdentityLocalInfoType, state_->their_identifier_info});
  co_return co_await ctx.forward_from_address(std::move(local),
                                              state_->addresses.decryptor_internal);
}

void HandshakeWorker::leave_half_open(Context& ctx) {
  if (counted_half_open_) {
    counted_half_open_ = false;
    --ctx.router().metrics().half_open_handshakes;
  }
}

Task<Result<void>> HandshakeWorker::shutdown(Context& ctx) {
  leave_half_open(ctx);
  if (state_->established) {
    co_await close_channel(ctx, state_, /*notify_peer=*/true);
  }
  if (outcome_) {
    outcome_->finish(Error(Origin::kChannel, Kind::kShutdown, "the channel stopped"));
  }
  co_return ok();
}

}  // namespace ockam::channel::internal
