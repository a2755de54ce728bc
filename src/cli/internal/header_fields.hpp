#pragma once

#include <cstdint>
#include <optional>

#include "ockam/core/bytes.hpp"
#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/result.hpp"

namespace ockam::cli::internal {

/// read_map_fields reads the CBOR map at `in` with unsigned keys (a request or response header,
/// an error body). `read_field(key)` reads the value of a key it knows and says whether it parsed;
/// it returns nullopt for a key it does not know, whose value is skipped (newer peers may add
/// fields). False when anything is malformed.
template <class ReadField>
bool read_map_fields(CborReader& in, ReadField read_field) {
  std::uint64_t pairs = 0;
  if (!in.read_map_header(pairs)) {
    return false;
  }
  for (std::uint64_t i = 0; i < pairs; ++i) {
    std::uint64_t key = 0;
    if (!in.read_uint(key)) {
      return false;
    }
    std::optional<bool> parsed = read_field(key);
    if (parsed ? !*parsed : !in.skip()) {
      return false;
    }
  }
  return true;
}

/// read_nullable_uint reads a field that is an unsigned integer or null (a method or a status):
/// nullopt for null. False when it is neither.
bool read_nullable_uint(CborReader& in, std::optional<std::uint64_t>& out);

/// read_header_body reads what follows a header: exactly one CBOR item when the header
/// announced a body, nothing otherwise; `malformed` when that is not so.
Result<Bytes> read_header_body(CborReader& in, bool has_body, const Error& malformed);

}  // namespace ockam::cli::internal
