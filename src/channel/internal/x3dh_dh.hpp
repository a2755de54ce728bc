#pragma once

#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::channel::internal {

/// x3dh_dh names the failure of one X3DH Diffie-Hellman: a low-order peer key (all-zero result)
/// becomes the X3DH error that callers and tests can tell apart.
inline Result<SecretBytes> x3dh_dh(Result<SecretBytes> result) {
  if (!result && result.error().kind() == Kind::kProtocol) {
    return Error(Origin::kChannel, Kind::kProtocol, "an X3DH Diffie-Hellman result is all zero");
  }
  return result;
}

}  // namespace ockam::channel::internal
