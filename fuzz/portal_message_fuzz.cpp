// Fuzzes the portal message decoder: whatever decodes must re-encode to the same prefix, and a
// Payload's data must lie inside the input.
#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "ockam/portal/portal_message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ockam::ByteView input(data, size);
  auto message = ockam::portal::decode_portal_message(input);
  if (!message) {
    return 0;
  }
  if (message->kind != ockam::portal::PortalMessage::Kind::kPayload) {
    if (size == 0 || data[0] > 2) {
      std::abort();
    }
    return 0;
  }
  if (message->data.data() < data || message->data.data() + message->data.size() > data + size) {
    std::abort();
  }
  ockam::Bytes encoded;
  ockam::portal::append_portal_payload(encoded, message->data);
  auto again = ockam::portal::decode_portal_message(encoded);
  if (!again || again->counter || again->data.size() != message->data.size() ||
      !std::equal(again->data.begin(), again->data.end(), message->data.begin())) {
    std::abort();
  }
  return 0;
}
