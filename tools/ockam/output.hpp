#pragma once

#include <string>

namespace ockam::command {

/// Output prints a command's result as Ockam does (reference §2.1): plain on a terminal, the
/// machine form (one value) when stdout is a pipe or a file, JSON with `--output json`. Notes
/// and progress go to stderr unless `--quiet`.
class Output {
 public:
  bool json = false;
  bool quiet = false;

  /// result prints one of the forms; an empty form falls back as Ockam's (plain: machine, then
  /// json; machine: json, then plain). Every form ends with a newline.
  void result(const std::string& plain, const std::string& machine, const std::string& json) const;
  /// note prints a line on stderr (unless quiet).
  void note(const std::string& line) const;
  /// stdout_is_terminal is whether plain output is chosen.
  static bool stdout_is_terminal();
};

}  // namespace ockam::command
