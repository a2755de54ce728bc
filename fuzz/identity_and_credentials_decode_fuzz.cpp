// Decodes a secure-channel identity payload, then imports its change history and opens its
// credentials as the handshake would; a decoded payload must survive an encode/decode round trip.
#include <cstddef>
#include <cstdint>

#include "ockam/identity/identity.hpp"
#include "ockam/identity/identity_and_credentials.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ockam::identity;
  auto payload = decode_identity_and_credentials(ockam::ByteView(data, size));
  if (!payload) {
    return 0;
  }
  auto again = decode_identity_and_credentials(encode_identity_and_credentials(*payload));
  if (!again || !(*again == *payload)) {
    __builtin_trap();
  }
  (void)Identity::import(payload->change_history);
  (void)payload->purpose_key_attestation.decode_data();
  for (const CredentialAndPurposeKey& credential : payload->credentials) {
    (void)credential.credential.decode_data();
  }
  return 0;
}
