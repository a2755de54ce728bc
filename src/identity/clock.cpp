#include "ockam/identity/clock.hpp"

#include <chrono>

namespace ockam::identity {

TimestampInSeconds system_now() {
  auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<TimestampInSeconds>(
      std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count());
}

}  // namespace ockam::identity
