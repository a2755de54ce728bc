#include "ockam/node/node_metrics.hpp"

namespace ockam {

std::string_view drop_reason_name(DropReason reason) noexcept {
  switch (reason) {
    case DropReason::kMalformed:
      return "malformed";
    case DropReason::kFlowControl:
      return "flow_control";
    case DropReason::kAccessControl:
      return "access_control";
    case DropReason::kUnknownAddress:
      return "unknown_address";
    case DropReason::kForgery:
      return "forgery";
    case DropReason::kLimits:
      return "limits";
  }
  return "unknown";
}

}  // namespace ockam
