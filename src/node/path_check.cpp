#include "node/internal/path_check.hpp"

#include <sodium.h>

#include <algorithm>

#include "ockam/core/byte_writer.hpp"
#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"

namespace ockam {
namespace {

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

}  // namespace

std::unique_ptr<PathProbe> PathProbe::open(Runtime& runtime, Route ping_route) {
  if (ping_route.empty()) {
    return nullptr;
  }
  auto collector = runtime.main_context().new_detached_context();
  if (!collector) {
    return nullptr;
  }
  return std::unique_ptr<PathProbe>(
      new PathProbe(runtime, std::move(*collector), std::move(ping_route)));
}

PathProbe::PathProbe(Runtime& runtime, std::unique_ptr<Context> collector, Route ping_route)
    : runtime_(runtime),
      collector_(std::move(collector)),
      ping_route_(std::move(ping_route)),
      first_hop_(*ping_route_.next()) {
  collector_->admit_replies_from(ping_route_);
  watch_ = collector_->stop_receiving_when_gone(first_hop_, first_hop_gone_);
}

PathProbe::~PathProbe() {
  runtime_.router().unwatch(watch_);
}

Task<> PathProbe::send_ping() {
  std::uint64_t nonce = fresh_nonce();
  unanswered_.push_back(nonce);
  LocalMessage ping;
  ping.onward_route = ping_route_;
  ping.return_route.append(collector_->address());
  ping.payload = encode_ping(nonce);
  (void)co_await collector_->forward(std::move(ping));
}

Task<bool> PathProbe::answer_before(Clock::time_point deadline) {
  while (!*first_hop_gone_ && Clock::now() < deadline) {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    auto pong = co_await collector_->receive_envelope(left);
    if (!pong) {
      co_return false;  // the deadline passed, or the first hop closed
    }
    if (answers(pong->message.payload, unanswered_)) {
      unanswered_.clear();
      co_return true;
    }
  }
  co_return false;
}

namespace {

bool still_checking(Runtime& runtime, const PathCheck& check, const PathProbe& probe) {
  return !check.stopped && !probe.first_hop_gone() && !runtime.is_stopping();
}

}  // namespace

Task<PathVerdict> ping_until_lost(Runtime& runtime, Route ping_route, PingSchedule schedule,
                                  std::shared_ptr<PathCheck> check) {
  if (!schedule.enabled()) {
    co_return PathVerdict::kStopped;
  }
  auto probe = PathProbe::open(runtime, std::move(ping_route));
  if (!probe) {
    co_return PathVerdict::kStopped;
  }
  while (still_checking(runtime, *check, *probe)) {
    if (probe->unanswered() >= schedule.max_missed) {
      co_return check->answered ? PathVerdict::kLost : PathVerdict::kSilent;
    }
    co_await probe->send_ping();
    auto next_ping = PathProbe::Clock::now() + schedule.interval;
    while (still_checking(runtime, *check, *probe) && PathProbe::Clock::now() < next_ping) {
      if (!co_await probe->answer_before(next_ping)) {
        break;  // the interval is over, or the first hop closed
      }
      check->answered = true;
    }
  }
  co_return probe->first_hop_gone() ? PathVerdict::kFirstHopGone : PathVerdict::kStopped;
}

}  // namespace ockam
