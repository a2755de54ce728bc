#include "node_resources.hpp"

#include <chrono>

#include "exit_code.hpp"
#include "multiaddr_argument.hpp"
#include "node_command.hpp"
#include "ockam/cli/cbor_map.hpp"
#include "ockam/storage/storage.hpp"
#include "request_bodies.hpp"

namespace ockam::command {
namespace {

void check(const Result<void>& stored, const std::string& what) {
  if (!stored) {
    fail_with(what, stored.error());
  }
}

}  // namespace

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string host_port_argument(const std::string& option, const std::string& text) {
  auto colon = text.rfind(':');
  std::string host = colon == std::string::npos ? "" : text.substr(0, colon);
  std::string port = colon == std::string::npos ? text : text.substr(colon + 1);
  bool numeric = !port.empty() && port.size() <= 5 &&
                 port.find_first_not_of("0123456789") == std::string::npos;
  if (!numeric || std::stoul(port) > 65535) {
    throw CommandError(kExitUsage, option + " '" + text + "'", "expected [HOST:]PORT");
  }
  return (host.empty() ? "127.0.0.1" : host) + ":" + port;
}

Task<CreatedOutlet> create_outlet(Node node, NodeControl& control, std::string to,
                                  std::optional<std::string> from) {
  to = host_port_argument("--to", to);
  Bytes body = co_await control.call(cli::Method::kPost, "node/outlet", outlet_request(to, from),
                                     "creating a TCP outlet");
  cli::CborMap map = answer_map(body, "creating a TCP outlet");
  CreatedOutlet out{map.text(1).value_or(to), map.text(2).value_or("")};
  std::string address = out.address.substr(std::string_view("/service/").size());
  check(node.storage()->tcp_outlets().put({control.record().name, address, to, now_seconds()}),
        "recording the outlet");
  co_return out;
}

Task<CreatedInlet> create_inlet(Node node, NodeControl& control, std::string from, std::string to,
                                std::optional<std::string> alias) {
  from = host_port_argument("--from", from);
  cli::MultiAddr resolved = resolve_nodes(node, parse_multiaddr("--to", to));
  Bytes body = co_await control.call(cli::Method::kPost, "node/inlet",
                                     inlet_request(from, resolved, alias), "creating a TCP inlet");
  cli::CborMap map = answer_map(body, "creating a TCP inlet");
  CreatedInlet out{map.text(1).value_or(from), map.text(3).value_or(""), to,
                   map.text(6).value_or("Up")};
  // The bound address (not port 0), so that `node start` listens where clients expect it.
  check(node.storage()->tcp_inlets().put(
            {control.record().name, out.alias, out.bind, to, now_seconds()}),
        "recording the inlet");
  co_return out;
}

Task<CreatedRelay> create_relay(Node node, NodeControl& control, std::string at, std::string name) {
  if (!at.starts_with("/")) {
    at = "/node/" + at;
  }
  cli::MultiAddr resolved = resolve_nodes(node, parse_multiaddr("--at", at));
  Bytes body = co_await control.call(cli::Method::kPost, "node/relay",
                                     relay_request(resolved, name), "creating relay " + name);
  cli::CborMap map = answer_map(body, "creating relay " + name);
  CreatedRelay out{name, map.text(2).value_or("forward_to_" + name), at};
  check(node.storage()->relays().put(
            {control.record().name, name, at, out.remote_address, now_seconds()}),
        "recording the relay");
  co_return out;
}

}  // namespace ockam::command
