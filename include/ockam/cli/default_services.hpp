#pragma once

#include <string>

#include "ockam/node/context.hpp"

namespace ockam::cli {

/// The addresses of the services every `ockam` node runs (Ockam's default_address.rs).
inline constexpr const char* kEchoAddress = "echo";
inline constexpr const char* kUppercaseAddress = "uppercase";
inline constexpr const char* kApiListenerAddress = "api";
inline constexpr const char* kNodeManagerAddress = "_internal.nodemanager";

/// Echo sends every message back to its sender with the body unchanged (Ockam's Echoer; Rust
/// inlets ping it for liveness).
class Echo final : public Worker<Any> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;
};

/// Uppercase answers every string with the same string in upper case (ASCII letters only).
class Uppercase final : public Worker<std::string> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<std::string> message) override;
};

}  // namespace ockam::cli
