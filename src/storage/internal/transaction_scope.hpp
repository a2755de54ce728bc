#pragma once

#include <exception>
#include <functional>
#include <utility>

namespace ockam::storage::internal {

/// TransactionScope marks a connection as inside a transaction while a body runs. If the body
/// leaves by an exception (a `value()` on an error, `bad_alloc`), it rolls the transaction back
/// on the way out, so the engine's write lock is never left held and later transactions do not
/// fail as nested.
class TransactionScope {
 public:
  TransactionScope(bool& in_transaction, std::function<void()> rollback)
      : in_transaction_(in_transaction),
        rollback_(std::move(rollback)),
        exceptions_(std::uncaught_exceptions()) {
    in_transaction_ = true;
  }
  ~TransactionScope() {
    if (std::uncaught_exceptions() > exceptions_) {
      rollback_();
    }
    in_transaction_ = false;
  }
  TransactionScope(const TransactionScope&) = delete;
  TransactionScope& operator=(const TransactionScope&) = delete;

 private:
  bool& in_transaction_;
  std::function<void()> rollback_;
  int exceptions_;
};

}  // namespace ockam::storage::internal
