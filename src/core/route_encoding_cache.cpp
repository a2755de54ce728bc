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
  // Not filled until the new bytes and route are both in place (an allocation may throw).
  filled_ = false;
  if (bytes_.capacity() > kMaxCachedBytes) {
    Bytes().swap(bytes_);  // the long route of a previous call is not kept
  }
  bytes_.clear();  // a short buffer is kept: a changed route is encoded into it
  ByteWriter writer(std::move(bytes_));
  CborWriter cbor(writer);
  write_cbor_route(cbor, route);
  bytes_ = writer.take();
  if (bytes_.size() <= kMaxCachedBytes) {
    route_ = route;
    filled_ = true;
  } else {
    route_ = Route();
  }
  return bytes_;
}

}  // namespace ockam
