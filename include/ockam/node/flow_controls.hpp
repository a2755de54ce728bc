#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "ockam/node/access_control.hpp"
#include "ockam/node/flow_control_id.hpp"

namespace ockam {

/// ProducerInfo says which flow a producer address emits and which spawner it came from.
struct ProducerInfo {
  FlowControlId flow_control_id;
  std::optional<FlowControlId> spawner_flow_control_id;
};

/// FlowControls is the node's registry of flows (reference §7). Messages that arrived from a
/// network leave their producer (a TCP receiver, a channel decryptor) only towards addresses
/// registered as consumers of the producer's flow or of its spawner's flow: default deny.
/// Single-threaded: use it on the node's thread.
class FlowControls {
 public:
  /// Lets `address` receive messages of flow `id` (the usual user call).
  void add_consumer(const Address& address, const FlowControlId& id);
  void remove_consumer(const Address& address, const FlowControlId& id);
  bool is_consumer(const Address& address, const FlowControlId& id) const;
  /// Registers `address` as a producer of `id`; `additional_addresses` (e.g. the paired TCP
  /// sender or channel encryptor) find the same producer through `find_producer`.
  void add_producer(const Address& address, const FlowControlId& id,
                    std::optional<FlowControlId> spawner_id = std::nullopt,
                    std::vector<Address> additional_addresses = {});
  void add_spawner(const Address& address, const FlowControlId& id);
  /// Forgets everything registered for `address` (when its worker stops).
  void cleanup_address(const Address& address);

  /// find_producer returns the flow a producer (or one of its additional addresses) emits.
  const ProducerInfo* find_producer(const Address& address) const;
  /// find_spawner returns the flow id a spawner (listener) address registered, if any.
  std::optional<FlowControlId> find_spawner(const Address& address) const;

  /// The outgoing access control a producer carries: next hop must be a consumer of the flow.
  OutgoingAccessControlPtr producer_access_control(FlowControlId id,
                                                   std::optional<FlowControlId> spawner_id) const;

  /// Messages dropped because their next hop was not a consumer (for tests and metrics).
  std::uint64_t denied_count() const noexcept { return denied_; }
  void count_denied() const noexcept { ++denied_; }

 private:
  // The flows each consumer may receive: the check on every delivery is one address look-up
  // and then integer compares of flow keys (FlowControlId::key).
  std::unordered_map<Address, std::set<FlowControlId>, AddressHash> consumed_flows_;
  std::unordered_map<Address, ProducerInfo, AddressHash> producers_;
  std::unordered_map<Address, Address, AddressHash> producer_aliases_;
  std::unordered_map<Address, FlowControlId, AddressHash> spawners_;
  mutable std::uint64_t denied_ = 0;
};

}  // namespace ockam
