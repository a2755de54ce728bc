// Steps over CBOR items until the input ends or an item is rejected; a rejected skip must leave
// the reader where it was and an accepted one must consume bytes.
#include <cstddef>
#include <cstdint>

#include "ockam/core/cbor_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ockam::CborReader in(ockam::ByteView(data, size));
  while (in.remaining() > 0) {
    std::size_t before = in.remaining();
    bool skipped = in.skip();
    if (skipped != (in.remaining() < before)) {
      __builtin_trap();
    }
    if (!skipped) {
      break;
    }
  }
  return 0;
}
