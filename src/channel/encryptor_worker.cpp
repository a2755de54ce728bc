#include "channel/internal/encryptor_worker.hpp"

#include "ockam/channel/constants.hpp"
#include "ockam/channel/secure_channel_message.hpp"
#include "ockam/crypto/aead.hpp"

namespace ockam::channel::internal {

std::optional<Result<void>> EncryptorWorker::handle_synchronously(Context& ctx,
                                                                  const Address& /*msg_address*/,
                                                                  LocalMessage& message) {
  return seal_and_forward(ctx, message);
}

Task<Result<void>> EncryptorWorker::handle_message(Context& ctx, Routed<Any> message) {
  LocalMessage local = std::move(message).take_local_message();
  co_return seal_and_forward(ctx, local);
}

Result<void> EncryptorWorker::seal_and_forward(Context& ctx, LocalMessage& local) {
  if (auto stepped = local.onward_route.step(); !stepped) {
    return stepped.error();
  }
  // The envelope is encoded behind room for the nonce and sealed where it lies, in a buffer
  // that also has room for the tag: one copy of the payload, one allocation.
  ByteView onward_cbor = onward_routes_.encode(local.onward_route);
  ByteView return_cbor = return_routes_.encode(local.return_route);
  Bytes sealed;
  sealed.reserve(
      kNonceLength +
      payload_plaintext_size_bound(onward_cbor.size() + return_cbor.size(), local.payload.size()) +
      crypto::kAeadTagLength);
  sealed.resize(kNonceLength);
  encode_payload_plaintext(onward_cbor, return_cbor, local.payload, sealed);
  auto encrypted = state_->encryptor->encrypt_in_place(sealed, 0);
  if (!encrypted) {
    return encrypted.error();
  }
  local.payload = std::move(sealed);
  // The message becomes its own ciphertext: its route storage is reused for the remote route.
  local.onward_route = state_->remote_route;
  local.return_route = Route();
  local.local_info.clear();
  return ctx.forward_now(local, state_->addresses.encryptor);
}

Task<Result<void>> EncryptorWorker::shutdown(Context& ctx) {
  co_await close_channel(ctx, state_, /*notify_peer=*/true);
  co_return ok();
}

}  // namespace ockam::channel::internal
