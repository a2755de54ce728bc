#include "exit_code.hpp"

namespace ockam::command {

int exit_code_of(const Error& error) {
  switch (error.kind()) {
    case Kind::kPermission:
      return kExitNoPermission;
    case Kind::kIo:
    case Kind::kTimeout:
      return kExitUnavailable;
    case Kind::kInvalid:
    case Kind::kParse:
      return kExitUsage;
    default:
      return kExitSoftware;
  }
}

void fail_with(const std::string& what, const Error& error) {
  std::string why = error.message();
  if (!error.detail().empty()) {
    why.append(": ").append(error.detail());
  }
  throw CommandError(exit_code_of(error), what, why);
}

}  // namespace ockam::command
