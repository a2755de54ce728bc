#pragma once

namespace ockam::noise {

/// Role says which side of a handshake this party plays (Noise spec §5.3).
enum class Role { kInitiator, kResponder };

}  // namespace ockam::noise
