#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <unordered_map>

#include "ockam/node/context.hpp"

namespace ockam {

/// Runtime is one node: an io_context run by one thread, the router, and the workers. Every
/// worker runs on that thread, one message at a time, so worker code needs no locks.
class Runtime {
 public:
  Runtime();
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  asio::io_context& io() noexcept { return *io_; }
  Router& router() noexcept { return router_; }
  /// The application's context (a random address with its own mailbox).
  Context& main_context() noexcept { return *main_context_; }
  bool is_stopping() const noexcept { return stopping_; }

  /// Runs `main` on the node thread until it completes, then stops every worker, and returns
  /// what `main` returned (an exception escaping `main` becomes a kInternal error).
  Result<void> run_until_complete(std::function<Task<Result<void>>(Context&)> main);
  /// Runs `main`, then keeps the node running until `stop()` (server nodes). Returns `main`'s
  /// error if it failed, success after a stop.
  Result<void> run_until_stopped(std::function<Task<Result<void>>(Context&)> main);

  Task<Result<void>> start_worker(std::vector<MailboxSpec> mailboxes,
                                  std::shared_ptr<WorkerBase> worker);
  Task<Result<void>> start_processor(Address address, std::shared_ptr<Processor> processor);
  /// Stops the worker or processor owning `address`; waits for it unless `caller` is it.
  Task<Result<void>> stop_worker(Address address, Address caller);
  /// Gracefully stops all workers (each shutdown runs, at most `grace` in total), then the
  /// io_context.
  Task<Result<void>> stop(std::chrono::milliseconds grace = std::chrono::milliseconds(1000));
  /// Stops the node from outside a coroutine (for signal handlers).
  void request_stop();

  /// Registers an address with a mailbox that is not a worker (detached contexts).
  Result<std::shared_ptr<Mailbox>> register_context_address(const Address& address);

 private:
  struct Runner;
  Task<> run_worker(std::shared_ptr<Runner> runner);
  Task<> run_processor(std::shared_ptr<Runner> runner, std::shared_ptr<Processor> processor);
  void finish(Runner& runner);
  /// `worker` is null for a processor.
  Result<std::shared_ptr<Runner>> register_runner(std::vector<MailboxSpec> mailboxes,
                                                  std::shared_ptr<WorkerBase> worker);

  // Destroyed first (in ~Runtime), while the router still exists: coroutine frames it owns
  // unregister their addresses as they are destroyed.
  std::unique_ptr<asio::io_context> io_;
  Router router_;
  std::unique_ptr<Context> main_context_;
  std::unordered_map<Address, std::shared_ptr<Runner>, AddressHash> runners_;
  bool stopping_ = false;
};

}  // namespace ockam
