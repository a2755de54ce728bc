#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "ockam/core/result.hpp"
#include "ockam/node/runtime.hpp"

namespace ockam::bench {

/// InletNode is the inlet side of the portal benchmarks: a node on a thread of its own with a
/// secure channel to the portal-outlet peer at `outlet_node` ("127.0.0.1:PORT") and an inlet on
/// 127.0.0.1:0 toward its outlet. Clients then connect to `port()` from any other thread.
/// Destroying it stops the node.
class InletNode {
 public:
  /// start connects, creates the channel and the inlet; the error of the first step that failed.
  static Result<std::unique_ptr<InletNode>> start(std::string outlet_node);
  ~InletNode();
  InletNode(const InletNode&) = delete;
  InletNode& operator=(const InletNode&) = delete;

  std::uint16_t port() const noexcept { return port_; }

 private:
  InletNode() = default;

  Runtime runtime_;
  std::thread thread_;
  std::uint16_t port_ = 0;
};

}  // namespace ockam::bench
