// Decodes arbitrary bytes as a few BARE types. Whatever decodes must re-encode to bytes that
// decode to the same value, and encoding that value again must give the same bytes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ockam/core/bare.hpp"

namespace {

struct Sample {
  std::string name;
  std::uint32_t id = 0;
  std::optional<ockam::Bytes> data;
  std::vector<std::string> tags;
  bool flag = false;
  static constexpr auto bare_fields =
      std::make_tuple(&Sample::name, &Sample::id, &Sample::data, &Sample::tags, &Sample::flag);
  friend bool operator==(const Sample&, const Sample&) = default;
};

template <class T>
void check_round_trip(ockam::ByteView input) {
  auto decoded = ockam::bare::decode<T>(input);
  if (!decoded) {
    return;
  }
  ockam::Bytes encoded = ockam::bare::encode(*decoded);
  auto again = ockam::bare::decode<T>(encoded);
  if (!again || !(*again == *decoded) || ockam::bare::encode(*again) != encoded) {
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ockam::ByteView input(data, size);
  check_round_trip<std::string>(input);
  check_round_trip<std::vector<std::string>>(input);
  check_round_trip<std::optional<ockam::Bytes>>(input);
  check_round_trip<Sample>(input);
  return 0;
}
