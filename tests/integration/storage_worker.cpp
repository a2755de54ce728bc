// storage-worker: drives a node's database from a separate process for the reliability tests.
//   storage-worker create --home DIR --prefix P --count N
//       creates identities P-0 .. P-(N-1), each with a secure-channel purpose key, and prints
//       "created NAME IDENTIFIER" as soon as each creation has returned
//   storage-worker check --home DIR
//       loads every named identity (verifying its history), checks its key is in the vault,
//       and prints "ok NAME IDENTIFIER" for each, then "identities N"; status 1 on any failure
// The database is DIR/database.sqlite3, or PostgreSQL when OCKAM_DATABASE_CONNECTION_URL is set.
#include <cstdio>
#include <string>

#include "ockam/identity/identities.hpp"
#include "ockam/storage/storage.hpp"
#include "ockam/vault/persistent_secret_store.hpp"
#include "support/arguments.hpp"

namespace {

int fail(const char* step, const ockam::Error& error) {
  std::fprintf(stderr, "error: %s: %s\n", step, error.to_string().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using ockam::examples::flag_value;
  std::string command = argc > 1 ? argv[1] : "";
  std::string home = flag_value(argc, argv, "--home", "");
  if ((command != "create" && command != "check") || home.empty()) {
    std::fprintf(stderr, "usage: %s create|check --home DIR [--prefix P --count N]\n", argv[0]);
    return 2;
  }
  auto storage = ockam::storage::Storage::open(ockam::storage::StorageOptions::in_home(home));
  if (!storage) {
    return fail("open", storage.error());
  }
  auto vault = std::make_shared<ockam::vault::Vault>(
      std::make_unique<ockam::vault::PersistentSecretStore>(*storage));
  ockam::identity::Identities identities(vault, *storage);

  if (command == "create") {
    std::string prefix = flag_value(argc, argv, "--prefix", "id");
    int count = std::stoi(flag_value(argc, argv, "--count", "10"));
    for (int i = 0; i < count; ++i) {
      std::string name = prefix + "-" + std::to_string(i);
      auto identity = identities.create_named_identity(name);
      if (!identity) {
        return fail("create", identity.error());
      }
      auto purpose_key =
          identities.get_or_create_secure_channel_purpose_key(identity->identifier());
      if (!purpose_key) {
        return fail("purpose key", purpose_key.error());
      }
      std::printf("created %s %s\n", name.c_str(), identity->identifier().to_string().c_str());
      std::fflush(stdout);
    }
    return 0;
  }

  auto named = identities.list_named_identities();
  if (!named) {
    return fail("list", named.error());
  }
  for (const auto& entry : *named) {
    auto identity = identities.get_named_identity(entry.name);
    if (!identity) {
      return fail("load", identity.error());
    }
    if (identity->identifier() != entry.identifier) {
      std::fprintf(stderr, "error: %s loads as another identifier\n", entry.name.c_str());
      return 1;
    }
    if (auto key = vault->signing_key_handle(identity->primary_public_key()); !key) {
      return fail("key", key.error());
    }
    std::printf("ok %s %s\n", entry.name.c_str(), entry.identifier.to_string().c_str());
  }
  std::printf("identities %zu\n", named->size());
  return 0;
}
