#pragma once

#include <atomic>
#include <cstdint>

#include "ockam/node/node_metrics.hpp"
#include "ockam/node/router.hpp"

namespace ockam::portal {

/// count adds one to an inlet's or outlet's own counter and to the node-wide figure operators
/// read in `Node::metrics()`, so the two never disagree.
inline void count(Router& router, std::atomic<std::uint64_t>& own,
                  std::uint64_t NodeMetrics::*node_wide) {
  ++own;
  ++(router.metrics().*node_wide);
}

}  // namespace ockam::portal
