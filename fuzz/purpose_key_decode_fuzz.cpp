// Decodes a purpose key attestation and its data; whatever decodes must survive an
// encode/decode round trip unchanged.
#include <cstddef>
#include <cstdint>

#include "ockam/identity/purpose_key_attestation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ockam::identity;
  auto attestation = decode_purpose_key_attestation(ockam::ByteView(data, size));
  if (!attestation) {
    return 0;
  }
  auto again = decode_purpose_key_attestation(encode_purpose_key_attestation(*attestation));
  if (!again || !(*again == *attestation)) {
    __builtin_trap();
  }
  auto attested = attestation->decode_data();
  if (attested) {
    auto data_again =
        decode_purpose_key_attestation_data(encode_purpose_key_attestation_data(*attested));
    if (!data_again || !(*data_again == *attested)) {
      __builtin_trap();
    }
  }
  return 0;
}
