#pragma once

// The umbrella header: everything an application needs.
#include "ockam/api/channel_route_factory.hpp"
#include "ockam/api/node.hpp"
#include "ockam/api/run_node.hpp"
#include "ockam/channel/peer_identity.hpp"
#include "ockam/core/address.hpp"
#include "ockam/core/route.hpp"
#include "ockam/node/runtime.hpp"
#include "ockam/portal/portals.hpp"
#include "ockam/relay/relay.hpp"
#include "ockam/relay/relay_service.hpp"
