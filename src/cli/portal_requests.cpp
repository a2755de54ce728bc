#include "ockam/cli/portal_requests.hpp"

#include "cli/internal/inlet_connection.hpp"
#include "ockam/cli/cbor_map.hpp"
#include "ockam/cli/response_header.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "ockam/core/log.hpp"

namespace ockam::cli {
namespace {

constexpr std::string_view kOutletPath = "node/outlet";
constexpr std::string_view kInletPath = "node/inlet";
// A handshake of an inlet's route takes milliseconds when its far side is there; through a
// relay whose outlet node has not registered yet it waits for nothing, and with Ockam's 120 s
// the inlet would stay Down that long after the outlet's node came back.
constexpr std::chrono::milliseconds kInletHandshakeTimeout{10'000};

// The name after "<prefix>/" in a path, or empty for the bare prefix.
std::string path_name(const std::string& path, std::string_view prefix) {
  return path.size() > prefix.size() ? path.substr(prefix.size() + 1) : std::string();
}

// Accepts a bare name or a one-component `/service/x` form, as Ockam's extract_address_value.
std::optional<std::string> address_value(const std::string& text) {
  if (text.empty() || text.front() != '/') {
    return text.find('/') == std::string::npos && !text.empty() ? std::optional(text)
                                                                : std::nullopt;
  }
  auto addr = MultiAddr::parse(text);
  if (!addr || addr->size() != 1 || (*addr)[0].protocol != Protocol::kService) {
    return std::nullopt;
  }
  return (*addr)[0].value;
}

void write_outlet(CborWriter& out, const TcpOutlet& outlet) {
  out.write_map_header(2);
  out.write_uint(1);
  out.write_text(outlet.target());
  out.write_uint(2);
  out.write_text(std::string("/service/").append(outlet.address().inner()));
}

}  // namespace

Task<Bytes> PortalRequests::outlets(Request request) {
  const RequestHeader& h = request.header;
  std::string name = path_name(h.path, kOutletPath);
  if (h.method == Method::kPost && name.empty()) {
    co_return co_await create_outlet(std::move(request));
  }
  if (h.method == Method::kGet && name.empty()) {
    co_return list_outlets(h);
  }
  if (h.method == Method::kDelete && !name.empty()) {
    co_return co_await delete_outlet(std::move(request), std::move(name));
  }
  co_return error_response(h, Status::kMethodNotAllowed, "no such method on this path");
}

Task<Bytes> PortalRequests::inlets(Request request) {
  const RequestHeader& h = request.header;
  std::string name = path_name(h.path, kInletPath);
  if (h.method == Method::kPost && name.empty()) {
    co_return co_await create_inlet(std::move(request));
  }
  if (h.method == Method::kGet && name.empty()) {
    co_return list_inlets(h);
  }
  if (h.method == Method::kDelete && !name.empty()) {
    co_return co_await delete_inlet(std::move(request), std::move(name));
  }
  co_return error_response(h, Status::kMethodNotAllowed, "no such method on this path");
}

// Ockam's choice: the base name when free, else a numbered one (Ockam: a random petname).
std::string PortalRequests::free_name(const std::string& base, bool outlet) const {
  auto taken = [this, outlet](const std::string& name) {
    return outlet ? outlets_.contains(name) : inlets_.contains(name);
  };
  std::string name = base;
  for (int i = 2; taken(name); ++i) {
    name = base + "-" + std::to_string(i);
  }
  return name;
}

Task<Bytes> PortalRequests::create_outlet(Request request) {
  const RequestHeader& h = request.header;
  auto body = CborMap::parse(request.body);
  auto to = body ? body->text(1) : std::nullopt;
  auto from = body ? body->text(3) : std::nullopt;
  std::optional<std::string> address = from ? address_value(*from) : free_name("outlet", true);
  if (!to || !address) {
    co_return error_response(h, Status::kBadRequest,
                             "an outlet request needs host:port (key 1) and a valid address");
  }
  if (outlets_.contains(*address)) {
    co_return error_response(h, Status::kConflict,
                             "A TCP outlet with address '" + *address + "' already exists");
  }
  if (outlets_.size() >= kMaxManagedPortals) {
    co_return error_response(h, Status::kConflict, "too many outlets on this node");
  }
  TcpOutletOptions options;
  options.as_consumer(api_flow_);
  auto outlet = co_await tcp_.create_outlet(Address(*address), *to, std::move(options));
  if (!outlet) {
    co_return error_response(h, outlet.error());
  }
  log::info("cli", "created TCP outlet /service/{} to {}", *address, *to);
  ByteWriter response;
  CborWriter out(response);
  write_outlet(out, *outlet);
  outlets_.insert_or_assign(*address, std::move(*outlet));
  co_return ok_response(h, response.view());
}

Bytes PortalRequests::list_outlets(const RequestHeader& header) const {
  ByteWriter body;
  CborWriter out(body);
  out.write_array_header(outlets_.size());
  for (const auto& [address, outlet] : outlets_) {
    write_outlet(out, outlet);
  }
  return ok_response(header, body.view());
}

Task<Bytes> PortalRequests::delete_outlet(Request request, std::string address) {
  auto value = address_value(address);
  auto it = value ? outlets_.find(*value) : outlets_.end();
  if (it == outlets_.end()) {
    co_return error_response(request.header, Status::kNotFound, "no outlet at that address");
  }
  TcpOutlet outlet = std::move(it->second);
  outlets_.erase(it);
  (void)co_await node_.stop_worker(outlet.address());
  ByteWriter body;
  CborWriter out(body);
  write_outlet(out, outlet);
  co_return ok_response(request.header, body.view());
}

namespace {

void write_inlet(CborWriter& out, const std::string& alias, const TcpInlet& inlet,
                 const std::string& outlet_addr) {
  out.write_map_header(4);
  out.write_uint(1);
  out.write_text(inlet.socket_address());
  out.write_uint(3);
  out.write_text(alias);
  out.write_uint(6);
  out.write_text(inlet.is_up() ? "Up" : "Down");
  out.write_uint(7);
  out.write_text(outlet_addr);
}

}  // namespace

Task<Bytes> PortalRequests::create_inlet(Request request) {
  const RequestHeader& h = request.header;
  auto body = CborMap::parse(request.body);
  auto bind = body ? body->text(1) : std::nullopt;
  auto raw_to = body ? body->bytes(2) : std::nullopt;
  auto alias_text = body ? body->text(3) : std::nullopt;
  const bool wait_connection = body ? body->boolean(7).value_or(true) : true;
  auto to = raw_to ? MultiAddr::decode(*raw_to) : Result<MultiAddr>(MultiAddr());
  std::string alias = alias_text ? *alias_text : free_name("inlet", false);
  if (!bind || !to || to->empty() || alias.empty() || alias.find('/') != std::string::npos) {
    co_return error_response(
        h, Status::kBadRequest,
        "an inlet request needs host:port (key 1), a multiaddr (key 2) and a valid alias");
  }
  if (inlets_.contains(alias)) {
    co_return error_response(h, Status::kConflict,
                             "A TCP inlet with alias '" + alias + "' already exists");
  }
  if (inlets_.size() >= kMaxManagedPortals) {
    co_return error_response(h, Status::kConflict, "too many inlets on this node");
  }
  auto connection = std::make_shared<InletConnection>(
      InletConnection{node_, tcp_, *to, ConnectOptions{identity_, {}, kInletHandshakeTimeout},
                      std::nullopt, false});
  auto make_route = reconnecting_route_factory(connection);
  // An outlet that cannot be reached yet (its node is down) leaves the inlet listening with
  // status Down, retrying, as Ockam's inlets do; without wait_connection (`node start`) the
  // first route is made that way too, after the answer.
  Route first_route;
  if (wait_connection) {
    if (auto route = co_await make_route()) {
      first_route = std::move(*route);
    } else {
      log::warn("cli", "inlet {} cannot reach {} yet ({}); it retries", alias, to->to_string(),
                route.error().to_string());
    }
  }
  // Named: GCC 12 may destroy a temporary of a co_await expression twice, here the factory's
  // hold on the connection.
  TcpInletOptions options = TcpInletOptions().with_route_factory(make_route);
  auto inlet = co_await tcp_.create_inlet(*bind, std::move(first_route), std::move(options));
  if (!inlet) {
    (void)co_await close_inlet_connection(std::move(connection));
    co_return error_response(h, inlet.error());
  }
  log::info("cli", "created TCP inlet {} at {} to {}", alias, inlet->socket_address(),
            to->to_string());
  ByteWriter response;
  CborWriter out(response);
  write_inlet(out, alias, *inlet, to->to_string());
  inlets_.insert_or_assign(alias,
                           InletEntry{std::move(*inlet), std::move(connection), to->to_string()});
  co_return ok_response(h, response.view());
}

Bytes PortalRequests::list_inlets(const RequestHeader& header) const {
  ByteWriter body;
  CborWriter out(body);
  out.write_array_header(inlets_.size());
  for (const auto& [alias, entry] : inlets_) {
    write_inlet(out, alias, entry.inlet, entry.outlet_addr);
  }
  return ok_response(header, body.view());
}

Task<Bytes> PortalRequests::delete_inlet(Request request, std::string alias) {
  auto it = inlets_.find(alias);
  if (it == inlets_.end()) {
    co_return error_response(request.header, Status::kNotFound, "no inlet with that alias");
  }
  InletEntry entry = std::move(it->second);
  inlets_.erase(it);
  entry.inlet.stop();
  (void)co_await close_inlet_connection(std::move(entry.connection));
  ByteWriter body;
  CborWriter out(body);
  write_inlet(out, alias, entry.inlet, entry.outlet_addr);
  co_return ok_response(request.header, body.view());
}

}  // namespace ockam::cli
