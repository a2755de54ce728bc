#pragma once

#include <stdexcept>
#include <string>

#include "ockam/core/error.hpp"

namespace ockam::command {

/// The exit statuses of `ockam` (sysexits.h values, as Ockam's util/exitcode.rs); listed in
/// `ockam --help` and docs/cli.md.
enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 64,         // bad arguments, names or multiaddrs
  kExitUnavailable = 69,   // the node is not running (or does not answer)
  kExitSoftware = 70,      // any other failure
  kExitCantCreate = 73,    // a secure channel listener could not be created (Ockam's)
  kExitNoPermission = 77,  // the node refused our identity
};

/// The exit codes as `--help` shows them.
inline constexpr const char* kExitCodesHelp =
    "Exit codes: 0 success, 64 usage error, 69 node not running, 70 other failure,\n"
    "73 secure channel listener not created, 77 refused by the node.";

/// CommandError ends a command: `what` failed because of `why`; main prints
/// "Error: <what>: <why>" on one line and exits with `code`.
class CommandError : public std::runtime_error {
 public:
  CommandError(int code, const std::string& what, const std::string& why)
      : std::runtime_error(why.empty() ? what : what + ": " + why), code_(code) {}
  int code() const noexcept { return code_; }

 private:
  int code_;
};

/// exit_code_of maps a library error to an exit code: kPermission 77, kIo and kTimeout 69
/// (nothing answers), kInvalid and kParse 64, anything else 70.
int exit_code_of(const Error& error);

/// fail_with throws a CommandError for `error` while doing `what`.
[[noreturn]] void fail_with(const std::string& what, const Error& error);

}  // namespace ockam::command
