#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ockam/core/result.hpp"

namespace ockam {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

/// as_bytes views the characters of `text` as bytes; the view lives as long as `text`.
inline ByteView as_bytes(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

/// to_bytes copies the characters of `text` into a byte vector.
inline Bytes to_bytes(std::string_view text) {
  ByteView view = as_bytes(text);
  return {view.begin(), view.end()};
}

/// to_hex returns the lowercase hexadecimal form of `data`.
std::string to_hex(ByteView data);

/// from_hex parses hexadecimal text (either case, even length) or fails with kParse.
Result<Bytes> from_hex(std::string_view text);

}  // namespace ockam
