#pragma once

#include <chrono>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

namespace ockam {

/// Origin names the layer that raised an error (mirrors Ockam's `Origin`).
enum class Origin : std::uint8_t {
  kCore,
  kCrypto,
  kNoise,
  kVault,
  kIdentity,
  kNode,
  kTransport,
  kChannel,
  kRelay,
  kApplication,
};

/// Kind says what went wrong (mirrors Ockam's `Kind`); choose the most specific one.
enum class Kind : std::uint8_t {
  kInvalid,
  kNotFound,
  kAlreadyExists,
  kMisuse,
  kParse,
  kProtocol,
  kIo,
  kTimeout,
  kShutdown,
  kCancelled,
  kUnsupported,
  kPermission,
  kResourceExhausted,
  kInternal,
};

const char* to_string(Origin origin);
const char* to_string(Kind kind);

/// Error is an origin, a kind, a static message and, optionally, a detail that says which local
/// thing failed and why (the address a connect tried, the route's first hop, the system's
/// reason such as "Connection refused"). The message is a string literal; the detail is built
/// only from what the local caller passed in and from the system: neither ever carries key
/// material, plaintext or peer-supplied text. `Error` is also what `Result::value()` throws
/// when it holds an error.
///
/// Errors compare equal when origin and kind match (message and detail are for people). An
/// error without a detail holds no heap memory; copies share one immutable detail.
class Error : public std::exception {
 public:
  Error(Origin origin, Kind kind, const char* message) noexcept
      : origin_(origin), kind_(kind), message_(message) {}

  Origin origin() const noexcept { return origin_; }
  Kind kind() const noexcept { return kind_; }
  /// The static message ("TCP connect failed").
  const char* message() const noexcept { return message_; }
  /// The detail ("127.0.0.1:4000: Connection refused"), empty if none was attached.
  std::string_view detail() const noexcept;
  /// The message followed by the detail in parentheses, if there is one.
  const char* what() const noexcept override;

  /// Returns a copy of this error with `detail` attached (replacing any earlier detail). Pass
  /// only local arguments and system reasons, never peer-supplied text or secrets.
  [[nodiscard]] Error with_detail(std::string_view detail) const;

  /// Returns "origin/kind: message (detail)", for logs and for programs that print the error.
  std::string to_string() const;

  friend bool operator==(const Error& a, const Error& b) noexcept {
    return a.origin_ == b.origin_ && a.kind_ == b.kind_;
  }

 private:
  struct Detail {
    std::string detail;
    std::string what;  // message (detail)
  };

  Origin origin_;
  Kind kind_;
  const char* message_;
  std::shared_ptr<const Detail> detail_;
};

/// Returns "timed out after 10 s" (or "... 250 ms"), the detail of a timeout error.
std::string timed_out_after(std::chrono::milliseconds timeout);

}  // namespace ockam
