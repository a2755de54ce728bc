#pragma once

#include <map>
#include <mutex>

#include "ockam/vault/secret_store.hpp"

namespace ockam::vault {

/// InMemorySecretStore keeps secrets in process memory, wiped when removed or destroyed. It is
/// safe for concurrent use.
class InMemorySecretStore final : public SecretStore {
 public:
  Result<void> store(ByteView handle, SecretType type, SecretBytes secret) override;
  Result<StoredSecret> load(ByteView handle) const override;
  Result<void> remove(ByteView handle) override;

 private:
  mutable std::mutex mutex_;
  std::map<Bytes, StoredSecret> secrets_;
};

}  // namespace ockam::vault
