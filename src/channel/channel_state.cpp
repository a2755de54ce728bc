#include "channel/internal/channel_state.hpp"

#include <utility>

#include "ockam/channel/secure_channel_message.hpp"
#include "ockam/node/notice.hpp"

namespace ockam::channel::internal {

Task<> close_channel(Context& ctx, std::shared_ptr<ChannelState> state, bool notify_peer) {
  if (state->closing) {
    co_return;
  }
  state->closing = true;
  if (state->transport_watch != 0) {
    ctx.router().unwatch(std::exchange(state->transport_watch, 0));
  }
  const Address* first_hop = state->remote_route.next();
  if (notify_peer && state->established && first_hop != nullptr &&
      ctx.router().has_address(*first_hop)) {
    Bytes ciphertext;
    if (state->encryptor->encrypt(encode_close_plaintext(), ciphertext)) {
      LocalMessage close;
      close.onward_route = state->remote_route;
      close.return_route = Route{state->addresses.encryptor};
      close.payload = std::move(ciphertext);
      (void)co_await ctx.forward_from_address(std::move(close), state->addresses.encryptor);
    }
  }
  for (const Address& address : {state->addresses.encryptor, state->addresses.decryptor_remote}) {
    if (ctx.router().has_address(address)) {
      (void)co_await ctx.stop_worker(address);
    }
  }
}

void watch_transport(Context& ctx, ChannelState& state) {
  Router& router = ctx.router();
  if (state.transport_watch != 0) {
    router.unwatch(std::exchange(state.transport_watch, 0));
  }
  if (const Address* first_hop = state.remote_route.next(); first_hop != nullptr) {
    state.transport_watch =
        notify_when_gone(router, *first_hop, state.addresses.decryptor_internal);
  }
}

}  // namespace ockam::channel::internal
