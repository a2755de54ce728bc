#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ockam/core/bare.hpp"
#include "ockam/node/mailbox.hpp"
#include "ockam/node/processor.hpp"
#include "ockam/node/routed.hpp"
#include "ockam/node/router.hpp"
#include "ockam/node/worker.hpp"

namespace ockam {

class Runtime;

/// How long `receive` and `send_and_receive` wait by default (Ockam's DEFAULT_TIMEOUT).
inline constexpr std::chrono::milliseconds kDefaultReceiveTimeout{30'000};

/// MailboxSpec is one address of a worker with its access controls (null: allow all).
struct MailboxSpec {
  Address address;
  IncomingAccessControlPtr incoming = nullptr;
  OutgoingAccessControlPtr outgoing = nullptr;
};

/// Context is a worker's (or the application's) handle on its node: it sends from its own
/// address, receives into its own mailbox, and starts and stops workers. Use it on the node's
/// thread only.
class Context {
 public:
  Context(Runtime& runtime, std::vector<Address> addresses, std::shared_ptr<Mailbox> mailbox,
          bool owned_by_worker);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  /// The primary address: the return address of what this context sends.
  const Address& address() const noexcept { return addresses_.front(); }
  const std::vector<Address>& addresses() const noexcept { return addresses_; }
  Runtime& runtime() noexcept { return runtime_; }
  Router& router() noexcept;
  FlowControls& flow_controls() noexcept { return router().flow_controls(); }
  asio::io_context& io() noexcept;

  /// Sends `message` (BARE-encoded) along `route` with return route [address()]. A transport
  /// address as first hop (`1#host:port`) is resolved, connecting if needed: only messages a
  /// node's own code sends do that, never forwarded ones (see `Router::route`).
  template <bare::Encodable T>
  Task<Result<void>> send(Route route, T message) {
    return send_from_address(std::move(route), std::move(message), address());
  }
  /// Sends a string given as a literal or a view (copied before this returns).
  Task<Result<void>> send(Route route, std::string_view message) {
    return send(std::move(route), std::string(message));
  }
  /// Sends with return route [from]; `from` must be one of this context's addresses.
  template <bare::Encodable T>
  Task<Result<void>> send_from_address(Route route, T message, Address from) {
    LocalMessage local;
    local.onward_route = std::move(route);
    local.return_route.append(from);
    local.payload = bare::encode(message);
    if (const Address* next = local.onward_route.next(); next != nullptr && !next->is_local()) {
      return router().route_local(std::move(from), std::move(local));  // may connect
    }
    return router().route(std::move(from), std::move(local));
  }
  /// Sends a message unchanged (no return-route rewrite), from address().
  Task<Result<void>> forward(LocalMessage message);
  Task<Result<void>> forward_from_address(LocalMessage message, Address from);
  /// forward_from_address without waiting, for a worker's `handle_synchronously`: when the next
  /// hop has no room the message is parked in this worker's mailbox and routed, with
  /// back-pressure, before the worker handles anything else. kMisuse outside a worker.
  Result<void> forward_now(LocalMessage& message, const Address& from);

  /// Waits for the next message to this context and decodes it as `T`. kTimeout after
  /// `timeout`; kParse if the body is not a `T`; kMisuse on a worker's context (a worker
  /// receives through handle_message).
  template <bare::Encodable T>
  Task<Result<Routed<T>>> receive(std::chrono::milliseconds timeout = kDefaultReceiveTimeout) {
    auto envelope = co_await receive_envelope(timeout);
    if (!envelope) {
      co_return envelope.error();
    }
    auto body = bare::decode<T>(envelope->message.payload);
    if (!body) {
      co_return body.error();
    }
    co_return Routed<T>(std::move(envelope->destination), std::move(envelope->message),
                        std::move(*body));
  }
  /// Waits for the next raw message to this context.
  Task<Result<Envelope>> receive_envelope(
      std::chrono::milliseconds timeout = kDefaultReceiveTimeout);

  /// Sends `message` from a fresh temporary address and waits for one reply of type `R`. TCP
  /// addresses in `route` are resolved first, and the temporary address is admitted as a
  /// flow-control consumer of the first hop's flow, as Ockam does. kIo at once if the first
  /// hop (e.g. the TCP connection) goes away before the reply, kTimeout after `timeout`.
  template <bare::Encodable R, bare::Encodable T>
  Task<Result<R>> send_and_receive(Route route, T message,
                                   std::chrono::milliseconds timeout = kDefaultReceiveTimeout) {
    // The caller's first hop names the route in an error (the resolved one may be a random
    // connection address).
    Address first_hop = route.empty() ? Address() : *route.next();
    auto resolved = co_await router().resolve_route(std::move(route));
    if (!resolved) {
      co_return resolved.error();
    }
    if (resolved->empty()) {
      co_return Error(Origin::kNode, Kind::kInvalid, "message has an empty onward route");
    }
    auto child = new_detached_context();
    if (!child) {
      co_return child.error();
    }
    (*child)->admit_replies_from(*resolved);
    auto first_hop_gone = std::make_shared<bool>(false);
    std::uint64_t watch = (*child)->stop_receiving_when_gone(*resolved->next(), first_hop_gone);
    auto sent = co_await (*child)->send(std::move(*resolved), std::move(message));
    if (!sent) {
      router().unwatch(watch);
      co_return describe_route_error(sent.error(), first_hop);
    }
    auto reply = co_await (*child)->template receive<R>(timeout);
    router().unwatch(watch);
    if (!reply) {
      if (*first_hop_gone) {
        co_return describe_route_error(
            Error(Origin::kNode, Kind::kIo, "the route's first hop closed before a reply"),
            first_hop);
      }
      co_return describe_route_error(reply.error(), first_hop);
    }
    co_return std::move(*reply).take_body();
  }

  /// send_and_receive for a string given as a literal or a view (copied before this returns).
  template <bare::Encodable R>
  Task<Result<R>> send_and_receive(Route route, std::string_view message,
                                   std::chrono::milliseconds timeout = kDefaultReceiveTimeout) {
    return send_and_receive<R, std::string>(std::move(route), std::string(message), timeout);
  }

  /// `error` with a detail naming the local caller's route by its `first_hop` (and keeping
  /// the reason it already gave, such as a timeout).
  static Error describe_route_error(const Error& error, const Address& first_hop);
  /// A context of its own (random address, own mailbox) for request/reply; it unregisters
  /// when destroyed.
  Result<std::unique_ptr<Context>> new_detached_context();
  /// Makes this context a consumer of the flow whose producer is the first hop of `route`.
  void admit_replies_from(const Route& route);
  /// Closes this context's mailbox (so a waiting `receive` fails at once) and sets `*gone` when
  /// `address` is unregistered, e.g. the TCP connection a reply would come through closed.
  /// Returns the watch id for `Router::unwatch`. For detached contexts.
  std::uint64_t stop_receiving_when_gone(const Address& address, std::shared_ptr<bool> gone);

  // Overloads rather than default arguments of class type: GCC 12 mishandles the lifetime of
  // such defaults inside co_await expressions.

  /// Starts `worker` at `address` with allow-all access control.
  template <class W>
  Task<Result<void>> start_worker(Address address, W worker) {
    return start_worker(std::move(address), std::move(worker), nullptr, nullptr);
  }
  /// Starts `worker` at `address` with the given access controls (null: allow all).
  template <class W>
  Task<Result<void>> start_worker(Address address, W worker, IncomingAccessControlPtr incoming,
                                  OutgoingAccessControlPtr outgoing) {
    std::vector<MailboxSpec> mailboxes{
        {std::move(address), std::move(incoming), std::move(outgoing)}};
    return start_worker_with_mailboxes(std::move(mailboxes),
                                       std::make_shared<W>(std::move(worker)));
  }
  /// Starts a worker that owns several addresses, each with its own access control.
  Task<Result<void>> start_worker_with_mailboxes(std::vector<MailboxSpec> mailboxes,
                                                 std::shared_ptr<WorkerBase> worker);
  /// Stops the worker owning `address` (its `shutdown` runs) and waits until it has stopped.
  Task<Result<void>> stop_worker(Address address);
  Task<Result<void>> start_processor(Address address, std::shared_ptr<Processor> processor);
  Task<Result<void>> stop_processor(Address address);
  /// Stops every worker and the node. From a worker's (or processor's) context it returns at
  /// once and the stop completes after the handler returns.
  Task<Result<void>> stop();

 private:
  Runtime& runtime_;
  std::vector<Address> addresses_;
  std::shared_ptr<Mailbox> mailbox_;
  bool owned_by_worker_;
};

}  // namespace ockam
