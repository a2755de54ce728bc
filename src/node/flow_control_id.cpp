#include "ockam/node/flow_control_id.hpp"

#include <array>
#include <cstdint>

#include <sodium.h>

#include "ockam/core/bytes.hpp"

namespace ockam {

FlowControlId FlowControlId::generate() {
  std::array<std::uint8_t, 16> raw{};
  randombytes_buf(raw.data(), raw.size());
  return FlowControlId(to_hex(raw));
}

}  // namespace ockam
