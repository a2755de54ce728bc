#include "ockam/cli/cbor_map.hpp"

#include "ockam/core/cbor_reader.hpp"

namespace ockam::cli {
namespace {

const Error kBadBody(Origin::kApplication, Kind::kParse, "malformed request or response body");

// The raw bytes of the next item, advancing past it.
bool take_item(CborReader& in, ByteView& out) {
  ByteView rest = in.rest();
  if (!in.skip()) {
    return false;
  }
  out = rest.first(rest.size() - in.remaining());
  return true;
}

}  // namespace

Result<CborMap> CborMap::parse(ByteView body) {
  CborReader in(body);
  std::uint64_t pairs = 0;
  if (!in.read_map_header(pairs) || pairs > kMaxBodyMapEntries) {
    return kBadBody;
  }
  CborMap out;
  for (std::uint64_t i = 0; i < pairs; ++i) {
    std::uint64_t key = 0;
    ByteView value;
    if (!in.read_uint(key) || !take_item(in, value) || !out.items_.emplace(key, value).second) {
      return kBadBody;
    }
  }
  if (auto end = in.expect_end(); !end) {
    return end.error();
  }
  return out;
}

std::optional<ByteView> CborMap::item(std::uint64_t key) const {
  auto it = items_.find(key);
  if (it == items_.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::optional<std::string> CborMap::text(std::uint64_t key) const {
  auto raw = item(key);
  std::string_view value;
  if (!raw) {
    return std::nullopt;
  }
  CborReader in(*raw);
  if (!in.read_text(value)) {
    return std::nullopt;
  }
  return std::string(value);
}

std::optional<Bytes> CborMap::bytes(std::uint64_t key) const {
  auto raw = item(key);
  ByteView value;
  if (!raw) {
    return std::nullopt;
  }
  CborReader in(*raw);
  if (!in.read_bytes(value)) {
    return std::nullopt;
  }
  return Bytes(value.begin(), value.end());
}

std::optional<std::uint64_t> CborMap::uint(std::uint64_t key) const {
  auto raw = item(key);
  std::uint64_t value = 0;
  if (!raw) {
    return std::nullopt;
  }
  CborReader in(*raw);
  if (!in.read_uint(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<bool> CborMap::boolean(std::uint64_t key) const {
  auto raw = item(key);
  bool value = false;
  if (!raw) {
    return std::nullopt;
  }
  CborReader in(*raw);
  if (!in.read_bool(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> CborMap::texts(std::uint64_t key) const {
  auto raw = item(key);
  std::vector<std::string> out;
  if (!raw) {
    return out;
  }
  CborReader in(*raw);
  if (in.next_is_null()) {
    return out;
  }
  std::uint64_t count = 0;
  if (!in.read_array_header(count) || count > kMaxBodyListItems) {
    return std::nullopt;
  }
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string_view value;
    if (!in.read_text(value)) {
      return std::nullopt;
    }
    out.emplace_back(value);
  }
  return out;
}

Result<std::vector<ByteView>> parse_cbor_list(ByteView item) {
  CborReader in(item);
  std::uint64_t count = 0;
  if (!in.read_array_header(count) || count > kMaxBodyListItems) {
    return kBadBody;
  }
  std::vector<ByteView> out;
  for (std::uint64_t i = 0; i < count; ++i) {
    ByteView value;
    if (!take_item(in, value)) {
      return kBadBody;
    }
    out.push_back(value);
  }
  if (auto end = in.expect_end(); !end) {
    return end.error();
  }
  return out;
}

}  // namespace ockam::cli
