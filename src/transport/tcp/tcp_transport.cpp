#include "ockam/transport/tcp/tcp_transport.hpp"

#include <map>

#include <asio/connect.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/ip/tcp.hpp>

#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"
#include "ockam/transport/tcp/constants.hpp"
#include "transport/tcp/internal/acceptor.hpp"
#include "transport/tcp/internal/connection.hpp"
#include "transport/tcp/internal/host_port.hpp"

namespace ockam {
namespace tcp {

/// ListenerState is one listening socket and the connections it accepted, oldest first.
struct ListenerState {
  asio::ip::tcp::acceptor acceptor;
  std::size_t max_connections;
  std::vector<std::weak_ptr<Connection>> connections;

  /// Makes room for one more connection: forgets closed ones, and at the limit closes the
  /// oldest that never delivered a frame. False when every connection has delivered one.
  bool make_room(Router& router) {
    std::erase_if(connections, [](const std::weak_ptr<Connection>& weak) {
      auto connection = weak.lock();
      return !connection || connection->is_closed();
    });
    if (connections.size() < max_connections) {
      return true;
    }
    for (auto it = connections.begin(); it != connections.end(); ++it) {
      auto connection = it->lock();
      if (!connection->has_delivered()) {
        router.metrics().count_drop(DropReason::kLimits);
        connection->close();
        connections.erase(it);
        return true;
      }
    }
    return false;
  }
};

/// TransportState is shared by the TcpTransport handles and the route resolver.
class TransportState : public std::enable_shared_from_this<TransportState> {
 public:
  TransportState(Context& ctx, TcpLimits limits)
      : ctx_(ctx), shared_(std::make_shared<SharedLimits>(SharedLimits{limits})) {}

  Context& context() { return ctx_; }
  Router& router() { return ctx_.router(); }
  asio::io_context& io() { return ctx_.io(); }

  /// Starts a connection over `socket`; `listener` (if any) is the one that accepted it.
  Result<TcpConnection> adopt(asio::ip::tcp::socket socket, std::string peer_key,
                              std::optional<FlowControlId> spawner_id,
                              const std::vector<FlowControlId>& consumer_of,
                              ListenerState* listener = nullptr) {
    std::string peer = describe(socket);
    std::weak_ptr<TransportState> weak = weak_from_this();
    auto connection = std::make_shared<Connection>(router(), std::move(socket), peer, shared_,
                                                   [weak](const Address& sender) {
                                                     if (auto state = weak.lock()) {
                                                       state->forget(sender);
                                                     }
                                                   });
    auto started = connection->start(flow_for(peer_key), std::move(spawner_id), consumer_of);
    if (!started) {
      return started.error();
    }
    if (listener != nullptr) {
      listener->connections.push_back(connection);
    }
    connections_[started->sender_address()] = Entry{connection, peer_key};
    if (!peer_key.empty()) {
      by_peer_[peer_key] = started->sender_address();
    }
    return started;
  }

  void forget(const Address& sender) {
    auto it = connections_.find(sender);
    if (it == connections_.end()) {
      return;
    }
    if (auto peer = by_peer_.find(it->second.peer_key);
        peer != by_peer_.end() && peer->second == sender) {
      by_peer_.erase(peer);
    }
    connections_.erase(it);
  }

  Result<void> disconnect(const Address& sender) {
    auto it = connections_.find(sender);
    if (it == connections_.end()) {
      return Error(Origin::kTransport, Kind::kNotFound, "no TCP connection with that address")
          .with_detail(sender.to_string());
    }
    std::shared_ptr<Connection> connection = it->second.connection;
    connection->close();
    return ok();
  }

  /// The sender address of a live connection to `peer_key` ("host:port" as given), if any.
  const Address* find_by_peer(const std::string& peer_key) const {
    auto it = by_peer_.find(peer_key);
    return it == by_peer_.end() ? nullptr : &it->second;
  }

  std::map<Address, std::shared_ptr<ListenerState>> listeners;

 private:
  struct Entry {
    std::shared_ptr<Connection> connection;
    std::string peer_key;
  };

  /// The flow a new connection's receiver produces. Connections this node opens to the same
  /// "host:port" share one flow, so consumers added for it survive a reconnection (relays).
  FlowControlId flow_for(const std::string& peer_key) {
    if (peer_key.empty()) {
      return FlowControlId::generate();
    }
    auto [it, inserted] = flow_by_peer_.try_emplace(peer_key);
    if (inserted) {
      it->second = FlowControlId::generate();
    }
    return it->second;
  }

  static std::string describe(const asio::ip::tcp::socket& socket) {
    asio::error_code ec;
    auto endpoint = socket.remote_endpoint(ec);
    if (ec) {
      return "unknown";
    }
    return endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
  }

  Context& ctx_;
  std::shared_ptr<SharedLimits> shared_;
  std::map<Address, Entry> connections_;
  std::map<std::string, Address> by_peer_;
  std::map<std::string, FlowControlId> flow_by_peer_;
};

namespace {

/// True for accept errors that mean "out of resources for now" (retrying at once would spin).
bool is_resource_exhaustion(const asio::error_code& ec) {
  return ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space ||
         ec == asio::error::no_memory || ec.value() == ENFILE;
}

Task<> accept_loop(std::shared_ptr<TransportState> state, std::shared_ptr<ListenerState> listener,
                   FlowControlId spawner_id, TcpListenerOptions options) {
  asio::steady_timer pause(state->io());
  std::chrono::milliseconds backoff = kMinAcceptBackoff;
  while (listener->acceptor.is_open()) {
    auto [ec, socket] = co_await listener->acceptor.async_accept(kUseTuple);
    if (ec) {
      if (ec == asio::error::operation_aborted || !listener->acceptor.is_open()) {
        break;
      }
      // Pause (the pending connections stay in the backlog), doubling up to a second while
      // the error lasts: one log line per pause instead of a spinning loop.
      state->router().metrics().count_drop(DropReason::kLimits);
      std::chrono::milliseconds wait = is_resource_exhaustion(ec) ? backoff : kMinAcceptBackoff;
      log::warn("tcp", "accept failed ({}); pausing accepts for {} ms", ec.message(), wait.count());
      backoff = std::min(backoff * 2, kMaxAcceptBackoff);
      pause.expires_after(wait);
      co_await pause.async_wait(kUseTuple);
      continue;
    }
    backoff = kMinAcceptBackoff;
    if (!listener->make_room(state->router())) {
      state->router().metrics().count_drop(DropReason::kLimits);
      static log::RateLimit limit;
      log::warn_limited(limit, "tcp", "refused a connection: the listener holds {} connections",
                        listener->max_connections);
      asio::error_code ignored;
      socket.close(ignored);
      continue;
    }
    auto adopted =
        state->adopt(std::move(socket), "", spawner_id, options.consumer_of, listener.get());
    if (!adopted) {
      log::warn("tcp", "could not start an accepted connection: {}", adopted.error().to_string());
    }
  }
}

Task<Result<asio::ip::tcp::socket>> open_socket(asio::io_context& io, HostPort target) {
  using namespace asio::experimental::awaitable_operators;
  asio::ip::tcp::resolver resolver(io);
  auto [resolve_error, endpoints] =
      co_await resolver.async_resolve(target.host, std::to_string(target.port), kUseTuple);
  if (resolve_error) {
    co_return Error(Origin::kTransport, Kind::kIo, "could not resolve the host name")
        .with_detail(fmt::format("{}: {}", target.host, resolve_error.message()));
  }
  asio::ip::tcp::socket socket(io);
  asio::steady_timer timer(io);
  timer.expires_after(kConnectTimeout);
  auto outcome =
      co_await (asio::async_connect(socket, endpoints, kUseTuple) || timer.async_wait(kUseTuple));
  // The detail names what the local caller asked for and the system's reason, nothing else.
  if (outcome.index() == 1) {
    co_return Error(Origin::kTransport, Kind::kTimeout, "TCP connect timed out")
        .with_detail(fmt::format("{}:{}: timed out after {} s", target.host, target.port,
                                 kConnectTimeout.count()));
  }
  if (auto connect_error = std::get<0>(std::get<0>(outcome))) {
    co_return Error(Origin::kTransport, Kind::kIo, "TCP connect failed")
        .with_detail(fmt::format("{}:{}: {}", target.host, target.port, connect_error.message()));
  }
  co_return std::move(socket);
}

Task<Result<TcpConnection>> connect_with(std::shared_ptr<TransportState> state, std::string address,
                                         TcpConnectionOptions options) {
  auto target = parse_host_port(address);
  if (!target) {
    co_return target.error();
  }
  auto socket = co_await open_socket(state->io(), *target);
  if (!socket) {
    co_return socket.error();
  }
  co_return state->adopt(std::move(*socket), address, std::nullopt, options.consumer_of);
}

Task<Result<Address>> resolve_with(std::shared_ptr<TransportState> state, Address address) {
  std::string peer(address.inner());
  if (const Address* existing = state->find_by_peer(peer)) {
    co_return *existing;
  }
  auto connection = co_await connect_with(state, std::move(peer), TcpConnectionOptions());
  if (!connection) {
    co_return connection.error();
  }
  co_return connection->sender_address();
}

}  // namespace
}  // namespace tcp

TcpTransport TcpTransport::create(Context& ctx, TcpLimits limits) {
  auto state = std::make_shared<tcp::TransportState>(ctx, limits);
  // The resolver keeps the transport alive: routes may name TCP peers for the node's lifetime.
  ctx.router().register_transport(
      kTcp, [state](Address address) { return tcp::resolve_with(state, std::move(address)); });
  return TcpTransport(state);
}

Task<Result<TcpListener>> TcpTransport::listen(std::string address, TcpListenerOptions options) {
  auto opened = tcp::open_acceptor(state_->io(), address);
  if (!opened) {
    co_return opened.error();
  }
  auto listener = std::make_shared<tcp::ListenerState>(
      tcp::ListenerState{std::move(*opened), options.max_connections, {}});
  asio::error_code ec;
  auto bound = listener->acceptor.local_endpoint(ec);
  FlowControlId flow_id = FlowControlId::generate();
  Address listener_address = Address::random_local();
  state_->router().flow_controls().add_spawner(listener_address, flow_id);
  state_->listeners[listener_address] = listener;
  asio::co_spawn(state_->io(), tcp::accept_loop(state_, listener, flow_id, std::move(options)),
                 asio::detached);
  std::string socket_address = bound.address().to_string() + ":" + std::to_string(bound.port());
  co_return TcpListener(listener_address, socket_address, bound.port(), flow_id);
}

Task<Result<TcpConnection>> TcpTransport::connect(std::string address,
                                                  TcpConnectionOptions options) {
  return tcp::connect_with(state_, std::move(address), std::move(options));
}

Result<void> TcpTransport::disconnect(const Address& sender_address) {
  return state_->disconnect(sender_address);
}

Context& TcpTransport::context() const noexcept {
  return state_->context();
}

Result<void> TcpTransport::stop_listener(const Address& listener_address) {
  auto it = state_->listeners.find(listener_address);
  if (it == state_->listeners.end()) {
    return Error(Origin::kTransport, Kind::kNotFound, "no TCP listener with that address")
        .with_detail(listener_address.to_string());
  }
  asio::error_code ignored;
  it->second->acceptor.close(ignored);
  state_->listeners.erase(it);
  return ok();
}

}  // namespace ockam
