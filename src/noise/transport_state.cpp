#include "ockam/noise/transport_state.hpp"

#include "ockam/crypto/aead.hpp"
#include "ockam/noise/constants.hpp"

namespace ockam::noise {

Result<Bytes> TransportState::write_message(ByteView payload) {
  if (payload.size() > kMaxMessageLength - crypto::kAeadTagLength) {
    return Error(Origin::kNoise, Kind::kInvalid, "transport message too long");
  }
  Bytes out;
  out.reserve(payload.size() + crypto::kAeadTagLength);
  if (Result<void> sealed = send_.encrypt_with_ad({}, payload, out); !sealed) {
    return sealed.error();
  }
  return out;
}

Result<Bytes> TransportState::read_message(ByteView message) {
  if (message.size() > kMaxMessageLength) {
    return Error(Origin::kNoise, Kind::kProtocol, "transport message too long");
  }
  Bytes out;
  if (Result<void> opened = receive_.decrypt_with_ad({}, message, out); !opened) {
    return opened.error();
  }
  return out;
}

}  // namespace ockam::noise
