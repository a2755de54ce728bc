// Fuzzes the TCP transport's frame body decoder (TcpTransportMessage CBOR). Whatever decodes
// must re-encode to a frame that decodes to the same routes and payload.
#include <cstdint>
#include <cstdlib>

#include "ockam/transport/tcp/transport_message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto message = ockam::tcp::decode_transport_message(ockam::ByteView(data, size));
  if (!message) {
    return 0;
  }
  ockam::Bytes frame;
  if (!ockam::tcp::append_frame(frame, message->onward_route, message->return_route,
                                message->payload)) {
    return 0;
  }
  auto again = ockam::tcp::decode_transport_message(ockam::ByteView(frame).subspan(4));
  if (!again || again->onward_route != message->onward_route ||
      again->return_route != message->return_route || again->payload != message->payload) {
    std::abort();
  }
  return 0;
}
