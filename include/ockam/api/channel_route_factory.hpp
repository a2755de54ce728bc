#pragma once

#include <functional>
#include <string>

#include "ockam/api/node.hpp"

namespace ockam {

/// ChannelRouteFactory makes a route to a service behind a secure channel, the way applications
/// reach an outlet: each call opens a TCP connection to `connect_to` ("host:port"), a secure
/// channel as `identity` along route(connection, `to_listener`...) (e.g. route("api"), or
/// route("forward_to_bob", "api") through a relay), and returns route(channel, `service`). It
/// first closes the channel and connection its previous call made, so it is what
/// `TcpInletOptions::with_route_factory` wants: call it once for the inlet's first route and
/// hand it to the inlet to make the next ones. Copies share what they made. Use it on the
/// node's thread.
std::function<Task<Result<Route>>()> channel_route_factory(Node node, TcpTransport tcp,
                                                           identity::Identity identity,
                                                           std::string connect_to,
                                                           Route to_listener, Address service);

}  // namespace ockam
