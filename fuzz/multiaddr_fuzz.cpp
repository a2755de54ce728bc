// Decodes a binary multiaddr; whatever decodes must encode back to the same bytes and survive
// a text round trip unchanged.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "ockam/cli/multiaddr.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ockam::ByteView input(data, size);
  auto addr = ockam::cli::MultiAddr::decode(input);
  if (!addr) {
    return 0;
  }
  ockam::Bytes again = addr->encode();
  if (!std::equal(again.begin(), again.end(), input.begin(), input.end())) {
    // IPv4/IPv6/port values have one binary form, names are copied: encoding is exact.
    __builtin_trap();
  }
  auto parsed = ockam::cli::MultiAddr::parse(addr->to_string());
  if (addr->empty() ? static_cast<bool>(parsed) : (!parsed || !(*parsed == *addr))) {
    __builtin_trap();
  }
  return 0;
}
