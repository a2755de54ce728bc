#include "cli/internal/header_fields.hpp"

namespace ockam::cli::internal {

bool read_nullable_uint(CborReader& in, std::optional<std::uint64_t>& out) {
  if (in.next_is_null()) {
    out.reset();
    return in.read_null();
  }
  std::uint64_t value = 0;
  if (!in.read_uint(value)) {
    return false;
  }
  out = value;
  return true;
}

Result<Bytes> read_header_body(CborReader& in, bool has_body, const Error& malformed) {
  ByteView rest = in.rest();
  if (has_body && !in.skip()) {
    return malformed;
  }
  if (auto end = in.expect_end(); !end) {
    return end.error();
  }
  return has_body ? Bytes(rest.begin(), rest.end()) : Bytes{};
}

}  // namespace ockam::cli::internal
