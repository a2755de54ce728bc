#include "relay/internal/path_check.hpp"

#include <sodium.h>

#include <algorithm>

#include "ockam/core/byte_writer.hpp"
#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"

namespace ockam::relay {
namespace {

using Clock = std::chrono::steady_clock;

/// A ping is what Ockam's sessions send: a random u64 as a CBOR unsigned integer, which the
/// echo service sends back unchanged.
Bytes encode_ping(std::uint64_t nonce) {
  ByteWriter out;
  CborWriter(out).write_uint(nonce);
  return out.take();
}

std::uint64_t fresh_nonce() {
  std::uint64_t nonce = 0;
  randombytes_buf(&nonce, sizeof(nonce));
  return nonce;
}

/// Whether `payload` answers one of the `unanswered` pings.
bool answers(ByteView payload, const std::vector<std::uint64_t>& unanswered) {
  CborReader in(payload);
  std::uint64_t nonce = 0;
  return in.read_uint(nonce) && in.remaining() == 0 &&
         std::find(unanswered.begin(), unanswered.end(), nonce) != unanswered.end();
}

bool still_checking(Runtime& runtime, const PathCheck& check, const bool& first_hop_gone) {
  return !check.stopped && !first_hop_gone && !runtime.is_stopping();
}

}  // namespace

Route ping_route(const Route& configured, const Route& resolved, const std::string& service) {
  std::size_t transport_hops = 0;
  for (std::size_t i = 0; i < configured.size(); ++i) {
    if (!configured[i].is_local()) {
      transport_hops = i + 1;
    }
  }
  Route route;
  // Only a first hop that is a connection can be closed for the relay to reconnect.
  if (transport_hops == 0 || configured[0].is_local() || resolved.size() != configured.size()) {
    return route;
  }
  for (std::size_t i = 0; i < transport_hops; ++i) {
    route.append(resolved[i]);
  }
  route.append(Address(service));
  return route;
}

Task<> check_path(Runtime& runtime, Route ping_route, RelayOptions options,
                  std::shared_ptr<PathCheck> check) {
  if (ping_route.empty() || options.ping_interval.count() <= 0 || options.max_missed_pings == 0) {
    co_return;
  }
  auto collector = runtime.main_context().new_detached_context();
  if (!collector) {
    co_return;
  }
  Context& ctx = **collector;
  ctx.admit_replies_from(ping_route);
  Address first_hop = *ping_route.next();
  auto first_hop_gone = std::make_shared<bool>(false);
  std::uint64_t watch = ctx.stop_receiving_when_gone(first_hop, first_hop_gone);
  std::vector<std::uint64_t> unanswered;
  bool lost = false;
  while (still_checking(runtime, *check, *first_hop_gone)) {
    if (unanswered.size() >= options.max_missed_pings) {
      if (check->answered) {
        lost = true;
      } else {
        log::info("relay",
                  "the relay's next node never answered a ping at \"{}\": its liveness is not "
                  "checked on this connection",
                  log::escaped(options.ping_service));
      }
      break;
    }
    std::uint64_t nonce = fresh_nonce();
    unanswered.push_back(nonce);
    LocalMessage ping;
    ping.onward_route = ping_route;
    ping.return_route.append(ctx.address());
    ping.payload = encode_ping(nonce);
    (void)co_await ctx.forward(std::move(ping));
    auto next_ping = Clock::now() + options.ping_interval;
    while (still_checking(runtime, *check, *first_hop_gone) && Clock::now() < next_ping) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(next_ping - Clock::now());
      auto pong = co_await ctx.receive_envelope(left);
      if (!pong) {
        break;  // the interval is over, or the first hop closed
      }
      if (answers(pong->message.payload, unanswered)) {
        unanswered.clear();
        check->answered = true;
      }
    }
  }
  runtime.router().unwatch(watch);
  if (!lost || !still_checking(runtime, *check, *first_hop_gone)) {
    co_return;
  }
  ++runtime.router().metrics().relay_paths_lost;
  static log::RateLimit limit;
  log::warn_limited(limit, "relay", "{} pings in a row went unanswered: closing the relay's path",
                    options.max_missed_pings);
  // Closing the first hop (a connection) makes whoever watches it reconnect.
  if (const Endpoint* hop = runtime.router().find(first_hop); hop != nullptr && hop->inbox) {
    hop->inbox->close();
  }
}

}  // namespace ockam::relay
