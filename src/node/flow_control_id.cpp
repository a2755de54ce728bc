#include "ockam/node/flow_control_id.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <string_view>

#include <sodium.h>

#include "ockam/core/bytes.hpp"

namespace ockam {

FlowControlId::FlowControlId(std::string text)
    : key_(text.empty() ? 0 : std::hash<std::string_view>{}(text)), text_(std::move(text)) {}

FlowControlId FlowControlId::generate() {
  std::array<std::uint8_t, 16> raw{};
  randombytes_buf(raw.data(), raw.size());
  return FlowControlId(to_hex(raw));
}

}  // namespace ockam
