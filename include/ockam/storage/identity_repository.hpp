#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/storage/database.hpp"

namespace ockam::storage {

/// NamedIdentityRecord is one of our identities by name (table `named_identity`).
struct NamedIdentityRecord {
  std::string name;
  /// The identifier, "I" + 64 hex digits.
  std::string identifier;
  bool is_default = false;
  /// Seconds since the Unix epoch.
  std::int64_t created_at = 0;
};

/// HistoryOwner says whose change history is stored: ours (its key is in our vault) or a peer's.
enum class HistoryOwner { kPeer, kOurs };

/// IdentityRepository keeps change histories (table `identity`: ours and the peers' we
/// verified) and the names of our identities (table `named_identity`). It stores bytes as
/// given: callers verify histories before storing them and after loading them. The peers'
/// histories (neither ours nor named) are the known identities: at most `max_known` per scope
/// are kept, the least recently stored go first; ours and named ones are never evicted.
/// Methods that change several rows do so in one statement or leave it to the caller to wrap
/// them in a Database transaction.
class IdentityRepository {
 public:
  /// Bound on the known (peers') identities of a scope, by default.
  static constexpr std::int64_t kDefaultMaxKnown = 10'000;

  IdentityRepository(std::shared_ptr<Database> database, std::string scope,
                     std::int64_t max_known = kDefaultMaxKnown)
      : database_(std::move(database)), scope_(std::move(scope)), max_known_(max_known) {}

  /// put_change_history stores (or replaces) the change history of `identifier`, then drops
  /// the least recently stored known identities beyond the bound. A history once stored as
  /// ours stays ours.
  Result<void> put_change_history(const std::string& identifier, ByteView change_history,
                                  std::int64_t now, HistoryOwner owner = HistoryOwner::kPeer);
  /// change_history returns the stored history of `identifier`; kNotFound when there is none.
  Result<Bytes> change_history(const std::string& identifier) const;
  /// delete_change_history deletes the history of `identifier` (nothing when there is none).
  Result<void> delete_change_history(const std::string& identifier);
  /// known_count is the number of stored peers' histories (neither ours nor named).
  Result<std::int64_t> known_count() const;

  /// insert_named names `identifier` `name`; it becomes the default when there is none yet.
  /// kAlreadyExists when the name (or the identifier) is taken.
  Result<void> insert_named(const std::string& name, const std::string& identifier,
                            std::int64_t created_at);
  /// named returns the identity named `name`; kNotFound when there is none.
  Result<NamedIdentityRecord> named(const std::string& name) const;
  /// list_named returns our identities, oldest first.
  Result<std::vector<NamedIdentityRecord>> list_named() const;
  /// default_named returns the default identity; kNotFound when there are none.
  Result<NamedIdentityRecord> default_named() const;
  /// set_default makes `name` the default identity (two statements: run in a transaction);
  /// kNotFound when there is no such name.
  Result<void> set_default(const std::string& name);
  /// delete_named forgets the name `name` and returns what it named; when it was the default,
  /// the oldest remaining identity becomes the default (run in a transaction). kNotFound when
  /// there is no such name.
  Result<NamedIdentityRecord> delete_named(const std::string& name);

 private:
  Result<void> evict_known();

  std::shared_ptr<Database> database_;
  std::string scope_;
  std::int64_t max_known_;
};

}  // namespace ockam::storage
