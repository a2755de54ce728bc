#pragma once

#include <sodium.h>

namespace ockam::crypto::internal {

/// ensure_sodium_initialized runs sodium_init() once per process (thread-safe, idempotent).
inline void ensure_sodium_initialized() noexcept {
  static const bool kInitialized = sodium_init() >= 0;
  static_cast<void>(kInitialized);
}

}  // namespace ockam::crypto::internal
