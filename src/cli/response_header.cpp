#include "ockam/cli/response_header.hpp"

#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"

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

Result<Response> decode_response(ByteView bytes) {
  CborReader in(bytes);
  std::uint64_t pairs = 0;
  if (!in.read_map_header(pairs)) {
    return kBadHeader;
  }
  Response out;
  bool has_re = false;
  for (std::uint64_t i = 0; i < pairs; ++i) {
    std::uint64_t key = 0;
    if (!in.read_uint(key)) {
      return kBadHeader;
    }
    bool ok = true;
    if (key == 1) {
      ok = in.read_u32(out.header.id);
    } else if (key == 2) {
      ok = has_re = in.read_u32(out.header.re);
    } else if (key == 3) {
      if (in.next_is_null()) {
        ok = in.read_null();
      } else {
        std::uint64_t status = 0;
        ok = in.read_uint(status);
        for (Status known : kStatuses) {
          if (static_cast<std::uint64_t>(known) == status) {
            out.header.status = known;
          }
        }
      }
    } else if (key == 4) {
      ok = in.read_bool(out.header.has_body);
    } else {
      ok = in.skip();
    }
    if (!ok) {
      return kBadHeader;
    }
  }
  if (!has_re) {
    return kBadHeader;
  }
  if (out.header.has_body) {
    ByteView rest = in.rest();
    if (!in.skip()) {
      return kBadHeader;
    }
    out.body.assign(rest.begin(), rest.end() - static_cast<long>(in.remaining()));
  }
  if (auto end = in.expect_end(); !end) {
    return end.error();
  }
  return out;
}

std::string error_message(ByteView error_body) {
  CborReader in(error_body);
  if (CborType type; in.peek_type(type) && type == CborType::kText) {
    std::string_view text;
    return in.read_text(text) ? std::string(text.substr(0, kMaxErrorMessageLength)) : "";
  }
  std::uint64_t pairs = 0;
  if (!in.read_map_header(pairs)) {
    return "";
  }
  for (std::uint64_t i = 0; i < pairs; ++i) {
    std::uint64_t key = 0;
    if (!in.read_uint(key)) {
      return "";
    }
    if (key == 3) {
      std::string_view text;
      return in.read_text(text) ? std::string(text.substr(0, kMaxErrorMessageLength)) : "";
    }
    if (!in.skip()) {
      return "";
    }
  }
  return "";
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
