#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/route.hpp"

namespace ockam::cli {

/// Protocol is one component kind of an Ockam multiaddr, with Ockam's code (ockam_multiaddr
/// proto.rs; reference ockam-portals-cli-storage.md §2.4).
enum class Protocol : std::uint32_t {
  kIp4 = 4,
  kTcp = 6,
  kIp6 = 41,
  kDnsAddr = 56,
  kUdp = 273,
  kService = 62526,
  kNode = 72526,
  kProject = 82526,
  kSpace = 92526,
  kSecure = 99526,
  kWorker = 102526,
};

/// protocol_name returns the text prefix of `protocol` ("ip4", "service", ...).
const char* protocol_name(Protocol protocol) noexcept;

/// Most components a decoded or parsed multiaddr may have (an implementation limit).
inline constexpr std::size_t kMaxMultiAddrComponents = 64;
/// Longest name (dnsaddr host, service, node, ...) accepted, in bytes (an implementation limit).
inline constexpr std::size_t kMaxMultiAddrNameLength = 255;

/// MultiAddrComponent is one `/<protocol>/<value>` pair. `value` is kept in its canonical text
/// form: dotted IPv4, RFC 5952 IPv6, a decimal port, or the name.
struct MultiAddrComponent {
  Protocol protocol;
  std::string value;

  friend bool operator==(const MultiAddrComponent&, const MultiAddrComponent&) = default;
};

/// MultiAddr is Ockam's address of something reachable from a node: a sequence of components
/// such as `/node/n1/secure/api/service/echo` or `/ip4/127.0.0.1/tcp/4000/service/api`. It
/// has a text form and Ockam's binary form (each component: unsigned-varint code, then the
/// value: 4 or 16 address bytes, a u16 big-endian port, or an unsigned-varint length and
/// UTF-8 name). Every value is validated on the way in, so any MultiAddr converts to both
/// forms and back unchanged.
class MultiAddr {
 public:
  MultiAddr() = default;
  explicit MultiAddr(std::vector<MultiAddrComponent> components)
      : components_(std::move(components)) {}

  /// parse reads the text form. kParse (with a static reason) for an unknown protocol, a
  /// missing or malformed value, an empty text, or more than kMaxMultiAddrComponents.
  static Result<MultiAddr> parse(std::string_view text);
  /// decode reads the binary form. kParse for an unknown code, a truncated or over-long value,
  /// a non-minimal varint, a name that is empty, not UTF-8 or holds '/', trailing bytes, or
  /// more than kMaxMultiAddrComponents.
  static Result<MultiAddr> decode(ByteView bytes);
  /// from_local_route is the reverse form used for output: each local address becomes
  /// `/service/<address>`. kInvalid for a non-local address or one that cannot be a name.
  static Result<MultiAddr> from_local_route(const Route& route);

  /// The binary form.
  Bytes encode() const;
  /// The text form ("/service/echo"); empty for an empty multiaddr.
  std::string to_string() const;
  /// The route of local addresses this multiaddr names, when it holds only `/service`,
  /// `/secure` and `/worker` components (Ockam's LocalMultiaddrResolver). kInvalid otherwise.
  Result<Route> to_local_route() const;

  const std::vector<MultiAddrComponent>& components() const noexcept { return components_; }
  bool empty() const noexcept { return components_.empty(); }
  std::size_t size() const noexcept { return components_.size(); }
  const MultiAddrComponent& operator[](std::size_t i) const { return components_[i]; }

  /// Appends a component after checking its value; kParse as `parse` for a bad value.
  Result<void> push_back(Protocol protocol, std::string_view value);
  /// Appends every component of `other`.
  MultiAddr& append(const MultiAddr& other);
  /// The components from `first` to the end.
  MultiAddr tail(std::size_t first) const;
  /// The components before `end`.
  MultiAddr head(std::size_t end) const;

  friend bool operator==(const MultiAddr&, const MultiAddr&) = default;

 private:
  std::vector<MultiAddrComponent> components_;
};

}  // namespace ockam::cli
