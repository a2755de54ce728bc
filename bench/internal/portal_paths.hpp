#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "internal/baseline_peers.hpp"
#include "internal/exit_on_error.hpp"
#include "internal/inlet_node.hpp"
#include "internal/peer_process.hpp"
#include "internal/peer_protocol.hpp"
#include "internal/run_to_completion.hpp"

namespace ockam::bench {

/// PortalPathFigures are one measurement over each of the three ways to a target that the
/// portal benchmarks compare.
template <class T>
struct PortalPathFigures {
  /// One loopback connection straight to the target (the baseline).
  T direct;
  /// Through a TcpRelayChain: the portal's three connections and four busy threads, no Ockam.
  T relay_chain;
  /// Through inlet -> secure channel over loopback TCP -> outlet.
  T portal;
};

/// PathMeasurement is a client run against 127.0.0.1:`port` on a fresh io_context.
template <class T>
using PathMeasurement = std::function<Task<Result<T>>(asio::io_context&, std::uint16_t port)>;

/// measure_portal_paths starts a `target_role` peer, a portal-outlet peer and a TcpRelayChain
/// toward it and an InletNode toward the outlet, runs `measure` straight to the target, through
/// the chain and through the portal (in that order, each limited to `seconds` plus the
/// watchdog's grace), and stops everything. Any failure prints `<benchmark> <step>: <error>`
/// and ends the subcommand (exit_on_error).
template <class T>
PortalPathFigures<T> measure_portal_paths(std::string_view benchmark, std::string_view target_role,
                                          double seconds, PathMeasurement<T> measure) {
  const auto step = [benchmark](std::string_view what) {
    return fmt::format("{} {}", benchmark, what);
  };
  PeerProcess target =
      exit_on_error(PeerProcess::start({"--serve", std::string(target_role)}), step("target"));
  PeerProcess outlet = exit_on_error(
      PeerProcess::start({"--serve", std::string(kPortalOutletRole), "--target", target.address()}),
      step("outlet node"));
  TcpRelayChain chain = exit_on_error(start_tcp_relay_chain(target.address()), step("relay chain"));
  auto inlet = exit_on_error(InletNode::start(outlet.address()), step("inlet node"));
  const auto limit = limit_for(seconds);
  const auto run = [&](std::uint16_t port, std::string_view what) {
    return exit_on_error(
        run_on_io<T>(limit, [&](asio::io_context& io) { return measure(io, port); }), what);
  };
  PortalPathFigures<T> figures{};
  figures.direct = run(target.port(), step("baseline"));
  figures.relay_chain = run(chain.first.port(), step("relay chain"));
  figures.portal = run(inlet->port(), benchmark);
  inlet.reset();
  exit_on_error(chain.stop(), step("relay chain"));
  exit_on_error(outlet.stop(), step("outlet node"));
  exit_on_error(target.stop(), step("target"));
  return figures;
}

}  // namespace ockam::bench
