#pragma once

#include "ockam/node/context.hpp"

namespace ockam {

/// EchoService sends every message back to its return route unchanged (Ockam's `echo`
/// service, ockam_api echoer.rs). Rust inlets ping `echo` on the outlet's node every 10 s with
/// a CBOR u64 and re-create the portal route after three misses, so an outlet node should run
/// it where its secure channel listener's flow reaches it
/// (`add_consumer("echo", listener.flow_control_id())`).
class EchoService final : public Worker<Any> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;
};

}  // namespace ockam
