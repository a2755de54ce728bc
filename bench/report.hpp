#pragma once

#include <string_view>

namespace ockam::bench {

/// Prints one figure as the line `name value unit`, the only output format of ockam-bench, with
/// `decimals` digits after the point (whole numbers by default).
void report(std::string_view name, double value, std::string_view unit, int decimals = 0);

}  // namespace ockam::bench
