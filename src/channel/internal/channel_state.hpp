#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "ockam/channel/decryptor.hpp"
#include "ockam/channel/encryptor.hpp"
#include "ockam/channel/secure_channel.hpp"
#include "ockam/node/context.hpp"
#include "ockam/noise/role.hpp"

namespace ockam::channel::internal {

/// ChannelAddresses are the three addresses of one side of a channel (reference §4.6; the
/// decrypt/encrypt API addresses of key-exchange-only mode are not implemented).
struct ChannelAddresses {
  Address decryptor_remote = Address::random_local();
  Address decryptor_internal = Address::random_local();
  Address encryptor = Address::random_local();
};

/// ChannelState is shared by one side's decryptor worker and encryptor worker (both on the
/// node's thread).
struct ChannelState {
  ChannelAddresses addresses;
  noise::Role role = noise::Role::kInitiator;
  FlowControlId flow_control_id;
  /// Where ciphertexts go: ends at the peer's decryptor_remote.
  Route remote_route;
  identity::Identifier their_identifier;
  /// The LocalInfo every decrypted message carries (the peer's identifier, encoded once and
  /// shared by all the messages).
  LocalInfoList local_info;
  std::optional<Encryptor> encryptor;
  std::optional<Decryptor> decryptor;
  bool established = false;
  /// The peer sent Close: the decryptor closes the channel when it handles its notice.
  bool peer_closed = false;
  bool closing = false;
  /// The router's watch on the remote route's first hop (0: none).
  std::uint64_t transport_watch = 0;
};

/// HandshakeOutcome is how the initiator's worker tells `create_channel` the result at once.
struct HandshakeOutcome {
  explicit HandshakeOutcome(asio::io_context& io) : done(io) {}
  void finish(Result<SecureChannel> value) {
    if (!result) {
      result.emplace(std::move(value));
      done.cancel();
    }
  }
  std::optional<Result<SecureChannel>> result;
  asio::steady_timer done;
};

/// close_channel stops both workers of a channel once; with `notify_peer` it first sends an
/// encrypted Close (best effort). Safe to call from either worker or from outside.
Task<> close_channel(Context& ctx, std::shared_ptr<ChannelState> state, bool notify_peer);

/// watch_transport makes the router send the decryptor a notice (at decryptor_internal) when
/// the first hop of the remote route goes away (e.g. the TCP connection closed), so the channel
/// closes and sends on it fail instead of vanishing. It replaces an earlier watch (roaming).
void watch_transport(Context& ctx, ChannelState& state);

}  // namespace ockam::channel::internal
