#include "ockam/relay/relay.hpp"

namespace ockam {

Task<Result<void>> Relay::handle_message(Context& ctx, Routed<Any> message) {
  LocalMessage local = std::move(message).take_local_message();
  if (auto stepped = local.onward_route.step(); !stepped) {
    co_return stepped.error();
  }
  local.onward_route.prepend_route(forward_route_);
  const Address* next_hop = forward_route_.next();
  const Address* previous_hop = local.return_route.next();
  if (next_hop != nullptr && previous_hop != nullptr) {
    FlowControls& flows = ctx.flow_controls();
    if (const ProducerInfo* producer = flows.find_producer(*next_hop)) {
      flows.add_consumer(*previous_hop, producer->flow_control_id);
    }
    if (const ProducerInfo* producer = flows.find_producer(*previous_hop)) {
      flows.add_consumer(*next_hop, producer->flow_control_id);
    }
  }
  co_return co_await ctx.forward(std::move(local));
}

}  // namespace ockam
