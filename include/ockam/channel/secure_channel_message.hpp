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
/// padding, as Ockam sends it) to `out`: [[0, [[onward, return, payload]]], h''].
void encode_payload_plaintext(const Route& onward_route, const Route& return_route,
                              ByteView payload, Bytes& out);
/// encode_close_plaintext returns the Close plaintext: 82 82 02 80 40.
Bytes encode_close_plaintext();

/// decode_plaintext parses a SecureChannelPaddedMessage; kParse on anything malformed or an
/// unknown variant. Extra trailing array elements are ignored (minicbor semantics).
Result<SecureChannelMessage> decode_plaintext(ByteView plaintext);

}  // namespace ockam::channel
