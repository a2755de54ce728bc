#pragma once

#include "ockam/core/result.hpp"
#include "ockam/node/asio.hpp"

namespace ockam {

class Context;

/// Processor runs `process` in a loop until it returns false, an error, or the processor stops.
class Processor {
 public:
  virtual ~Processor() = default;
  virtual Task<Result<void>> initialize(Context&) { co_return ok(); }
  virtual Task<Result<void>> shutdown(Context&) { co_return ok(); }
  /// Does one unit of work; returns false to stop.
  virtual Task<Result<bool>> process(Context& ctx) = 0;
};

}  // namespace ockam
