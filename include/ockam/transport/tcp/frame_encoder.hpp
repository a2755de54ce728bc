#pragma once

#include <cstddef>

#include "ockam/core/bytes.hpp"
#include "ockam/core/route.hpp"
#include "ockam/core/route_encoding_cache.hpp"

namespace ockam::tcp {

/// FrameEncoder writes the TCP frames of one connection (the format and checks of append_frame
/// in transport_message.hpp). It keeps the CBOR of the last routes it wrote: a connection
/// carries the same few routes frame after frame.
class FrameEncoder {
 public:
  /// append_frame of transport_message.hpp.
  Result<void> append_frame(Bytes& out, const Route& onward_route, const Route& return_route,
                            ByteView payload);
  /// append_frame_head of transport_message.hpp.
  Result<void> append_frame_head(Bytes& out, const Route& onward_route, const Route& return_route,
                                 std::size_t payload_size);

 private:
  RouteEncodingCache onward_routes_;
  RouteEncodingCache return_routes_;
};

}  // namespace ockam::tcp
