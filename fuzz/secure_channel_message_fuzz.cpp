// Fuzzes the decoder of decrypted secure channel messages (SecureChannelPaddedMessage). A
// decoded payload message must re-encode to bytes that decode to the same message.
#include <cstdint>
#include <cstdlib>

#include "ockam/channel/secure_channel_message.hpp"
#include "ockam/core/cbor_route.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto message = ockam::channel::decode_plaintext(ockam::ByteView(data, size));
  if (!message) {
    return 0;
  }
  if (auto* payload = std::get_if<ockam::channel::PayloadMessage>(&*message)) {
    ockam::Bytes encoded;
    ockam::channel::encode_payload_plaintext(ockam::encode_cbor_route(payload->onward_route),
                                             ockam::encode_cbor_route(payload->return_route),
                                             payload->payload, encoded);
    auto again = ockam::channel::decode_plaintext(encoded);
    auto* same = again ? std::get_if<ockam::channel::PayloadMessage>(&*again) : nullptr;
    if (same == nullptr || same->onward_route != payload->onward_route ||
        same->return_route != payload->return_route || same->payload != payload->payload) {
      std::abort();
    }
  }
  return 0;
}
