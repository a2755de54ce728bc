#pragma once

#include <variant>

#include "ockam/core/bytes.hpp"
#include "ockam/core/route.hpp"

namespace ockam::channel {

/// PayloadMessage is an application message inside the channel (variant 0).
struct PayloadMessage {
  Route onward_route;
  Route return_route;
  Bytes payload;
};

/// RefreshCredentialsMessage carries the sender's change history and credentials (variant 1),
/// kept here as the raw CBOR of each.
struct RefreshCredentialsMessage {
  Bytes change_history;
  Bytes credentials;
};

/// CloseMessage tells the peer the channel is closing (variant 2).
struct CloseMessage {};

using SecureChannelMessage = std::variant<PayloadMessage, RefreshCredentialsMessage, CloseMessage>;

/// encode_payload_plaintext appends the CBOR SecureChannelPaddedMessage of a payload (empty
/// padding, as Ockam sends it) to `out`: [[0, [[onward, return, payload]]], h'']. The routes
/// come CBOR-encoded (encode_cbor_route, or a RouteEncodingCache of the sender).
void encode_payload_plaintext(ByteView onward_route_cbor, ByteView return_route_cbor,
                              ByteView payload, Bytes& out);
/// At least the bytes encode_payload_plaintext appends for routes of `routes_cbor_size` bytes
/// together and a payload of `payload_size` bytes (to reserve a buffer once).
std::size_t payload_plaintext_size_bound(std::size_t routes_cbor_size, std::size_t payload_size);
/// encode_close_plaintext returns the Close plaintext: 82 82 02 80 40.
Bytes encode_close_plaintext();

/// decode_plaintext parses a SecureChannelPaddedMessage; kParse on anything malformed or an
/// unknown variant. Extra trailing array elements are ignored (minicbor semantics).
Result<SecureChannelMessage> decode_plaintext(ByteView plaintext);
/// decode_plaintext for the plaintext at [begin, end) of `buffer`, which it takes: a Payload's
/// payload is `buffer` itself with the payload moved to its front, so a large message is not
/// copied out of its envelope (the payload overwrites the envelope's routes). Any other
/// message's buffer is wiped.
Result<SecureChannelMessage> decode_plaintext_in_place(Bytes buffer, std::size_t begin,
                                                       std::size_t end);

}  // namespace ockam::channel
