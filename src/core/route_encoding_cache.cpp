#include "ockam/core/route_encoding_cache.hpp"

#include <utility>

#include "ockam/core/byte_writer.hpp"
#include "ockam/core/cbor_route.hpp"
#include "ockam/core/cbor_writer.hpp"

namespace ockam {

ByteView RouteEncodingCache::encode(const Route& route) {
  if (filled_ && route == route_) {
    return bytes_;
  }
  route_ = route;
  bytes_.clear();  // the buffer is kept: a changed route is encoded into it
  ByteWriter writer(std::move(bytes_));
  CborWriter cbor(writer);
  write_cbor_route(cbor, route);
  bytes_ = writer.take();
  filled_ = true;
  return bytes_;
}

}  // namespace ockam
