#pragma once

#include <string_view>

namespace ockam::bench {

/// Prints one figure as the line `name value unit`, the only output format of ockam-bench.
void report(std::string_view name, double value, std::string_view unit);

}  // namespace ockam::bench
