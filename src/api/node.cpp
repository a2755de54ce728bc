#include "ockam/api/node.hpp"

namespace ockam {

Node::Node(Runtime& runtime)
    : runtime_(&runtime),
      services_(std::make_shared<SecureChannels>(
          std::make_shared<identity::Identities>(std::make_shared<vault::Vault>()))) {}

}  // namespace ockam
