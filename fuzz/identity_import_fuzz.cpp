// Imports (decodes and verifies) a change history; whatever imports must export the same
// bytes and import again to the same identity.
#include <cstddef>
#include <cstdint>

#include "ockam/identity/identity.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ockam::ByteView input(data, size);
  auto identity = ockam::identity::Identity::import(input);
  if (!identity) {
    return 0;
  }
  const ockam::Bytes& exported = identity->export_bytes();
  auto again = ockam::identity::Identity::import(exported);
  if (exported != ockam::Bytes(input.begin(), input.end()) || !again || !(*again == *identity) ||
      identity->identifier().bytes() != identity->change_history().changes.front().hash()) {
    __builtin_trap();
  }
  return 0;
}
