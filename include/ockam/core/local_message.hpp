#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/route.hpp"

namespace ockam {

/// LocalInfo is node-local metadata on a message (never sent on a wire), for example the
/// identifier of the peer a secure channel decrypted the message from.
struct LocalInfo {
  std::string type_identifier;
  Bytes data;
};

/// LocalMessage is what moves between workers: routes, the encoded body and local metadata.
struct LocalMessage {
  Route onward_route;
  Route return_route;
  Bytes payload;
  std::vector<LocalInfo> local_info;

  /// find_local_info returns the data of the first entry of `type_identifier`, if any.
  const Bytes* find_local_info(std::string_view type_identifier) const {
    for (const LocalInfo& info : local_info) {
      if (info.type_identifier == type_identifier) {
        return &info.data;
      }
    }
    return nullptr;
  }
};

}  // namespace ockam
