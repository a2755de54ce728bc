#include "ockam/node/context.hpp"

#include "ockam/node/runtime.hpp"

namespace ockam {

Context::Context(Runtime& runtime, std::vector<Address> addresses, std::shared_ptr<Mailbox> mailbox,
                 bool owned_by_worker)
    : runtime_(runtime),
      addresses_(std::move(addresses)),
      mailbox_(std::move(mailbox)),
      owned_by_worker_(owned_by_worker) {}

Context::~Context() {
  if (!owned_by_worker_) {
    mailbox_->close();
    router().unregister_address(address());
  }
}

Router& Context::router() noexcept {
  return runtime_.router();
}

asio::io_context& Context::io() noexcept {
  return runtime_.io();
}

Task<Result<void>> Context::forward(LocalMessage message) {
  return router().route(address(), std::move(message));
}

Task<Result<void>> Context::forward_from_address(LocalMessage message, Address from) {
  return router().route(std::move(from), std::move(message));
}

Result<void> Context::forward_now(LocalMessage& message, const Address& from) {
  if (!owned_by_worker_) {
    return Error(Origin::kNode, Kind::kMisuse, "forward_now is for a worker's synchronous path");
  }
  auto delivered = router().try_route(from, message);
  if (!delivered) {
    return delivered.error();
  }
  if (*delivered) {
    return ok();
  }
  return mailbox_->push_parked(Envelope{from, std::move(message)});
}

Task<Result<Envelope>> Context::receive_envelope(std::chrono::milliseconds timeout) {
  if (owned_by_worker_) {
    co_return Error(Origin::kNode, Kind::kMisuse,
                    "a worker receives through handle_message, not receive");
  }
  auto envelope = co_await mailbox_->pop(std::chrono::steady_clock::now() + timeout);
  if (!envelope) {
    if (mailbox_->is_closed()) {
      co_return Error(Origin::kNode, Kind::kShutdown, "the node is stopping");
    }
    co_return Error(Origin::kNode, Kind::kTimeout, "no message arrived before the timeout")
        .with_detail(timed_out_after(timeout));
  }
  co_return std::move(*envelope);
}

Error Context::describe_route_error(const Error& error, const Address& first_hop) {
  std::string detail = "first hop " + first_hop.to_string();
  if (!error.detail().empty()) {
    detail += ": ";
    detail += error.detail();
  }
  return error.with_detail(detail);
}

Result<std::unique_ptr<Context>> Context::new_detached_context() {
  Address address = Address::random_local();
  auto mailbox = runtime_.register_context_address(address);
  if (!mailbox) {
    return mailbox.error();
  }
  return std::make_unique<Context>(runtime_, std::vector<Address>{address}, std::move(*mailbox),
                                   false);
}

std::uint64_t Context::stop_receiving_when_gone(const Address& address,
                                                std::shared_ptr<bool> gone) {
  std::weak_ptr<Mailbox> mailbox = mailbox_;
  return router().watch(address, [mailbox, gone = std::move(gone)] {
    *gone = true;
    if (auto open = mailbox.lock()) {
      open->close();
    }
  });
}

void Context::admit_replies_from(const Route& route) {
  const Address* next = route.next();
  if (next == nullptr) {
    return;
  }
  if (const ProducerInfo* producer = flow_controls().find_producer(*next)) {
    flow_controls().add_consumer(address(), producer->flow_control_id);
  }
}

Task<Result<void>> Context::start_worker_with_mailboxes(std::vector<MailboxSpec> mailboxes,
                                                        std::shared_ptr<WorkerBase> worker) {
  return runtime_.start_worker(std::move(mailboxes), std::move(worker));
}

Task<Result<void>> Context::stop_worker(Address address) {
  return runtime_.stop_worker(std::move(address), this->address());
}

Task<Result<void>> Context::start_processor(Address address, std::shared_ptr<Processor> processor) {
  return runtime_.start_processor(std::move(address), std::move(processor));
}

Task<Result<void>> Context::stop_processor(Address address) {
  return runtime_.stop_worker(std::move(address), this->address());
}

Task<Result<void>> Context::stop() {
  if (owned_by_worker_) {
    // A worker cannot wait for its own shutdown, which runs after this handler returns: the
    // stop goes on in a handler of its own.
    runtime_.request_stop();
    co_return ok();
  }
  co_return co_await runtime_.stop();
}

}  // namespace ockam
