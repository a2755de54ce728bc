#include "report.hpp"

#include <cstdio>

#include <fmt/format.h>

namespace ockam::bench {

void report(std::string_view name, double value, std::string_view unit, int decimals) {
  fmt::print("{} {:.{}f} {}\n", name, value, decimals, unit);
  std::fflush(stdout);
}

}  // namespace ockam::bench
