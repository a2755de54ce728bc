// Decodes a node-manager request and a response: neither may crash, and a decoded
// request must re-encode to bytes that decode to the same header and body.
#include <cstddef>
#include <cstdint>

#include "ockam/cli/response_header.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ockam::ByteView input(data, size);
  (void)ockam::cli::decode_response(input);
  auto request = ockam::cli::decode_request(input);
  if (!request) {
    return 0;
  }
  auto again =
      ockam::cli::decode_request(ockam::cli::encode_request(request->header, request->body));
  if (!again || again->header.id != request->header.id ||
      again->header.path != request->header.path || again->body != request->body) {
    __builtin_trap();
  }
  return 0;
}
