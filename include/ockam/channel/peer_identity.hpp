#pragma once

#include <optional>
#include <set>

#include "ockam/core/local_message.hpp"
#include "ockam/identity/identifier.hpp"
#include "ockam/node/access_control.hpp"

namespace ockam {

/// peer_identifier returns the identifier of the peer whose secure channel decrypted
/// `message`, or nullopt for a message that did not come through a secure channel.
std::optional<identity::Identifier> peer_identifier(const LocalMessage& message);

/// allow_peer_identifiers accepts only messages decrypted by a secure channel whose peer is in
/// `identifiers` (Ockam's IdentityIdAccessControl).
IncomingAccessControlPtr allow_peer_identifiers(std::set<identity::Identifier> identifiers);

}  // namespace ockam
