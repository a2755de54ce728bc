#include "ockam/core/error.hpp"

namespace ockam {

const char* to_string(Origin origin) {
  switch (origin) {
    case Origin::kCore:
      return "core";
    case Origin::kCrypto:
      return "crypto";
    case Origin::kNoise:
      return "noise";
    case Origin::kVault:
      return "vault";
    case Origin::kIdentity:
      return "identity";
    case Origin::kNode:
      return "node";
    case Origin::kTransport:
      return "transport";
    case Origin::kChannel:
      return "channel";
    case Origin::kRelay:
      return "relay";
    case Origin::kApplication:
      return "application";
  }
  return "unknown";
}

const char* to_string(Kind kind) {
  switch (kind) {
    case Kind::kInvalid:
      return "invalid";
    case Kind::kNotFound:
      return "not found";
    case Kind::kAlreadyExists:
      return "already exists";
    case Kind::kMisuse:
      return "misuse";
    case Kind::kParse:
      return "parse";
    case Kind::kProtocol:
      return "protocol";
    case Kind::kIo:
      return "io";
    case Kind::kTimeout:
      return "timeout";
    case Kind::kShutdown:
      return "shutdown";
    case Kind::kCancelled:
      return "cancelled";
    case Kind::kUnsupported:
      return "unsupported";
    case Kind::kPermission:
      return "permission";
    case Kind::kResourceExhausted:
      return "resource exhausted";
    case Kind::kInternal:
      return "internal";
  }
  return "unknown";
}

std::string_view Error::detail() const noexcept {
  return detail_ ? std::string_view(detail_->detail) : std::string_view();
}

const char* Error::what() const noexcept {
  return detail_ ? detail_->what.c_str() : message_;
}

Error Error::with_detail(std::string_view detail) const {
  Error out(origin_, kind_, message_);
  std::string what = message_;
  what += " (";
  what += detail;
  what += ')';
  out.detail_ = std::make_shared<const Detail>(Detail{std::string(detail), std::move(what)});
  return out;
}

std::string Error::to_string() const {
  std::string text = ockam::to_string(origin_);
  text += '/';
  text += ockam::to_string(kind_);
  text += ": ";
  text += what();
  return text;
}

std::string timed_out_after(std::chrono::milliseconds timeout) {
  if (timeout.count() % 1000 == 0) {
    return "timed out after " + std::to_string(timeout.count() / 1000) + " s";
  }
  return "timed out after " + std::to_string(timeout.count()) + " ms";
}

}  // namespace ockam
