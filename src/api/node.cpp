#include "ockam/api/node.hpp"

#include "ockam/vault/persistent_secret_store.hpp"

namespace ockam {

Node::Node(Runtime& runtime)
    : runtime_(&runtime),
      services_(std::make_shared<SecureChannels>(
          std::make_shared<identity::Identities>(std::make_shared<vault::Vault>()))) {}

Node::Node(Runtime& runtime, std::shared_ptr<storage::Storage> storage)
    : runtime_(&runtime),
      storage_(storage),
      services_(std::make_shared<SecureChannels>(std::make_shared<identity::Identities>(
          std::make_shared<vault::Vault>(std::make_unique<vault::PersistentSecretStore>(storage)),
          storage))) {}

Result<Node> Node::open(Runtime& runtime, NodeOptions options) {
  options.storage.scope = options.name;
  auto storage = storage::Storage::open(std::move(options.storage));
  if (!storage) {
    return storage.error();
  }
  return Node(runtime, std::move(*storage));
}

}  // namespace ockam
