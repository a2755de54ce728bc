#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "ockam/core/error.hpp"

namespace ockam::storage::internal {

/// file_error is a storage error about a local file: `message` names what failed, the detail
/// the file's path and, when there is one, the system's reason (never the file's contents).
inline Error file_error(Kind kind, const char* message, const std::filesystem::path& path,
                        std::string_view reason = {}) {
  std::string detail = path.string();
  if (!reason.empty()) {
    detail.append(": ").append(reason);
  }
  return Error(Origin::kVault, kind, message).with_detail(detail);
}

}  // namespace ockam::storage::internal
