#include "ockam/node/flow_controls.hpp"

#include "ockam/core/log.hpp"

namespace ockam {
namespace {

/// The outgoing access control of a producer: the next hop must consume its flow.
class FlowControlOutgoingAccessControl final : public OutgoingAccessControl {
 public:
  FlowControlOutgoingAccessControl(const FlowControls& controls, FlowControlId id,
                                   std::optional<FlowControlId> spawner_id)
      : controls_(controls), id_(std::move(id)), spawner_id_(std::move(spawner_id)) {}

  bool is_authorized(const RelayMessage& m) const override {
    if (controls_.is_consumer(m.destination, id_) ||
        (spawner_id_ && controls_.is_consumer(m.destination, *spawner_id_))) {
      return true;
    }
    controls_.count_denied();
    log::debug("flow_control", "{} is not a consumer of flow {}; message dropped",
               m.destination.to_string(), id_.to_string());
    return false;
  }

 private:
  const FlowControls& controls_;
  FlowControlId id_;
  std::optional<FlowControlId> spawner_id_;
};

}  // namespace

void FlowControls::add_consumer(const Address& address, const FlowControlId& id) {
  consumed_flows_[address].insert(id);
}

void FlowControls::remove_consumer(const Address& address, const FlowControlId& id) {
  if (auto it = consumed_flows_.find(address); it != consumed_flows_.end()) {
    it->second.erase(id);
    if (it->second.empty()) {
      consumed_flows_.erase(it);
    }
  }
}

bool FlowControls::is_consumer(const Address& address, const FlowControlId& id) const {
  auto it = consumed_flows_.find(address);
  return it != consumed_flows_.end() && it->second.contains(id);
}

void FlowControls::add_producer(const Address& address, const FlowControlId& id,
                                std::optional<FlowControlId> spawner_id,
                                std::vector<Address> additional_addresses) {
  producers_[address] = ProducerInfo{id, std::move(spawner_id)};
  for (Address& alias : additional_addresses) {
    producer_aliases_[std::move(alias)] = address;
  }
}

void FlowControls::add_spawner(const Address& address, const FlowControlId& id) {
  spawners_[address] = id;
}

void FlowControls::cleanup_address(const Address& address) {
  producers_.erase(address);
  producer_aliases_.erase(address);
  spawners_.erase(address);
  consumed_flows_.erase(address);
}

const ProducerInfo* FlowControls::find_producer(const Address& address) const {
  if (auto it = producers_.find(address); it != producers_.end()) {
    return &it->second;
  }
  if (auto alias = producer_aliases_.find(address); alias != producer_aliases_.end()) {
    if (auto it = producers_.find(alias->second); it != producers_.end()) {
      return &it->second;
    }
  }
  return nullptr;
}

std::optional<FlowControlId> FlowControls::find_spawner(const Address& address) const {
  if (auto it = spawners_.find(address); it != spawners_.end()) {
    return it->second;
  }
  return std::nullopt;
}

OutgoingAccessControlPtr FlowControls::producer_access_control(
    FlowControlId id, std::optional<FlowControlId> spawner_id) const {
  return std::make_shared<FlowControlOutgoingAccessControl>(*this, std::move(id),
                                                            std::move(spawner_id));
}

}  // namespace ockam
