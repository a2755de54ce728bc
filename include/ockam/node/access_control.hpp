#pragma once

#include <memory>
#include <set>
#include <vector>

#include "ockam/core/address.hpp"
#include "ockam/core/local_message.hpp"

namespace ockam {

/// RelayMessage is what access control sees: who sends, to which address, and the message.
struct RelayMessage {
  const Address& source;
  const Address& destination;
  const LocalMessage& message;
};

/// IncomingAccessControl decides whether a mailbox accepts a message (checked on delivery).
class IncomingAccessControl {
 public:
  virtual ~IncomingAccessControl() = default;
  virtual bool is_authorized(const RelayMessage& message) const = 0;
};

/// OutgoingAccessControl decides whether a mailbox may send a message (checked on send).
class OutgoingAccessControl {
 public:
  virtual ~OutgoingAccessControl() = default;
  virtual bool is_authorized(const RelayMessage& message) const = 0;
};

using IncomingAccessControlPtr = std::shared_ptr<const IncomingAccessControl>;
using OutgoingAccessControlPtr = std::shared_ptr<const OutgoingAccessControl>;

/// Allows everything (the default for workers started by the application).
IncomingAccessControlPtr allow_all_incoming();
OutgoingAccessControlPtr allow_all_outgoing();
/// Denies everything.
IncomingAccessControlPtr deny_all_incoming();
OutgoingAccessControlPtr deny_all_outgoing();
/// Accepts messages whose source is one of `sources`.
IncomingAccessControlPtr allow_source_addresses(std::vector<Address> sources);
/// Allows sending only to messages whose next hop is one of `destinations`.
OutgoingAccessControlPtr allow_onward_addresses(std::vector<Address> destinations);
/// Combinators: all must allow / any may allow.
IncomingAccessControlPtr all_of(std::vector<IncomingAccessControlPtr> controls);
IncomingAccessControlPtr any_of(std::vector<IncomingAccessControlPtr> controls);
OutgoingAccessControlPtr all_of(std::vector<OutgoingAccessControlPtr> controls);
OutgoingAccessControlPtr any_of(std::vector<OutgoingAccessControlPtr> controls);

}  // namespace ockam
