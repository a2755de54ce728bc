#include "ockam/node/runtime.hpp"

#include <algorithm>
#include <exception>

#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"

namespace ockam {

namespace {

/// Logs a handler's failure. A peer can cause one per message (e.g. a reply to an unknown
/// address): rate limited.
void log_handler_failure(const Context& ctx, const Error& error) {
  static log::RateLimit limit;
  log::warn_limited(limit, "node", "worker {} failed to handle a message: {}",
                    log::escaped(ctx.address().to_string()), error.to_string());
}

/// Turns the exception being handled into the error a handler would have returned: an Error
/// (thrown by `value()`) is kept, anything else becomes kInternal. Call it only from a catch.
Error current_exception_as_error(const char* what) {
  try {
    throw;
  } catch (const Error& e) {
    return e;
  } catch (...) {
    log::warn("node", "{} threw an exception", what);
    return Error(Origin::kNode, Kind::kInternal, "worker threw an exception");
  }
}

template <class F>
Task<Result<void>> guarded(F&& call, const char* what) {
  try {
    co_return co_await call();
  } catch (...) {
    co_return current_exception_as_error(what);
  }
}

}  // namespace

/// Runner is the bookkeeping of one running worker or processor, and a worker's inline path.
struct Runtime::Runner final : InlineHandler {
  Runner(asio::io_context& io, std::vector<Address> addresses, std::shared_ptr<WorkerBase> run)
      : mailbox(std::make_shared<Mailbox>(io)), worker(std::move(run)), stopped(io) {
    stopped.expires_at(std::chrono::steady_clock::time_point::max());
    addresses_owned = std::move(addresses);
  }

  bool handle_inline(const Address& destination, LocalMessage& message) noexcept override {
    if (in_handler || !mailbox->is_idle()) {
      return false;  // a queued message or a running handler comes first (order)
    }
    in_handler = true;
    std::optional<Result<void>> handled;
    try {
      handled = worker->handle_synchronously(*context, destination, message);
    } catch (...) {
      handled = current_exception_as_error("handle_synchronously");
    }
    in_handler = false;
    if (handled && !*handled) {
      log_handler_failure(*context, handled->error());
    }
    return handled.has_value();
  }

  std::vector<Address> addresses_owned;
  std::shared_ptr<Mailbox> mailbox;
  std::unique_ptr<Context> context;
  /// Null for a processor.
  std::shared_ptr<WorkerBase> worker;
  /// Set while the worker's synchronous path runs inline: a message it sends that comes back
  /// to it is queued, not handled re-entrantly.
  bool in_handler = false;
  bool stop_requested = false;
  bool done = false;
  asio::steady_timer stopped;
};

Runtime::Runtime() : io_(std::make_unique<asio::io_context>(1)), router_(*io_) {
  Address address = Address::random_local();
  auto mailbox = register_context_address(address);
  main_context_ = std::make_unique<Context>(*this, std::vector<Address>{address}, *mailbox, false);
}

Runtime::~Runtime() {
  main_context_.reset();
  runners_.clear();
  router_.clear();
  io_.reset();
}

Result<std::shared_ptr<Mailbox>> Runtime::register_context_address(const Address& address) {
  auto mailbox = std::make_shared<Mailbox>(*io_);
  if (auto r = router_.register_address(address, Endpoint{mailbox, nullptr, nullptr}); !r) {
    return r.error();
  }
  return mailbox;
}

Result<std::shared_ptr<Runtime::Runner>> Runtime::register_runner(
    std::vector<MailboxSpec> mailboxes, std::shared_ptr<WorkerBase> worker) {
  if (mailboxes.empty()) {
    return Error(Origin::kNode, Kind::kInvalid, "a worker needs at least one address");
  }
  if (stopping_) {
    return Error(Origin::kNode, Kind::kShutdown, "the node is stopping");
  }
  std::vector<Address> addresses;
  for (const MailboxSpec& spec : mailboxes) {
    if (router_.has_address(spec.address) ||
        std::find(addresses.begin(), addresses.end(), spec.address) != addresses.end()) {
      return Error(Origin::kNode, Kind::kAlreadyExists, "address is already in use")
          .with_detail(spec.address.to_string());
    }
    addresses.push_back(spec.address);
  }
  auto runner = std::make_shared<Runner>(*io_, addresses, std::move(worker));
  std::shared_ptr<InlineHandler> inline_handler;
  if (runner->worker) {
    inline_handler = runner;
  }
  for (MailboxSpec& spec : mailboxes) {
    auto registered =
        router_.register_address(spec.address, Endpoint{runner->mailbox, std::move(spec.incoming),
                                                        std::move(spec.outgoing), inline_handler});
    if (!registered) {
      return registered.error();
    }
    runners_[spec.address] = runner;
  }
  runner->context = std::make_unique<Context>(*this, addresses, runner->mailbox, true);
  return runner;
}

Task<Result<void>> Runtime::start_worker(std::vector<MailboxSpec> mailboxes,
                                         std::shared_ptr<WorkerBase> worker) {
  auto runner = register_runner(std::move(mailboxes), std::move(worker));
  if (!runner) {
    co_return runner.error();
  }
  asio::co_spawn(*io_, run_worker(*runner), asio::detached);
  co_return ok();
}

Task<Result<void>> Runtime::start_processor(Address address, std::shared_ptr<Processor> processor) {
  std::vector<MailboxSpec> mailboxes{{std::move(address), deny_all_incoming(), nullptr}};
  auto runner = register_runner(std::move(mailboxes), nullptr);
  if (!runner) {
    co_return runner.error();
  }
  asio::co_spawn(*io_, run_processor(*runner, std::move(processor)), asio::detached);
  co_return ok();
}

Task<> Runtime::run_worker(std::shared_ptr<Runner> runner) {
  Context& ctx = *runner->context;
  WorkerBase* worker = runner->worker.get();
  auto initialized = co_await guarded([&] { return worker->initialize(ctx); }, "initialize");
  if (!initialized) {
    log::warn("node", "worker {} failed to initialize: {}", ctx.address().to_string(),
              initialized.error().to_string());
  } else {
    Mailbox& mailbox = *runner->mailbox;
    while (true) {
      // The message path: take what is queued without suspending, wait only on an empty
      // mailbox, and guard the handler inline (no extra coroutine frame per message).
      std::optional<Envelope> envelope = mailbox.try_pop();
      if (!envelope) {
        envelope = co_await mailbox.pop();
        if (!envelope) {
          break;
        }
      }
      Result<void> handled = ok();
      try {
        if (envelope->parked) {
          handled = co_await router_.route(std::move(envelope->destination),
                                           std::move(envelope->message));
        } else if (auto now = worker->handle_synchronously(ctx, envelope->destination,
                                                           envelope->message)) {
          handled = std::move(*now);
        } else {
          handled = co_await worker->handle_local_message(ctx, std::move(envelope->destination),
                                                          std::move(envelope->message));
        }
      } catch (...) {
        handled = current_exception_as_error("handle_message");
      }
      if (!handled) {
        log_handler_failure(ctx, handled.error());
      }
    }
    auto shut = co_await guarded([&] { return worker->shutdown(ctx); }, "shutdown");
    if (!shut) {
      log::warn("node", "worker {} failed to shut down: {}", ctx.address().to_string(),
                shut.error().to_string());
    }
  }
  finish(*runner);
}

Task<> Runtime::run_processor(std::shared_ptr<Runner> runner,
                              std::shared_ptr<Processor> processor) {
  Context& ctx = *runner->context;
  auto initialized = co_await guarded([&] { return processor->initialize(ctx); }, "initialize");
  if (initialized) {
    while (!runner->stop_requested) {
      Result<bool> more = false;
      try {
        more = co_await processor->process(ctx);
      } catch (...) {
        more = current_exception_as_error("process");
      }
      if (!more) {
        log::warn("node", "processor {} failed: {}", ctx.address().to_string(),
                  more.error().to_string());
        break;
      }
      if (!*more) {
        break;
      }
    }
    (void)co_await guarded([&] { return processor->shutdown(ctx); }, "shutdown");
  }
  finish(*runner);
}

void Runtime::finish(Runner& runner) {
  runner.mailbox->close();
  for (const Address& address : runner.addresses_owned) {
    router_.unregister_address(address);
    runners_.erase(address);
  }
  runner.done = true;
  runner.stopped.cancel();
}

Task<Result<void>> Runtime::stop_worker(Address address, Address caller) {
  auto it = runners_.find(address);
  if (it == runners_.end()) {
    co_return Error(Origin::kNode, Kind::kNotFound, "no worker at that address")
        .with_detail(address.to_string());
  }
  std::shared_ptr<Runner> runner = it->second;
  runner->stop_requested = true;
  runner->mailbox->close();
  bool is_self = std::find(runner->addresses_owned.begin(), runner->addresses_owned.end(),
                           caller) != runner->addresses_owned.end();
  while (!is_self && !runner->done) {
    co_await runner->stopped.async_wait(kUseTuple);
  }
  co_return ok();
}

Task<Result<void>> Runtime::stop(std::chrono::milliseconds grace) {
  if (stopping_) {
    co_return ok();
  }
  stopping_ = true;
  std::vector<std::shared_ptr<Runner>> runners;
  for (auto& [address, runner] : runners_) {
    if (std::find(runners.begin(), runners.end(), runner) == runners.end()) {
      runners.push_back(runner);
    }
  }
  for (auto& runner : runners) {
    runner->stop_requested = true;
    runner->mailbox->close();
  }
  auto deadline = std::chrono::steady_clock::now() + grace;
  for (auto& runner : runners) {
    while (!runner->done && std::chrono::steady_clock::now() < deadline) {
      runner->stopped.expires_at(deadline);
      co_await runner->stopped.async_wait(kUseTuple);
    }
  }
  io_->stop();
  co_return ok();
}

void Runtime::request_stop() {
  asio::co_spawn(
      *io_, [this]() -> Task<> { (void)co_await stop(); }, asio::detached);
}

Result<void> Runtime::run_until_complete(std::function<Task<Result<void>>(Context&)> main) {
  Result<void> outcome =
      Error(Origin::kNode, Kind::kShutdown, "the node stopped before main ended");
  asio::co_spawn(
      *io_,
      [this, &main, &outcome]() -> Task<> {
        outcome = co_await guarded([&] { return main(*main_context_); }, "main");
        (void)co_await stop();
      },
      asio::detached);
  io_->run();
  return outcome;
}

Result<void> Runtime::run_until_stopped(std::function<Task<Result<void>>(Context&)> main) {
  Result<void> outcome = ok();
  asio::co_spawn(
      *io_,
      [this, &main, &outcome]() -> Task<> {
        auto result = co_await guarded([&] { return main(*main_context_); }, "main");
        if (!result) {
          outcome = result;
          (void)co_await stop();
        }
      },
      asio::detached);
  io_->run();
  return outcome;
}

}  // namespace ockam
