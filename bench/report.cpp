#include "report.hpp"

#include <cstdio>

#include <fmt/format.h>

namespace ockam::bench {

void report(std::string_view name, double value, std::string_view unit) {
  fmt::print("{} {:.0f} {}\n", name, value, unit);
  std::fflush(stdout);
}

}  // namespace ockam::bench
