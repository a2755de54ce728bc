#include "channel/internal/decryptor_worker.hpp"

#include <algorithm>

#include "channel/internal/encryptor_worker.hpp"
#include "ockam/channel/constants.hpp"
#include "ockam/channel/secure_channel_message.hpp"
#include "ockam/core/bare.hpp"
#include "ockam/core/log.hpp"
#include "ockam/crypto/aead.hpp"
#include "ockam/node/notice.hpp"

namespace ockam::channel::internal {

Task<Result<void>> DecryptorWorker::initialize(Context& ctx) {
  if (exchange_->role() == noise::Role::kResponder) {
    counted_half_open_ = true;
    ++ctx.router().metrics().half_open_handshakes;
    // A plain handler, not a coroutine: it only posts a notice, so it holds nothing of this
    // worker's and the worker may stop before it runs.
    reaper_.emplace(ctx.io());
    reaper_->expires_after(responder_timeout_);
    reaper_->async_wait([&router = ctx.router(), notice = state_->addresses.decryptor_internal](
                            const asio::error_code& error) {
      if (!error) {
        (void)notify(router, notice);
      }
    });
    co_return ok();
  }
  // A failure has already been reported to `create_channel` and has stopped this worker.
  (void)co_await send_pending(ctx);
  co_return ok();
}

std::optional<Result<void>> DecryptorWorker::handle_synchronously(Context& ctx,
                                                                  const Address& msg_address,
                                                                  LocalMessage& message) {
  if (msg_address != state_->addresses.decryptor_remote || !state_->established) {
    return std::nullopt;  // a notice or a handshake message: they may have to wait
  }
  return handle_ciphertext(ctx, message);
}

Task<Result<void>> DecryptorWorker::handle_message(Context& ctx, Routed<Any> message) {
  if (message.msg_address() != state_->addresses.decryptor_remote) {
    co_return co_await handle_notice(ctx);
  }
  LocalMessage local = std::move(message).take_local_message();
  if (state_->established) {
    co_return handle_ciphertext(ctx, local);  // the run loop's synchronous path normally does
  }
  co_return co_await handle_handshake(ctx, std::move(local));
}

Task<Result<void>> DecryptorWorker::handle_notice(Context& ctx) {
  if (state_->closing) {
    co_return ok();
  }
  if (state_->peer_closed) {
    co_await close_channel(ctx, state_, /*notify_peer=*/false);
    co_return ok();
  }
  if (!state_->established) {
    log::debug("channel", "dropping a responder whose handshake did not complete in time");
    state_->closing = true;
    (void)co_await ctx.stop_worker(state_->addresses.decryptor_remote);
    co_return ok();
  }
  const Address* first_hop = state_->remote_route.next();
  if (first_hop != nullptr && ctx.router().has_address(*first_hop)) {
    co_return ok();  // about a first hop the channel has since roamed away from
  }
  log::info("channel", "the transport under a secure channel closed; closing the channel");
  co_await close_channel(ctx, state_, /*notify_peer=*/false);
  co_return ok();
}

Task<Result<void>> DecryptorWorker::send_to_peer(Context& ctx, Bytes payload) {
  LocalMessage local;
  local.onward_route = state_->remote_route;
  local.return_route = Route{state_->addresses.decryptor_remote};
  local.payload = std::move(payload);
  return ctx.forward_from_address(std::move(local), state_->addresses.decryptor_remote);
}

Task<Result<void>> DecryptorWorker::send_pending(Context& ctx) {
  while (true) {
    auto message = exchange_->next_message();
    if (message && !*message) {
      co_return ok();
    }
    Result<void> sent = ok();
    if (message) {
      sent = co_await send_to_peer(ctx, std::move(**message));
    } else {
      sent = message.error();
    }
    if (!sent) {
      co_return co_await fail(ctx, sent.error());
    }
  }
}

Task<Result<void>> DecryptorWorker::fail(Context& ctx, Error error) {
  log::debug("channel", "secure channel handshake failed: {}", error.to_string());
  if (outcome_) {
    outcome_->finish(error);
  }
  state_->closing = true;
  (void)co_await ctx.stop_worker(state_->addresses.decryptor_remote);
  co_return error;
}

Task<Result<void>> DecryptorWorker::handle_handshake(Context& ctx, LocalMessage message) {
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
  if (auto sent = co_await send_pending(ctx); !sent) {
    co_return sent;
  }
  if (exchange_->is_complete()) {
    co_return co_await complete(ctx);
  }
  co_return ok();
}

Task<Result<void>> DecryptorWorker::complete(Context& ctx) {
  auto completed = exchange_->finish();
  exchange_.reset();
  if (!completed) {
    co_return co_await fail(ctx, completed.error());
  }
  state_->their_identifier = std::move(completed->their_identifier);
  state_->local_info =
      LocalInfoList(std::make_shared<const LocalInfoList::Entries>(LocalInfoList::Entries{
          {kIdentityLocalInfoType, bare::encode(state_->their_identifier.to_string())}}));
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
  watch_transport(ctx, *state_);
  if (outcome_) {
    if (!creator_.inner().empty()) {
      ctx.flow_controls().add_consumer(creator_, state_->flow_control_id);
    }
    outcome_->finish(SecureChannel(state_->addresses.encryptor, state_->their_identifier,
                                   state_->flow_control_id));
  }
  co_return ok();
}

void DecryptorWorker::follow_peer(Context& ctx, Route& return_route) {
  // The remote route is the peer's return route followed by its decryptor: most messages come
  // the same way, so compare first and rewrite (and move the transport watch) only on a change.
  const Route& current = state_->remote_route;
  if (return_route.size() + 1 == current.size() &&
      std::equal(return_route.begin(), return_route.end(), current.begin())) {
    return;
  }
  Address their_decryptor = *current.recipient();
  state_->remote_route = std::move(return_route);
  state_->remote_route.append(std::move(their_decryptor));
  watch_transport(ctx, *state_);
}

Result<void> DecryptorWorker::handle_ciphertext(Context& ctx, LocalMessage& message) {
  if (state_->peer_closed) {
    return ok();  // the channel closes with the notice queued behind this message
  }
  // Opened and parsed where it lies: the payload handed on is the received buffer itself.
  auto nonce = state_->decryptor->decrypt_in_place(message.payload);
  if (!nonce) {
    log::debug("channel", "dropped a message that does not decrypt");
    return ok();
  }
  const std::size_t plaintext_end = message.payload.size() - crypto::kAeadTagLength;
  auto decoded = decode_plaintext_in_place(std::move(message.payload), kNonceLength, plaintext_end);
  if (!decoded) {
    log::debug("channel", "dropped a decrypted message that does not parse");
    return ok();
  }
  if (std::holds_alternative<CloseMessage>(*decoded)) {
    // Closing stops workers, which waits: a notice to this worker does it in turn.
    state_->peer_closed = true;
    (void)notify(ctx.router(), state_->addresses.decryptor_internal);
    return ok();
  }
  auto* payload = std::get_if<PayloadMessage>(&*decoded);
  if (payload == nullptr) {
    log::debug("channel", "ignored a credential refresh");
    return ok();
  }
  if (state_->role == noise::Role::kResponder && *nonce > 0 &&
      *nonce == state_->decryptor->highest_nonce()) {
    follow_peer(ctx, message.return_route);
  }
  LocalMessage local;
  local.onward_route = std::move(payload->onward_route);
  local.return_route = std::move(payload->return_route);
  local.return_route.prepend(state_->addresses.encryptor);
  local.payload = std::move(payload->payload);
  local.local_info = state_->local_info;
  return ctx.forward_now(local, state_->addresses.decryptor_internal);
}

void DecryptorWorker::leave_half_open(Context& ctx) {
  if (reaper_) {
    reaper_->cancel();
    reaper_.reset();
  }
  if (counted_half_open_) {
    counted_half_open_ = false;
    --ctx.router().metrics().half_open_handshakes;
  }
}

Task<Result<void>> DecryptorWorker::shutdown(Context& ctx) {
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
