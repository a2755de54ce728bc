#include "transport/tcp/internal/acceptor.hpp"

#include <string>

#include "transport/tcp/internal/host_port.hpp"

namespace ockam::tcp {

Result<asio::ip::tcp::acceptor> open_acceptor(asio::io_context& io, std::string_view address) {
  auto target = parse_host_port(address);
  if (!target) {
    return target.error();
  }
  asio::error_code ec;
  auto ip = asio::ip::make_address(target->host, ec);
  if (ec) {
    return Error(Origin::kTransport, Kind::kInvalid, "listen needs an IP address")
        .with_detail(address);
  }
  asio::ip::tcp::acceptor acceptor(io);
  asio::ip::tcp::endpoint endpoint(ip, target->port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) {
    acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    acceptor.bind(endpoint, ec);
  }
  if (!ec) {
    acceptor.listen(asio::socket_base::max_listen_connections, ec);
  }
  if (ec) {
    return Error(Origin::kTransport, Kind::kIo, "could not listen on that address")
        .with_detail(std::string(address) + ": " + ec.message());
  }
  return acceptor;
}

}  // namespace ockam::tcp
