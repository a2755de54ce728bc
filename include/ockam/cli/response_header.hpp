#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ockam/cli/request_header.hpp"

namespace ockam::cli {

/// Status is a node-manager response status, CBOR-encoded as its number (ockam_core api.rs).
enum class Status : std::uint16_t {
  kOk = 200,
  kBadRequest = 400,
  kUnauthorized = 401,
  kForbidden = 403,
  kNotFound = 404,
  kMethodNotAllowed = 405,
  kTimeout = 408,
  kConflict = 409,
  kInternalServerError = 500,
  kNotImplemented = 501,
};

/// ResponseHeader is Ockam's response header, a CBOR map {1: id u32, 2: re (the request id),
/// 3: status, 4: has_body}. The body follows as a second CBOR item; for an error it is Ockam's
/// error map {1: path, 2: method, 3: message}.
struct ResponseHeader {
  std::uint32_t id = 0;
  std::uint32_t re = 0;
  std::optional<Status> status;  // absent or unknown statuses decode as nullopt
  bool has_body = false;

  bool is_ok() const noexcept { return status == Status::kOk; }
};

/// Response is a decoded response: header and body bytes (one CBOR item, or empty).
struct Response {
  ResponseHeader header;
  Bytes body;
};

/// Longest error message a response may carry (an implementation limit).
inline constexpr std::size_t kMaxErrorMessageLength = 4096;

/// ok_response answers `request` with 200 and `body` (a CBOR item, or empty for none).
Bytes ok_response(const RequestHeader& request, ByteView body);
/// error_response answers `request` with `status` and Ockam's error body naming the path, the
/// method and `message`.
Bytes error_response(const RequestHeader& request, Status status, std::string_view message);

/// error_response answers `request` with the status that suits `error`'s kind (404 not
/// found, 409 already exists, 408 timeout, 400 invalid or unparsable, 403 permission, else 500)
/// and the error's message and detail.
Bytes error_response(const RequestHeader& request, const Error& error);

/// decode_response reads a header and keeps what follows as the body; kParse as
/// decode_request does.
Result<Response> decode_response(ByteView bytes);

/// error_message returns the message of an error body, or empty when it has none.
std::string error_message(ByteView error_body);

/// status_text returns "404 NotFound" style text, as Ockam prints statuses.
std::string status_text(std::optional<Status> status);

}  // namespace ockam::cli
