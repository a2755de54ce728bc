#pragma once

#include <cstdio>
#include <string_view>
#include <type_traits>
#include <utility>

#include <CLI/CLI.hpp>

#include "ockam/core/result.hpp"

namespace ockam::bench {

/// exit_on_error returns the value of `result`; on an error it prints `<what>: <error>` to
/// stderr and ends the subcommand with exit status 1.
template <class T>
T exit_on_error(Result<T> result, std::string_view what) {
  if (!result) {
    std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(what.size()), what.data(),
                 result.error().to_string().c_str());
    throw CLI::RuntimeError(1);
  }
  if constexpr (!std::is_void_v<T>) {
    return std::move(*result);
  }
}

}  // namespace ockam::bench
