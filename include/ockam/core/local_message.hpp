#pragma once

#include <string_view>

#include "ockam/core/bytes.hpp"
#include "ockam/core/local_info.hpp"
#include "ockam/core/route.hpp"

namespace ockam {

/// LocalMessage is what moves between workers: routes, the encoded body and local metadata.
struct LocalMessage {
  Route onward_route;
  Route return_route;
  Bytes payload;
  LocalInfoList local_info;

  /// find_local_info returns the data of the first entry of `type_identifier`, if any.
  const Bytes* find_local_info(std::string_view type_identifier) const {
    return local_info.find(type_identifier);
  }
};

}  // namespace ockam
