#include "ockam/cli/node_manager.hpp"

#include "ockam/channel/peer_identity.hpp"
#include "ockam/cli/cbor_map.hpp"
#include "ockam/cli/default_services.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"
#include "ockam/relay/relay_service.hpp"

namespace ockam::cli {
namespace {

// How long `v0/message` waits for a reply unless the request says otherwise (Ockam's
// `message send --timeout` default).
constexpr std::chrono::milliseconds kDefaultMessageTimeout{10'000};
constexpr std::chrono::milliseconds kMaxMessageTimeout{120'000};

Bytes bad_request(const RequestHeader& header, std::string_view why) {
  return error_response(header, Status::kBadRequest, why);
}

std::optional<std::set<identity::Identifier>> parse_identifiers(
    const std::vector<std::string>& texts) {
  std::set<identity::Identifier> out;
  for (const std::string& text : texts) {
    auto id = identity::Identifier::parse(text);
    if (!id) {
      return std::nullopt;
    }
    out.insert(*id);
  }
  return out;
}

void write_text_field(CborWriter& out, std::uint64_t key, std::string_view value) {
  out.write_uint(key);
  out.write_text(value);
}

std::string service_multiaddr(const Address& address) {
  return std::string("/service/").append(address.inner());
}

/// The flow of what arrives through `connection`: its last secure channel's, or its TCP
/// connection's when it has none.
FlowControlId delivered_flow(const Connection& connection) {
  return connection.channels.empty() ? connection.tcp->flow_control_id()
                                     : connection.channels.back().flow_control_id();
}

}  // namespace

NodeManager::NodeManager(Node node, TcpTransport tcp, NodeManagerConfig config)
    : node_(std::move(node)), tcp_(std::move(tcp)), config_(std::move(config)) {}

void NodeManager::add_handler(std::string path_prefix, Handler handler) {
  handlers_[std::move(path_prefix)] = std::move(handler);
}

Task<Result<void>> NodeManager::handle_message(Context& ctx, Routed<Bytes> message) {
  auto request = decode_request(message.body());
  if (!request) {
    log::debug("cli", "node manager dropped a request that does not decode");
    co_return ok();
  }
  auto peer = peer_identifier(message.local_message());
  Bytes response;
  if (!peer || !config_.controllers.contains(*peer)) {
    // The `api` listener accepts any identity, so a peer can send this at will: the warning is
    // rate limited and names only the verified identifier; the path (the peer's text) goes to
    // the debug log, escaped.
    static log::RateLimit limit;
    log::warn_limited(
        limit, "cli", "node {} refused a request from {}: not the node's creator nor authorized",
        config_.info.name, peer ? peer->to_string() : "a peer without a secure channel");
    log::debug("cli", "refused request: {} {}",
               request->header.method ? method_name(*request->header.method) : "?",
               log::escaped(request->header.path));
    response = error_response(request->header, Status::kUnauthorized,
                              "this identity is not authorized to control the node");
  } else {
    response = co_await dispatch(std::move(*request));
  }
  co_return co_await ctx.send(message.return_route(), std::move(response));
}

Task<Bytes> NodeManager::dispatch(Request request) {
  const RequestHeader& h = request.header;
  if (!h.method) {
    co_return error_response(h, Status::kMethodNotAllowed, "unknown method");
  }
  Method m = *h.method;
  const std::string& path = h.path;
  if (path == "node" && m == Method::kGet) {
    co_return get_node(h);
  }
  if (path == "node/secure_channel") {
    if (m == Method::kPost) {
      co_return co_await create_secure_channel(std::move(request));
    }
    if (m == Method::kGet) {
      co_return list_secure_channels(h);
    }
    if (m == Method::kDelete) {
      co_return co_await delete_secure_channel(std::move(request));
    }
  }
  if (path == "node/secure_channel_listener") {
    if (m == Method::kPost) {
      co_return co_await create_listener(std::move(request));
    }
    if (m == Method::kGet) {
      co_return list_listeners(h);
    }
  }
  if (path == "node/relay") {
    if (m == Method::kPost) {
      co_return co_await create_relay(std::move(request));
    }
    if (m == Method::kGet) {
      co_return list_relays(h);
    }
  }
  if (path.starts_with("node/relay/") && m == Method::kDelete) {
    std::string name = path.substr(std::string_view("node/relay/").size());
    co_return co_await delete_relay(std::move(request), std::move(name));
  }
  if (path == "v0/message" && m == Method::kPost) {
    co_return co_await send_message(std::move(request));
  }
  for (const auto& [prefix, handler] : handlers_) {
    if (path == prefix || path.starts_with(prefix + "/")) {
      co_return co_await handler(std::move(request));
    }
  }
  co_return error_response(h, Status::kNotFound, "no such path on this node");
}

Bytes NodeManager::get_node(const RequestHeader& header) const {
  ByteWriter body;
  CborWriter out(body);
  out.write_map_header(4);
  write_text_field(out, 1, config_.info.name);
  write_text_field(out, 2, config_.info.identifier);
  write_text_field(out, 3, config_.info.tcp_listener_address);
  out.write_uint(4);
  out.write_int(config_.info.pid);
  return ok_response(header, body.view());
}

Task<Bytes> NodeManager::create_secure_channel(Request request) {
  const RequestHeader& h = request.header;
  auto body = CborMap::parse(request.body);
  if (!body) {
    co_return bad_request(h, "malformed secure channel request");
  }
  auto raw_addr = body->bytes(1);
  auto authorized_text = body->texts(2);
  if (!raw_addr || !authorized_text) {
    co_return bad_request(h, "a secure channel request needs a multiaddr (key 1)");
  }
  auto addr = MultiAddr::decode(*raw_addr);
  auto authorized = parse_identifiers(*authorized_text);
  if (!addr || !authorized) {
    co_return bad_request(h, "malformed multiaddr or identifier in the request");
  }
  if (channels_.size() >= kMaxManagedChannels) {
    co_return error_response(h, Status::kConflict, "too many secure channels on this node");
  }
  // `--to /node/n2/service/api` names the listener: make sure the last hop is a `/secure`.
  MultiAddr to = *addr;
  if (!to.empty() && to[to.size() - 1].protocol == Protocol::kService) {
    MultiAddr last = to.tail(to.size() - 1);
    to = to.head(to.size() - 1);
    (void)to.push_back(Protocol::kSecure, last[0].value);
  }
  // Named, not a braced temporary: GCC 12 destroys class temporaries in co_await twice.
  ConnectOptions options{config_.identity, *authorized};
  auto connection = co_await connect(node_, tcp_, to, std::move(options));
  if (!connection) {
    co_return error_response(h, connection.error());
  }
  if (connection->channels.empty()) {
    (void)co_await close_connection(node_, tcp_, std::move(*connection));
    co_return bad_request(h, "the multiaddr does not end at a secure channel listener");
  }
  SecureChannel channel = connection->channels.back();
  std::string address = service_multiaddr(channel.encryptor_address());
  // What the channel decrypts may reach this node's services, as Ockam's do.
  for (const char* service : {kEchoAddress, kUppercaseAddress}) {
    node_.flow_controls().add_consumer(Address(service), channel.flow_control_id());
  }
  ByteWriter response;
  CborWriter out(response);
  out.write_map_header(2);
  write_text_field(out, 1, address);
  write_text_field(out, 2, channel.their_identifier().to_string());
  channels_.insert_or_assign(std::string(channel.encryptor_address().inner()),
                             ChannelEntry{channel, std::move(*connection), addr->to_string()});
  co_return ok_response(h, response.view());
}

Bytes NodeManager::list_secure_channels(const RequestHeader& header) const {
  ByteWriter body;
  CborWriter out(body);
  out.write_array_header(channels_.size());
  for (const auto& [address, entry] : channels_) {
    out.write_map_header(3);
    write_text_field(out, 1, service_multiaddr(entry.channel.encryptor_address()));
    write_text_field(out, 2, entry.to);
    write_text_field(out, 3, entry.channel.their_identifier().to_string());
  }
  return ok_response(header, body.view());
}

Task<Bytes> NodeManager::delete_secure_channel(Request request) {
  const RequestHeader& h = request.header;
  auto body = CborMap::parse(request.body);
  auto address = body ? body->text(1) : std::nullopt;
  if (!address) {
    co_return bad_request(h, "a delete request needs the channel's address (key 1)");
  }
  std::string key = *address;
  if (auto addr = MultiAddr::parse(key); addr && addr->size() == 1) {
    key = (*addr)[0].value;
  }
  auto it = channels_.find(key);
  if (it == channels_.end()) {
    co_return error_response(h, Status::kNotFound, "no secure channel at that address");
  }
  ChannelEntry entry = std::move(it->second);
  channels_.erase(it);
  // The services stay: without this, every create and delete would leave an entry behind.
  for (const char* service : {kEchoAddress, kUppercaseAddress}) {
    node_.flow_controls().remove_consumer(Address(service), entry.channel.flow_control_id());
  }
  (void)co_await close_connection(node_, tcp_, std::move(entry.connection));
  ByteWriter response;
  CborWriter out(response);
  out.write_map_header(1);
  write_text_field(out, 1, service_multiaddr(entry.channel.encryptor_address()));
  co_return ok_response(h, response.view());
}

Task<Bytes> NodeManager::create_listener(Request request) {
  const RequestHeader& h = request.header;
  auto body = CborMap::parse(request.body);
  auto address = body ? body->text(1) : std::nullopt;
  auto authorized_text = body ? body->texts(2) : std::nullopt;
  auto authorized = authorized_text ? parse_identifiers(*authorized_text) : std::nullopt;
  if (!address || !authorized || address->empty() || address->find('/') != std::string::npos) {
    co_return bad_request(h, "a listener request needs an address (key 1) and identifiers");
  }
  if (listeners_.size() >= kMaxManagedChannels) {
    co_return error_response(h, Status::kConflict, "too many listeners on this node");
  }
  SecureChannelListenerOptions options;
  options.as_consumer(config_.tcp_listener_flow);
  if (!authorized->empty()) {
    options.with_trust_policy(identity::trust_identifiers(*authorized));
  }
  auto listener =
      co_await node_.create_secure_channel_listener(config_.identity, Address(*address), options);
  if (!listener) {
    co_return error_response(h, listener.error());
  }
  for (const char* service : {kEchoAddress, kUppercaseAddress}) {
    node_.flow_controls().add_consumer(Address(service), listener->flow_control_id());
  }
  for (const auto& [relay_name, relay] : relays_) {
    node_.flow_controls().add_consumer(Address(*address), delivered_flow(relay.connection));
  }
  listeners_[*address] = std::set<std::string>(authorized_text->begin(), authorized_text->end());
  ByteWriter response;
  CborWriter out(response);
  out.write_map_header(1);
  write_text_field(out, 1, "/service/" + *address);
  co_return ok_response(h, response.view());
}

Bytes NodeManager::list_listeners(const RequestHeader& header) const {
  ByteWriter body;
  CborWriter out(body);
  out.write_array_header(listeners_.size() + 1);
  out.write_map_header(1);
  write_text_field(out, 1, std::string("/service/") + kApiListenerAddress);
  for (const auto& [address, authorized] : listeners_) {
    out.write_map_header(1);
    write_text_field(out, 1, "/service/" + address);
  }
  return ok_response(header, body.view());
}

Task<Bytes> NodeManager::create_relay(Request request) {
  const RequestHeader& h = request.header;
  auto body = CborMap::parse(request.body);
  auto raw_at = body ? body->bytes(1) : std::nullopt;
  auto name = body ? body->text(2) : std::nullopt;
  auto at = raw_at ? MultiAddr::decode(*raw_at) : Result<MultiAddr>(MultiAddr());
  if (at && at->empty()) {
    at = Error(Origin::kApplication, Kind::kInvalid, "no relay node");
  }
  if (!at || !name || !validate_relay_name(*name)) {
    co_return bad_request(h, "a relay request needs a multiaddr (key 1) and a valid name (key 2)");
  }
  if (relays_.contains(*name)) {
    co_return error_response(h, Status::kConflict, "a relay with that name already exists");
  }
  if (relays_.size() >= kMaxManagedRelays) {
    co_return error_response(h, Status::kConflict, "too many relays on this node");
  }
  ConnectOptions options{config_.identity, {}};
  auto connection = co_await connect(node_, tcp_, *at, std::move(options));
  if (!connection) {
    co_return error_response(h, connection.error());
  }
  auto remote = co_await create_remote_relay(node_.context(), connection->route, *name);
  if (!remote) {
    (void)co_await close_connection(node_, tcp_, std::move(*connection));
    co_return error_response(h, remote.error());
  }
  // What the relay forwards arrives on this connection (or channel): let it reach the api
  // listener and the default services, as it would over the node's own TCP listener.
  FlowControlId flow = delivered_flow(*connection);
  for (const Address& consumer : relay_consumers()) {
    node_.flow_controls().add_consumer(consumer, flow);
  }
  RelayEntry entry{*name, at->to_string(), *remote, std::move(*connection)};
  relays_.emplace(*name, std::move(entry));
  ByteWriter response;
  CborWriter out(response);
  write_relay(out, relays_.at(*name));
  co_return ok_response(h, response.view());
}

std::vector<Address> NodeManager::relay_consumers() const {
  std::vector<Address> consumers{Address(kApiListenerAddress), Address(kEchoAddress),
                                 Address(kUppercaseAddress)};
  for (const auto& [listener, authorized] : listeners_) {
    consumers.emplace_back(listener);
  }
  return consumers;
}

void NodeManager::write_relay(CborWriter& out, const RelayEntry& relay) {
  out.write_map_header(4);
  write_text_field(out, 1, relay.name);
  write_text_field(out, 2, relay.remote_address);
  write_text_field(out, 3, relay.at);
  write_text_field(out, 4, "Up");
}

Bytes NodeManager::list_relays(const RequestHeader& header) const {
  ByteWriter body;
  CborWriter out(body);
  out.write_array_header(relays_.size());
  for (const auto& [name, relay] : relays_) {
    write_relay(out, relay);
  }
  return ok_response(header, body.view());
}

Task<Bytes> NodeManager::delete_relay(Request request, std::string name) {
  auto it = relays_.find(name);
  if (it == relays_.end()) {
    co_return error_response(request.header, Status::kNotFound, "no relay with that name");
  }
  RelayEntry entry = std::move(it->second);
  relays_.erase(it);
  FlowControlId flow = delivered_flow(entry.connection);
  for (const Address& consumer : relay_consumers()) {
    node_.flow_controls().remove_consumer(consumer, flow);
  }
  (void)co_await close_connection(node_, tcp_, std::move(entry.connection));
  ByteWriter body;
  CborWriter out(body);
  write_relay(out, entry);
  co_return ok_response(request.header, body.view());
}

Task<Bytes> NodeManager::send_message(Request request) {
  const RequestHeader& h = request.header;
  auto body = CborMap::parse(request.body);
  auto to_text = body ? body->text(1) : std::nullopt;
  auto message = body ? body->bytes(2) : std::nullopt;
  auto timeout_ms = body ? body->uint(3) : std::nullopt;
  auto to = to_text ? MultiAddr::parse(*to_text) : Result<MultiAddr>(MultiAddr());
  if (!to || to->empty() || !message) {
    co_return bad_request(h, "a message request needs a multiaddr (key 1) and bytes (key 2)");
  }
  std::chrono::milliseconds timeout =
      timeout_ms ? std::chrono::milliseconds(std::min<std::uint64_t>(
                       *timeout_ms, static_cast<std::uint64_t>(kMaxMessageTimeout.count())))
                 : kDefaultMessageTimeout;  // clamped as u64: a huge value must not wrap negative
  ConnectOptions options{config_.identity, {}};
  auto connection = co_await connect(node_, tcp_, *to, std::move(options));
  if (!connection) {
    co_return error_response(h, connection.error());
  }
  auto reply =
      co_await node_.send_and_receive<Bytes>(connection->route, std::move(*message), timeout);
  (void)co_await close_connection(node_, tcp_, std::move(*connection));
  if (!reply) {
    co_return error_response(h, reply.error());
  }
  ByteWriter response;
  CborWriter out(response);
  out.write_bytes(*reply);
  co_return ok_response(h, response.view());
}

}  // namespace ockam::cli
