#include "ockam/cli/multiaddr.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <optional>

#include "ockam/core/byte_reader.hpp"
#include "ockam/core/byte_writer.hpp"
#include "ockam/core/utf8.hpp"

namespace ockam::cli {
namespace {

const Error kUnknownProtocol(Origin::kApplication, Kind::kParse, "unknown multiaddr protocol");
const Error kBadValue(Origin::kApplication, Kind::kParse, "malformed multiaddr value");
const Error kBadText(Origin::kApplication, Kind::kParse,
                     "a multiaddr is /<protocol>/<value> pairs, e.g. /node/n1/service/echo");
const Error kTooLong(Origin::kApplication, Kind::kParse, "multiaddr has too many components");
const Error kBadBinary(Origin::kApplication, Kind::kParse, "malformed binary multiaddr");

constexpr std::array kProtocols = {
    Protocol::kIp4,   Protocol::kTcp,     Protocol::kIp6,    Protocol::kDnsAddr,
    Protocol::kUdp,   Protocol::kService, Protocol::kNode,   Protocol::kProject,
    Protocol::kSpace, Protocol::kSecure,  Protocol::kWorker,
};

std::optional<Protocol> protocol_from_code(std::uint64_t code) {
  for (Protocol p : kProtocols) {
    if (static_cast<std::uint64_t>(p) == code) {
      return p;
    }
  }
  return std::nullopt;
}

std::optional<Protocol> protocol_from_name(std::string_view name) {
  for (Protocol p : kProtocols) {
    if (name == protocol_name(p)) {
      return p;
    }
  }
  return std::nullopt;
}

bool is_port(Protocol p) {
  return p == Protocol::kTcp || p == Protocol::kUdp;
}

// Reads "0".."65535" without sign, spaces or leading zeros (except "0" itself).
std::optional<std::uint16_t> parse_port(std::string_view text) {
  if (text.empty() || text.size() > 5 || (text.size() > 1 && text[0] == '0')) {
    return std::nullopt;
  }
  std::uint32_t port = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    port = port * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (port > 65535) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(port);
}

bool valid_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxMultiAddrNameLength &&
         name.find('/') == std::string_view::npos && is_valid_utf8(as_bytes(name));
}

// Converts raw address bytes to canonical text.
std::string ip_text(int family, const std::uint8_t* raw) {
  std::array<char, INET6_ADDRSTRLEN> text{};
  ::inet_ntop(family, raw, text.data(), text.size());
  return std::string(text.data());
}

// Checks `value` for `protocol` and returns its canonical text form.
Result<std::string> canonical_value(Protocol protocol, std::string_view value) {
  if (protocol == Protocol::kIp4 || protocol == Protocol::kIp6) {
    int family = protocol == Protocol::kIp4 ? AF_INET : AF_INET6;
    std::array<std::uint8_t, 16> raw{};
    std::string copy(value);
    if (::inet_pton(family, copy.c_str(), raw.data()) != 1) {
      return kBadValue;
    }
    return ip_text(family, raw.data());
  }
  if (is_port(protocol)) {
    if (!parse_port(value)) {
      return kBadValue;
    }
    return std::string(value);
  }
  if (!valid_name(value)) {
    return kBadValue;
  }
  return std::string(value);
}

void write_varint(ByteWriter& out, std::uint64_t value) {
  out.write_uleb128(value);
}

// Reads an unsigned varint as the unsigned-varint crate does: at most `max_bytes` bytes and
// the minimal encoding only.
bool read_varint(ByteReader& in, std::size_t max_bytes, std::uint64_t& out) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < max_bytes; ++i) {
    std::uint8_t byte = 0;
    if (!in.read_u8(byte)) {
      return false;
    }
    value |= static_cast<std::uint64_t>(byte & 0x7f) << (7 * i);
    if ((byte & 0x80) == 0) {
      if (byte == 0 && i > 0) {
        return false;  // non-minimal
      }
      out = value;
      return true;
    }
  }
  return false;
}

}  // namespace

const char* protocol_name(Protocol protocol) noexcept {
  switch (protocol) {
    case Protocol::kIp4:
      return "ip4";
    case Protocol::kTcp:
      return "tcp";
    case Protocol::kIp6:
      return "ip6";
    case Protocol::kDnsAddr:
      return "dnsaddr";
    case Protocol::kUdp:
      return "udp";
    case Protocol::kService:
      return "service";
    case Protocol::kNode:
      return "node";
    case Protocol::kProject:
      return "project";
    case Protocol::kSpace:
      return "space";
    case Protocol::kSecure:
      return "secure";
    case Protocol::kWorker:
      return "worker";
  }
  return "unknown";
}

Result<void> MultiAddr::push_back(Protocol protocol, std::string_view value) {
  if (components_.size() >= kMaxMultiAddrComponents) {
    return kTooLong;
  }
  auto canonical = canonical_value(protocol, value);
  if (!canonical) {
    return canonical.error();
  }
  components_.push_back({protocol, std::move(*canonical)});
  return {};
}

Result<MultiAddr> MultiAddr::parse(std::string_view text) {
  if (text.empty() || text.front() != '/') {
    return kBadText;
  }
  MultiAddr out;
  std::size_t pos = 1;
  while (pos <= text.size()) {
    std::size_t slash = text.find('/', pos);
    if (slash == std::string_view::npos) {
      return kBadText;  // a protocol without its value
    }
    auto protocol = protocol_from_name(text.substr(pos, slash - pos));
    if (!protocol) {
      return kUnknownProtocol;
    }
    std::size_t end = text.find('/', slash + 1);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    if (auto pushed = out.push_back(*protocol, text.substr(slash + 1, end - slash - 1)); !pushed) {
      return pushed.error();
    }
    pos = end + 1;
  }
  return out;
}

Result<MultiAddr> MultiAddr::decode(ByteView bytes) {
  ByteReader in(bytes);
  MultiAddr out;
  while (!in.empty()) {
    std::uint64_t code = 0;
    if (!read_varint(in, 5, code)) {
      return kBadBinary;
    }
    auto protocol = protocol_from_code(code);
    if (!protocol) {
      return kUnknownProtocol;
    }
    std::string value;
    if (*protocol == Protocol::kIp4 || *protocol == Protocol::kIp6) {
      std::size_t size = *protocol == Protocol::kIp4 ? 4 : 16;
      ByteView raw;
      if (!in.read_bytes(size, raw)) {
        return kBadBinary;
      }
      value = ip_text(*protocol == Protocol::kIp4 ? AF_INET : AF_INET6, raw.data());
    } else if (is_port(*protocol)) {
      std::uint16_t port = 0;
      if (!in.read_u16_be(port)) {
        return kBadBinary;
      }
      value = std::to_string(port);
    } else {
      std::uint64_t length = 0;
      ByteView raw;
      if (!read_varint(in, 9, length) || length > kMaxMultiAddrNameLength ||
          !in.read_bytes(static_cast<std::size_t>(length), raw)) {
        return kBadBinary;
      }
      value.assign(raw.begin(), raw.end());
    }
    if (auto pushed = out.push_back(*protocol, value); !pushed) {
      return pushed.error();
    }
  }
  return out;
}

Result<MultiAddr> MultiAddr::from_local_route(const Route& route) {
  static const Error kNotLocal(Origin::kApplication, Kind::kInvalid,
                               "only local addresses have a multiaddr form");
  MultiAddr out;
  for (const Address& address : route) {
    if (!address.is_local() || !out.push_back(Protocol::kService, address.inner())) {
      return kNotLocal;
    }
  }
  return out;
}

Bytes MultiAddr::encode() const {
  ByteWriter out;
  for (const MultiAddrComponent& c : components_) {
    write_varint(out, static_cast<std::uint64_t>(c.protocol));
    if (c.protocol == Protocol::kIp4 || c.protocol == Protocol::kIp6) {
      std::array<std::uint8_t, 16> raw{};
      int family = c.protocol == Protocol::kIp4 ? AF_INET : AF_INET6;
      ::inet_pton(family, c.value.c_str(), raw.data());  // validated on the way in
      out.write_bytes(ByteView(raw.data(), c.protocol == Protocol::kIp4 ? 4 : 16));
    } else if (is_port(c.protocol)) {
      out.write_u16_be(parse_port(c.value).value_or(0));
    } else {
      write_varint(out, c.value.size());
      out.write_text(c.value);
    }
  }
  return out.take();
}

std::string MultiAddr::to_string() const {
  std::string out;
  for (const MultiAddrComponent& c : components_) {
    out += '/';
    out += protocol_name(c.protocol);
    out += '/';
    out += c.value;
  }
  return out;
}

Result<Route> MultiAddr::to_local_route() const {
  static const Error kNotLocal(Origin::kApplication, Kind::kInvalid,
                               "the multiaddr names something that is not a local worker");
  Route out;
  for (const MultiAddrComponent& c : components_) {
    if (c.protocol != Protocol::kService && c.protocol != Protocol::kSecure &&
        c.protocol != Protocol::kWorker) {
      return kNotLocal;
    }
    out.append(Address(kLocal, c.value));
  }
  return out;
}

MultiAddr& MultiAddr::append(const MultiAddr& other) {
  components_.insert(components_.end(), other.components_.begin(), other.components_.end());
  return *this;
}

MultiAddr MultiAddr::tail(std::size_t first) const {
  first = std::min(first, components_.size());
  return MultiAddr(std::vector<MultiAddrComponent>(components_.begin() + static_cast<long>(first),
                                                   components_.end()));
}

MultiAddr MultiAddr::head(std::size_t end) const {
  end = std::min(end, components_.size());
  return MultiAddr(std::vector<MultiAddrComponent>(components_.begin(),
                                                   components_.begin() + static_cast<long>(end)));
}

}  // namespace ockam::cli
