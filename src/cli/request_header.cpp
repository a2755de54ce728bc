#include "ockam/cli/request_header.hpp"

#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "ockam/crypto/random.hpp"

#include "cli/internal/header_fields.hpp"

namespace ockam::cli {
namespace {

const Error kBadHeader(Origin::kApplication, Kind::kParse, "malformed request header");

}  // namespace

const char* method_name(Method method) noexcept {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kDelete:
      return "DELETE";
    case Method::kPatch:
      return "PATCH";
  }
  return "?";
}

RequestHeader RequestHeader::make(Method method, std::string path, bool has_body) {
  std::uint32_t id = 0;
  while (id == 0) {
    Bytes raw = crypto::random_bytes(4);
    id = static_cast<std::uint32_t>(raw[0]) << 24 | static_cast<std::uint32_t>(raw[1]) << 16 |
         static_cast<std::uint32_t>(raw[2]) << 8 | raw[3];
  }
  return RequestHeader{id, std::move(path), method, has_body};
}

Bytes encode_request(const RequestHeader& header, ByteView body) {
  ByteWriter bytes;
  CborWriter out(bytes);
  out.write_map_header(header.method ? 4 : 3);
  out.write_uint(1);
  out.write_uint(header.id);
  out.write_uint(2);
  out.write_text(header.path);
  if (header.method) {
    out.write_uint(3);
    out.write_uint(static_cast<std::uint64_t>(*header.method));
  }
  out.write_uint(4);
  out.write_bool(header.has_body);
  bytes.write_bytes(body);
  return bytes.take();
}

Result<Request> decode_request(ByteView bytes) {
  CborReader in(bytes);
  Request out;
  bool has_id = false;
  bool has_path = false;
  bool parsed = internal::read_map_fields(in, [&](std::uint64_t key) -> std::optional<bool> {
    switch (key) {
      case 1:
        return has_id = in.read_u32(out.header.id);
      case 2: {
        std::string_view path;
        has_path = in.read_text(path) && path.size() <= kMaxRequestPathLength;
        out.header.path.assign(path);
        return has_path;
      }
      case 3: {
        std::optional<std::uint64_t> method;
        if (!internal::read_nullable_uint(in, method)) {
          return false;
        }
        if (method && *method <= static_cast<std::uint64_t>(Method::kPatch)) {
          out.header.method = static_cast<Method>(*method);
        }
        return true;
      }
      case 4:
        return in.read_bool(out.header.has_body);
      default:
        return std::nullopt;
    }
  });
  if (!parsed || !has_id || !has_path) {
    return kBadHeader;
  }
  auto body = internal::read_header_body(in, out.header.has_body, kBadHeader);
  if (!body) {
    return body.error();
  }
  out.body = std::move(*body);
  return out;
}

}  // namespace ockam::cli
