#pragma once

#include <cstddef>

#include "ockam/core/bytes.hpp"
#include "ockam/core/route.hpp"

namespace ockam {

/// RouteEncodingCache keeps the CBOR bytes of the last route it encoded. A secure channel or a
/// TCP connection writes the same few routes with every message, and comparing a route with
/// the one kept costs a fraction of encoding it again.
class RouteEncodingCache {
 public:
  /// Routes whose encoding is longer are encoded each time and not kept (a peer's long return
  /// route would otherwise stay in every channel it passed through).
  static constexpr std::size_t kMaxCachedBytes = 512;

  /// The CBOR bytes of `route` (as write_cbor_route writes them), valid until the next call.
  ByteView encode(const Route& route);

 private:
  Route route_;
  Bytes bytes_;
  bool filled_ = false;
};

}  // namespace ockam
