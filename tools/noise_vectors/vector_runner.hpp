#pragma once

#include <string>

#include "json.hpp"

namespace ockam::tools {

/// VectorOutcome is the result of running one cacophony-schema vector.
struct VectorOutcome {
  enum class Status { kPassed, kFailed, kSkipped };
  Status status = Status::kSkipped;
  /// Why the vector failed or was skipped (empty when it passed).
  std::string reason;
};

/// run_vector runs one vector object (keys `protocol_name` or `name`, `init_*`/`resp_*`
/// prologue, static, ephemeral, remote_static, psks, optional `handshake_hash`, `messages`)
/// through two HandshakeStates and their TransportStates, checking every ciphertext, payload and
/// the handshake hash. Vectors whose protocol this library does not implement are skipped.
VectorOutcome run_vector(const JsonValue& vector);

}  // namespace ockam::tools
