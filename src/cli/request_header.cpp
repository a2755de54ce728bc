#include "ockam/cli/request_header.hpp"

#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "ockam/crypto/random.hpp"

namespace ockam::cli {
namespace {

const Error kBadHeader(Origin::kApplication, Kind::kParse, "malformed request header");

// Splits what follows a header into the body: exactly one CBOR item when announced, nothing
// otherwise.
Result<Bytes> take_body(CborReader& in, bool has_body) {
  if (!has_body) {
    if (auto end = in.expect_end(); !end) {
      return end.error();
    }
    return Bytes{};
  }
  ByteView rest = in.rest();
  if (!in.skip()) {
    return kBadHeader;
  }
  if (auto end = in.expect_end(); !end) {
    return end.error();
  }
  return Bytes(rest.begin(), rest.end());
}

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
  std::uint64_t pairs = 0;
  if (!in.read_map_header(pairs)) {
    return kBadHeader;
  }
  Request out;
  bool has_id = false;
  bool has_path = false;
  for (std::uint64_t i = 0; i < pairs; ++i) {
    std::uint64_t key = 0;
    if (!in.read_uint(key)) {
      return kBadHeader;
    }
    bool ok = true;
    if (key == 1) {
      ok = has_id = in.read_u32(out.header.id);
    } else if (key == 2) {
      std::string_view path;
      ok = has_path = in.read_text(path) && path.size() <= kMaxRequestPathLength;
      out.header.path.assign(path);
    } else if (key == 3) {
      if (in.next_is_null()) {
        ok = in.read_null();
      } else {
        std::uint64_t method = 0;
        ok = in.read_uint(method);
        if (method <= static_cast<std::uint64_t>(Method::kPatch)) {
          out.header.method = static_cast<Method>(method);
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
  if (!has_id || !has_path) {
    return kBadHeader;
  }
  auto body = take_body(in, out.header.has_body);
  if (!body) {
    return body.error();
  }
  out.body = std::move(*body);
  return out;
}

}  // namespace ockam::cli
