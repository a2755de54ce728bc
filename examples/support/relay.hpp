#pragma once

#include "ockam/relay/relay.hpp"

namespace ockam::examples {

/// The seeds' `Relay` is the library's forwarding worker.
using Relay = ockam::Relay;

}  // namespace ockam::examples
