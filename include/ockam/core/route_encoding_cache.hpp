#pragma once

#include "ockam/core/bytes.hpp"
#include "ockam/core/route.hpp"

namespace ockam {

/// RouteEncodingCache keeps the CBOR bytes of the last route it encoded. A secure channel or a
/// TCP connection writes the same few routes with every message, and comparing a route with
/// the one kept costs a fraction of encoding it again.
class RouteEncodingCache {
 public:
  /// The CBOR bytes of `route` (as write_cbor_route writes them), valid until the next call.
  ByteView encode(const Route& route);

 private:
  Route route_;
  Bytes bytes_;
  bool filled_ = false;
};

}  // namespace ockam
