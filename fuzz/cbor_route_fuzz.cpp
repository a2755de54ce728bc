// Decodes a CBOR route; whatever decodes must survive an encode/decode round trip unchanged.
#include <cstddef>
#include <cstdint>

#include "ockam/core/cbor_route.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto route = ockam::decode_cbor_route(ockam::ByteView(data, size));
  if (!route) {
    return 0;
  }
  auto again = ockam::decode_cbor_route(ockam::encode_cbor_route(*route));
  if (!again || !(*again == *route)) {
    __builtin_trap();
  }
  return 0;
}
