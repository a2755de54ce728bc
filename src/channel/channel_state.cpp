#include "channel/internal/channel_state.hpp"

#include "ockam/channel/secure_channel_message.hpp"
#include "ockam/core/log.hpp"
#include "ockam/node/runtime.hpp"

namespace ockam::channel::internal {

Task<> close_channel(Context& ctx, std::shared_ptr<ChannelState> state, bool notify_peer) {
  if (state->closing) {
    co_return;
  }
  state->closing = true;
  if (state->transport_watch != 0) {
    ctx.router().unwatch(state->transport_watch);
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

void watch_transport(Context& ctx, const std::shared_ptr<ChannelState>& state) {
  const Address* first_hop = state->remote_route.next();
  if (first_hop == nullptr) {
    return;
  }
  Runtime& runtime = ctx.runtime();
  std::weak_ptr<ChannelState> weak = state;
  state->transport_watch = ctx.router().watch(*first_hop, [&runtime, weak] {
    auto alive = weak.lock();
    if (!alive || alive->closing) {
      return;
    }
    log::info("channel", "the transport under a secure channel closed; closing the channel");
    asio::co_spawn(
        runtime.io(),
        [&runtime, alive]() -> Task<> {
          co_await close_channel(runtime.main_context(), alive, false);
        },
        asio::detached);
  });
}

}  // namespace ockam::channel::internal
