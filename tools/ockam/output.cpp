#include "output.hpp"

#include <unistd.h>

#include <cstdio>

#include "exit_code.hpp"

namespace ockam::command {
namespace {

void print_line(const std::string& text) {
  std::fputs(text.c_str(), stdout);
  if (text.empty() || text.back() != '\n') {
    std::fputc('\n', stdout);
  }
  std::fflush(stdout);
}

const std::string& first_of(const std::string& a, const std::string& b, const std::string& c) {
  return !a.empty() ? a : (!b.empty() ? b : c);
}

}  // namespace

bool Output::stdout_is_terminal() {
  return ::isatty(STDOUT_FILENO) == 1;
}

void Output::result(const std::string& plain, const std::string& machine,
                    const std::string& json_form) const {
  if (json) {
    if (json_form.empty()) {
      throw CommandError(kExitUsage, "--output json", "this command has no JSON output");
    }
    print_line(json_form);
  } else if (stdout_is_terminal()) {
    print_line(first_of(plain, machine, json_form));
  } else {
    print_line(first_of(machine, json_form, plain));
  }
}

void Output::note(const std::string& line) const {
  if (!quiet) {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

}  // namespace ockam::command
