#pragma once

// TCP portals (reference ockam-portals §1): `tcp.create_outlet(...)` next to a service and
// `tcp.create_inlet(...)` next to its clients pipe TCP streams through routes, usually through
// a secure channel. The two TcpTransport members are declared in tcp_transport.hpp and defined
// in this module:
//
//   Task<Result<TcpOutlet>> TcpTransport::create_outlet(Address address, std::string target,
//                                                       TcpOutletOptions options);
//     Starts the outlet listener worker at `address` (Ockam's default is "outlet"). Each Ping
//     that reaches it opens a connection to `target` ("host:port", resolved each time) and a
//     portal that answers Pong; Disconnect when the target cannot be reached. kAlreadyExists
//     if `address` is taken; kInvalid for a malformed target.
//
//   Task<Result<TcpInlet>> TcpTransport::create_inlet(std::string bind_address,
//                                                     Route outlet_route, TcpInletOptions);
//     Listens on `bind_address` ("ip:port", port 0 picks one); each client gets a portal that
//     pings the outlet at the end of `outlet_route` (e.g. route(channel, "outlet")) and pipes
//     bytes once the Pong comes. It pings the outlet's node's echo service and, when the path
//     dies, closes its portals and gets the path back (`options.liveness`, docs/portals.md).
//     kIo if the address cannot be bound.
#include "ockam/portal/portal_counters.hpp"
#include "ockam/portal/tcp_inlet.hpp"
#include "ockam/portal/tcp_outlet.hpp"
#include "ockam/portal/tcp_portal_options.hpp"
#include "ockam/transport/tcp/tcp_transport.hpp"
