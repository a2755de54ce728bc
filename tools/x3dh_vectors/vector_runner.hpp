#pragma once

#include <string>

#include "../noise_vectors/json.hpp"

namespace ockam::tools {

/// run_x3dh_vector checks one vector of shared/x3dh-vectors (README there): message 1 from the
/// initiator's secrets; for `reject`, that the initiator refuses message 2; for `accept`, that
/// both sides derive `h` and the two keys, that the responder's bundle carries the keys of its
/// secrets, and that each message's ciphertext is reproduced by its sender and opened by the
/// other side. Returns an empty string when it passes, else why it failed.
std::string run_x3dh_vector(const JsonValue& vector);

}  // namespace ockam::tools
