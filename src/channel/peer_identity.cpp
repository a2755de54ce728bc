#include "ockam/channel/peer_identity.hpp"

#include "ockam/channel/constants.hpp"
#include "ockam/core/bare.hpp"

namespace ockam {
namespace {

class AllowPeerIdentifiers final : public IncomingAccessControl {
 public:
  explicit AllowPeerIdentifiers(std::set<identity::Identifier> identifiers)
      : identifiers_(std::move(identifiers)) {}
  bool is_authorized(const RelayMessage& m) const override {
    auto peer = peer_identifier(m.message);
    return peer && identifiers_.contains(*peer);
  }

 private:
  std::set<identity::Identifier> identifiers_;
};

}  // namespace

std::optional<identity::Identifier> peer_identifier(const LocalMessage& message) {
  const Bytes* data = message.find_local_info(channel::kIdentityLocalInfoType);
  if (data == nullptr) {
    return std::nullopt;
  }
  auto text = bare::decode<std::string>(*data);
  if (!text) {
    return std::nullopt;
  }
  auto identifier = identity::Identifier::parse(*text);
  if (!identifier) {
    return std::nullopt;
  }
  return *identifier;
}

IncomingAccessControlPtr allow_peer_identifiers(std::set<identity::Identifier> identifiers) {
  return std::make_shared<AllowPeerIdentifiers>(std::move(identifiers));
}

}  // namespace ockam
