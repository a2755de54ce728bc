#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"

namespace ockam::cli {

/// Most entries a request or response body map may have (an implementation limit).
inline constexpr std::size_t kMaxBodyMapEntries = 32;
/// Most items a text list in a body may have (an implementation limit).
inline constexpr std::size_t kMaxBodyListItems = 1024;

/// CborMap is a decoded body in Ockam's `#[cbor(map)]` shape: unsigned keys, each value kept as
/// the raw bytes of one CBOR item, read on demand. Views point into the decoded buffer, which
/// must outlive the map.
class CborMap {
 public:
  /// parse reads one map item that makes up all of `body`; kParse for anything else, a
  /// repeated key or more than kMaxBodyMapEntries entries.
  static Result<CborMap> parse(ByteView body);

  bool has(std::uint64_t key) const { return items_.contains(key); }
  std::optional<std::string> text(std::uint64_t key) const;
  std::optional<Bytes> bytes(std::uint64_t key) const;
  std::optional<std::uint64_t> uint(std::uint64_t key) const;
  std::optional<bool> boolean(std::uint64_t key) const;
  /// A list of texts (absent or null: empty list); nullopt when malformed.
  std::optional<std::vector<std::string>> texts(std::uint64_t key) const;
  /// The raw item (for nested maps and lists of maps).
  std::optional<ByteView> item(std::uint64_t key) const;

 private:
  std::map<std::uint64_t, ByteView> items_;
};

/// parse_cbor_list splits an array item into its raw items; kParse when malformed or longer
/// than kMaxBodyListItems.
Result<std::vector<ByteView>> parse_cbor_list(ByteView item);

}  // namespace ockam::cli
