#pragma once

#include <cstdint>
#include <exception>
#include <string>

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

/// Error is an origin, a kind and a static message. The message is a string literal: it never
/// carries key material, plaintext or peer-supplied text. `Error` is also what `Result::value()`
/// throws when it holds an error.
class Error : public std::exception {
 public:
  Error(Origin origin, Kind kind, const char* message) noexcept
      : origin_(origin), kind_(kind), message_(message) {}

  Origin origin() const noexcept { return origin_; }
  Kind kind() const noexcept { return kind_; }
  const char* message() const noexcept { return message_; }
  const char* what() const noexcept override { return message_; }

  /// Returns "origin/kind: message", for logs and for programs that print the error.
  std::string to_string() const;

  friend bool operator==(const Error& a, const Error& b) noexcept {
    return a.origin_ == b.origin_ && a.kind_ == b.kind_;
  }

 private:
  Origin origin_;
  Kind kind_;
  const char* message_;
};

}  // namespace ockam
