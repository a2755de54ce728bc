#pragma once

#include <string_view>

#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>

#include "ockam/core/result.hpp"

namespace ockam::tcp {

/// open_acceptor listens on `address` ("ip:port"; port 0 picks a free one) with SO_REUSEADDR.
/// kInvalid when the address is not an IP address and port, kIo (with the address and the
/// system's reason) when the socket cannot listen there.
Result<asio::ip::tcp::acceptor> open_acceptor(asio::io_context& io, std::string_view address);

}  // namespace ockam::tcp
