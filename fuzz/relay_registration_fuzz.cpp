// Fuzzes the relay service's registration request: a BARE string that must be a valid name.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ockam/core/bare.hpp"
#include "ockam/relay/relay_service.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto name = ockam::bare::decode<std::string>(ockam::ByteView(data, size));
  if (!name) {
    return 0;
  }
  if (ockam::validate_relay_name(*name) &&
      (name->empty() || name->size() > ockam::kMaxRelayNameLength ||
       name->find_first_of(" #/\\\n") != std::string::npos)) {
    std::abort();
  }
  return 0;
}
