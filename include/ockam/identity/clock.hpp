#pragma once

#include <cstdint>
#include <functional>

namespace ockam::identity {

/// TimestampInSeconds is a UTC time in whole seconds since the Unix epoch, as in Ockam's
/// formats.
using TimestampInSeconds = std::uint64_t;

/// Clock gives the current time; tests inject a fixed one.
using Clock = std::function<TimestampInSeconds()>;

/// system_now returns the current time of the system clock.
TimestampInSeconds system_now();

}  // namespace ockam::identity
