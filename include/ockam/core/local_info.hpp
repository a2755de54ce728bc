#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ockam/core/bytes.hpp"

namespace ockam {

/// LocalInfo is node-local metadata on a message (never sent on a wire), for example the
/// identifier of the peer a secure channel decrypted the message from.
struct LocalInfo {
  std::string type_identifier;
  Bytes data;
};

/// LocalInfoList holds a message's LocalInfo entries. The entries are immutable and shared
/// between copies (copy on write), so that a secure channel attaches the same peer identifier
/// to every message it decrypts without allocating per message.
class LocalInfoList {
 public:
  using Entries = std::vector<LocalInfo>;

  LocalInfoList() = default;
  /// Shares `entries`, for senders that attach the same list to many messages.
  explicit LocalInfoList(std::shared_ptr<const Entries> entries) : entries_(std::move(entries)) {}

  bool empty() const noexcept { return entries_ == nullptr || entries_->empty(); }
  std::size_t size() const noexcept { return entries_ ? entries_->size() : 0; }
  Entries::const_iterator begin() const noexcept { return entries().begin(); }
  Entries::const_iterator end() const noexcept { return entries().end(); }

  void push_back(LocalInfo info) {
    auto copy = entries_ ? std::make_shared<Entries>(*entries_) : std::make_shared<Entries>();
    copy->push_back(std::move(info));
    entries_ = std::move(copy);
  }
  void clear() noexcept { entries_.reset(); }

  /// find returns the data of the first entry of `type_identifier`, if any.
  const Bytes* find(std::string_view type_identifier) const {
    for (const LocalInfo& info : *this) {
      if (info.type_identifier == type_identifier) {
        return &info.data;
      }
    }
    return nullptr;
  }

 private:
  const Entries& entries() const noexcept {
    static const Entries kNone;
    return entries_ ? *entries_ : kNone;
  }

  std::shared_ptr<const Entries> entries_;
};

}  // namespace ockam
