#include "ockam/cli/response_header.hpp"

#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"

#include "cli/internal/header_fields.hpp"

namespace ockam::cli {
namespace {

const Error kBadHeader(Origin::kApplication, Kind::kParse, "malformed response header");

constexpr Status kStatuses[] = {
    Status::kOk,
    Status::kBadRequest,
    Status::kUnauthorized,
    Status::kForbidden,
    Status::kNotFound,
    Status::kMethodNotAllowed,
    Status::kTimeout,
    Status::kConflict,
    Status::kInternalServerError,
    Status::kNotImplemented,
};

Bytes encode_response(const RequestHeader& request, Status status, ByteView body) {
  ByteWriter bytes;
  CborWriter out(bytes);
  auto fresh = RequestHeader::make(Method::kGet, std::string(), false);
  out.write_map_header(4);
  out.write_uint(1);
  out.write_uint(fresh.id);
  out.write_uint(2);
  out.write_uint(request.id);
  out.write_uint(3);
  out.write_uint(static_cast<std::uint64_t>(status));
  out.write_uint(4);
  out.write_bool(!body.empty());
  bytes.write_bytes(body);
  return bytes.take();
}

}  // namespace

Bytes ok_response(const RequestHeader& request, ByteView body) {
  return encode_response(request, Status::kOk, body);
}

Bytes error_response(const RequestHeader& request, Status status, std::string_view message) {
  ByteWriter body;
  CborWriter out(body);
  out.write_map_header(request.method ? 3 : 2);
  out.write_uint(1);
  out.write_text(request.path);
  if (request.method) {
    out.write_uint(2);
    out.write_uint(static_cast<std::uint64_t>(*request.method));
  }
  out.write_uint(3);
  out.write_text(message.substr(0, kMaxErrorMessageLength));
  return encode_response(request, status, body.view());
}

Bytes error_response(const RequestHeader& request, const Error& error) {
  Status status = Status::kInternalServerError;
  switch (error.kind()) {
    case Kind::kNotFound:
      status = Status::kNotFound;
      break;
    case Kind::kAlreadyExists:
      status = Status::kConflict;
      break;
    case Kind::kTimeout:
      status = Status::kTimeout;
      break;
    case Kind::kInvalid:
    case Kind::kParse:
      status = Status::kBadRequest;
      break;
    case Kind::kPermission:
      status = Status::kForbidden;
      break;
    default:
      break;
  }
  std::string message = error.message();
  if (!error.detail().empty()) {
    message.append(": ").append(error.detail());
  }
  return error_response(request, status, message);
}

Result<Response> decode_response(ByteView bytes) {
  CborReader in(bytes);
  Response out;
  bool has_re = false;
  bool parsed = internal::read_map_fields(in, [&](std::uint64_t key) -> std::optional<bool> {
    switch (key) {
      case 1:
        return in.read_u32(out.header.id);
      case 2:
        return has_re = in.read_u32(out.header.re);
      case 3: {
        std::optional<std::uint64_t> status;
        if (!internal::read_nullable_uint(in, status)) {
          return false;
        }
        for (Status known : kStatuses) {
          if (status && static_cast<std::uint64_t>(known) == *status) {
            out.header.status = known;
          }
        }
        return true;
      }
      case 4:
        return in.read_bool(out.header.has_body);
      default:
        return std::nullopt;
    }
  });
  if (!parsed || !has_re) {
    return kBadHeader;
  }
  auto body = internal::read_header_body(in, out.header.has_body, kBadHeader);
  if (!body) {
    return body.error();
  }
  out.body = std::move(*body);
  return out;
}

std::string error_message(ByteView error_body) {
  CborReader in(error_body);
  if (CborType type; in.peek_type(type) && type == CborType::kText) {
    std::string_view text;
    return in.read_text(text) ? std::string(text.substr(0, kMaxErrorMessageLength)) : "";
  }
  std::string message;
  bool parsed = internal::read_map_fields(in, [&](std::uint64_t key) -> std::optional<bool> {
    if (key != 3) {
      return std::nullopt;
    }
    std::string_view text;
    if (!in.read_text(text)) {
      return false;
    }
    message.assign(text.substr(0, kMaxErrorMessageLength));
    return true;
  });
  return parsed ? message : "";
}

std::string status_text(std::optional<Status> status) {
  if (!status) {
    return "no status";
  }
  const char* name = "Unknown";
  switch (*status) {
    case Status::kOk:
      name = "Ok";
      break;
    case Status::kBadRequest:
      name = "BadRequest";
      break;
    case Status::kUnauthorized:
      name = "Unauthorized";
      break;
    case Status::kForbidden:
      name = "Forbidden";
      break;
    case Status::kNotFound:
      name = "NotFound";
      break;
    case Status::kMethodNotAllowed:
      name = "MethodNotAllowed";
      break;
    case Status::kTimeout:
      name = "Timeout";
      break;
    case Status::kConflict:
      name = "Conflict";
      break;
    case Status::kInternalServerError:
      name = "InternalServerError";
      break;
    case Status::kNotImplemented:
      name = "NotImplemented";
      break;
  }
  return std::to_string(static_cast<unsigned>(*status)) + " " + name;
}

}  // namespace ockam::cli
