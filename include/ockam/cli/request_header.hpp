#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"

namespace ockam::cli {

/// Method is a node-manager request method, CBOR-encoded as its index (ockam_core api.rs).
enum class Method : std::uint8_t { kGet = 0, kPost = 1, kPut = 2, kDelete = 3, kPatch = 4 };

/// method_name returns "GET", "POST", ...
const char* method_name(Method method) noexcept;

/// Longest request path accepted (an implementation limit).
inline constexpr std::size_t kMaxRequestPathLength = 1024;

/// RequestHeader is Ockam's request header, a CBOR map {1: id u32, 2: path text, 3: method
/// index, 4: has_body bool}; a body, when announced, follows it as a second CBOR item in the
/// same message. The whole message travels as a BARE byte vector (ULEB128 length, then bytes),
/// as Ockam's `send_and_receive::<Vec<u8>>` sends it.
struct RequestHeader {
  std::uint32_t id = 0;
  std::string path;
  std::optional<Method> method;  // absent or unknown methods decode as nullopt
  bool has_body = false;

  /// A header with a fresh random non-zero id.
  static RequestHeader make(Method method, std::string path, bool has_body);
};

/// Request is a decoded request: its header and the body bytes (one CBOR item, or empty).
struct Request {
  RequestHeader header;
  Bytes body;
};

/// encode_request returns the header's CBOR followed by `body` (pass a CBOR item when the
/// header says has_body, nothing otherwise).
Bytes encode_request(const RequestHeader& header, ByteView body);

/// decode_request reads a header and keeps what follows as the body. kParse when the header is
/// malformed (missing id or path, path over kMaxRequestPathLength, wrong types), or when a
/// body is announced but absent, or bytes follow a header that announces none. Unknown map
/// keys are skipped, as minicbor does.
Result<Request> decode_request(ByteView bytes);

}  // namespace ockam::cli
