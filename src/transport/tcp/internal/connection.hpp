#pragma once

#include <functional>
#include <memory>
#include <string>

#include <asio/ip/tcp.hpp>

#include "ockam/node/router.hpp"
#include "ockam/transport/tcp/tcp_connection.hpp"

namespace ockam::tcp {

/// Connection is one TCP socket with its two node addresses: the sender (an Inbox that frames
/// what it is given and queues it for the socket's single writer coroutine, which sends all
/// queued frames with one write) and the receiver (a flow-control producer that routes what
/// the reader coroutine decodes). Bad input from the peer closes the connection.
class Connection final : public Inbox, public std::enable_shared_from_this<Connection> {
 public:
  using ClosedCallback = std::function<void(const Address& sender)>;

  Connection(Router& router, asio::ip::tcp::socket socket, std::string peer,
             ClosedCallback on_closed);

  /// Registers the addresses and flow control, then starts the reader and writer.
  Result<TcpConnection> start(std::optional<FlowControlId> spawner_id,
                              const std::vector<FlowControlId>& consumer_of);

  bool has_space() const override { return closed_ || pending_.size() < kPendingLimit; }
  Task<> wait_for_space() override;
  Result<void> push(Envelope envelope) override;
  void close() override;
  bool is_closed() const override { return closed_; }

 private:
  static constexpr std::size_t kPendingLimit = 4 * 1024 * 1024;

  Task<> read_loop();
  Task<> write_loop();
  /// Reads until at least `count` bytes are buffered; false on EOF or error.
  Task<bool> fill(std::size_t count);

  Router& router_;
  asio::ip::tcp::socket socket_;
  std::string peer_;
  ClosedCallback on_closed_;
  Address sender_ = Address::random_local();
  Address receiver_ = Address::random_local();
  bool closed_ = false;

  Bytes pending_;
  Bytes writing_;
  bool writer_waiting_ = false;
  std::size_t producers_waiting_ = 0;
  asio::steady_timer write_wake_;
  asio::steady_timer space_freed_;

  Bytes read_buffer_;
  std::size_t read_begin_ = 0;
  std::size_t read_end_ = 0;
};

}  // namespace ockam::tcp
