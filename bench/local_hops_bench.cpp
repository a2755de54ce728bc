// local-hops: how many messages per second go from one context to a sink worker through N local
// forwarding workers, beside a baseline: the same messages handed between two coroutines
// through a plain bounded std::deque on one io_context. Each count is measured twice: with
// workers that handle messages in coroutines (queued, one wake-up per hop) and with workers
// that also implement `handle_synchronously` (handled in the sender's call when idle).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ockam/node/runtime.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

using Clock = std::chrono::steady_clock;

/// The sender looks at the clock once per this many messages.
constexpr std::uint64_t kClockEvery = 1024;
/// How long the sink may take to catch up after the sender stops.
constexpr std::chrono::seconds kDrainLimit{10};
/// The message every run sends (as the seeds' examples do).
constexpr const char* kPayload = "Hello Ockam!";

struct Options {
  std::vector<int> hops{0, 1, 3};
  double seconds = 2.0;
  std::uint64_t max_messages = 200'000'000;
};

/// Measurement is how many messages arrived and how long that took.
struct Measurement {
  std::uint64_t messages = 0;
  double seconds = 0;
  double per_second() const { return seconds > 0 ? static_cast<double>(messages) / seconds : 0; }
};

/// Forwarder steps past itself and forwards, putting itself on the return route (a Hop); a
/// synchronous one does it in handle_synchronously too.
class Forwarder final : public Worker<Any> {
 public:
  explicit Forwarder(bool synchronous) : synchronous_(synchronous) {}
  std::optional<Result<void>> handle_synchronously(Context& ctx, const Address& /*msg_address*/,
                                                   LocalMessage& local) override {
    if (!synchronous_) {
      return std::nullopt;
    }
    if (auto stepped = local.onward_route.step(); !stepped) {
      return stepped.error();
    }
    local.return_route.prepend(ctx.address());
    return ctx.forward_now(local, ctx.address());
  }
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override {
    LocalMessage local = std::move(message).take_local_message();
    if (auto stepped = local.onward_route.step(); !stepped) {
      co_return stepped.error();
    }
    local.return_route.prepend(ctx.address());
    co_return co_await ctx.forward(std::move(local));
  }

 private:
  bool synchronous_;
};

/// Sink counts the messages that reach it and does nothing else.
class Sink final : public Worker<Any> {
 public:
  Sink(std::shared_ptr<std::uint64_t> received, bool synchronous)
      : received_(std::move(received)), synchronous_(synchronous) {}
  std::optional<Result<void>> handle_synchronously(Context& /*ctx*/, const Address& /*msg_address*/,
                                                   LocalMessage& /*message*/) override {
    if (!synchronous_) {
      return std::nullopt;
    }
    ++*received_;
    return ok();
  }
  Task<Result<void>> handle_message(Context&, Routed<Any>) override {
    ++*received_;
    co_return ok();
  }

 private:
  std::shared_ptr<std::uint64_t> received_;
  bool synchronous_;
};

Task<Result<Measurement>> measure_hops(Context& ctx, int hops, bool synchronous, Options options) {
  auto received = std::make_shared<std::uint64_t>(0);
  if (auto started = co_await ctx.start_worker("sink", Sink(received, synchronous)); !started) {
    co_return started.error();
  }
  Route path;
  for (int i = 0; i < hops; ++i) {
    Address hop(fmt::format("hop{}", i));
    if (auto started = co_await ctx.start_worker(hop, Forwarder(synchronous)); !started) {
      co_return started.error();
    }
    path.append(std::move(hop));
  }
  path.append("sink");
  const std::string payload = kPayload;

  auto start = Clock::now();
  auto deadline = start + std::chrono::duration<double>(options.seconds);
  std::uint64_t sent = 0;
  while (sent < options.max_messages && (sent % kClockEvery != 0 || Clock::now() < deadline)) {
    if (auto delivered = co_await ctx.send(path, payload); !delivered) {
      co_return delivered.error();
    }
    ++sent;
  }
  asio::steady_timer timer(ctx.io());
  auto drain_deadline = Clock::now() + kDrainLimit;
  while (*received < sent) {
    if (Clock::now() > drain_deadline) {
      co_return Error(Origin::kApplication, Kind::kTimeout, "the sink did not receive everything");
    }
    timer.expires_after(std::chrono::microseconds(50));
    co_await timer.async_wait(kUseTuple);
  }
  co_return Measurement{sent, std::chrono::duration<double>(Clock::now() - start).count()};
}

Result<Measurement> run_hops(int hops, bool synchronous, const Options& options) {
  Runtime runtime;
  Measurement measurement;
  auto result = runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto measured = co_await measure_hops(ctx, hops, synchronous, options);
    if (!measured) {
      co_return measured.error();
    }
    measurement = *measured;
    co_return ok();
  });
  if (!result) {
    return result.error();
  }
  return measurement;
}

/// Handoff is the baseline's queue: bounded like a mailbox, and waking its consumer and its
/// producer the way a mailbox does (cancelling a timer that never expires).
struct Handoff {
  explicit Handoff(asio::io_context& io) : items(io), space(io) {
    items.expires_at(Clock::time_point::max());
    space.expires_at(Clock::time_point::max());
  }
  std::deque<LocalMessage> queue;
  asio::steady_timer items;
  asio::steady_timer space;
  bool consumer_waiting = false;
  bool producer_waiting = false;
};

Task<> produce(Handoff& handoff, std::uint64_t count) {
  const Route path = route("sink");
  const std::string payload = kPayload;
  for (std::uint64_t i = 0; i < count; ++i) {
    while (handoff.queue.size() >= Mailbox::kDefaultCapacity) {
      handoff.producer_waiting = true;
      co_await handoff.space.async_wait(kUseTuple);
      handoff.producer_waiting = false;
    }
    // Built as Context::send builds a message.
    LocalMessage message;
    message.onward_route = path;
    message.return_route = route("sender");
    message.payload = bare::encode(payload);
    handoff.queue.push_back(std::move(message));
    if (handoff.consumer_waiting) {
      handoff.items.cancel();
    }
  }
}

Task<> consume(Handoff& handoff, std::uint64_t count, std::uint64_t& received) {
  while (received < count) {
    while (handoff.queue.empty()) {
      handoff.consumer_waiting = true;
      co_await handoff.items.async_wait(kUseTuple);
      handoff.consumer_waiting = false;
    }
    LocalMessage message = std::move(handoff.queue.front());
    handoff.queue.pop_front();
    ++received;
    if (handoff.producer_waiting) {
      handoff.space.cancel();
    }
  }
}

Measurement run_baseline(std::uint64_t count) {
  asio::io_context io(1);
  Handoff handoff(io);
  std::uint64_t received = 0;
  auto start = Clock::now();
  asio::co_spawn(io, consume(handoff, count, received), asio::detached);
  asio::co_spawn(io, produce(handoff, count), asio::detached);
  io.run();
  return Measurement{received, std::chrono::duration<double>(Clock::now() - start).count()};
}

void run_local_hops(const Options& options) {
  std::uint64_t most_messages = 0;
  for (bool synchronous : {false, true}) {
    for (int hops : options.hops) {
      auto measured = run_hops(hops, synchronous, options);
      if (!measured) {
        std::fprintf(stderr, "local-hops %d: %s\n", hops, measured.error().to_string().c_str());
        throw CLI::RuntimeError(1);
      }
      report(fmt::format("local_hops_{}{}_msgs_per_s", hops, synchronous ? "_synchronous" : ""),
             measured->per_second(), "msgs/s");
      most_messages = std::max(most_messages, measured->messages);
    }
  }
  report("local_hops_baseline_queue_msgs_per_s", run_baseline(most_messages).per_second(),
         "msgs/s");
}

}  // namespace

void add_local_hops_command(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "local-hops", "messages/s from a context through N local hops to a sink, and a baseline");
  command->add_option("--hops", options->hops, "number of forwarding hops (default: 0 1 3)")
      ->check(CLI::Range(0, 64));
  command->add_option("--seconds", options->seconds, "how long each run sends (default 2)")
      ->check(CLI::PositiveNumber);
  command->add_option("--max-messages", options->max_messages, "upper bound on messages per run")
      ->check(CLI::PositiveNumber);
  command->callback([options] { run_local_hops(*options); });
}

}  // namespace ockam::bench
