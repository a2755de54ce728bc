#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace ockam::bench {

/// Tally is how many operations a measurement completed and how long it took.
struct Tally {
  std::uint64_t count = 0;
  double seconds = 0;

  /// Operations per second (0 for an empty interval).
  double per_second() const { return seconds > 0 ? static_cast<double>(count) / seconds : 0; }
  /// Bytes per second when every operation carried `size` bytes.
  double bytes_per_second(std::size_t size) const {
    return per_second() * static_cast<double>(size);
  }
};

/// Budget bounds a measurement loop both in time and in count, and tallies what it did.
class Budget {
 public:
  using Clock = std::chrono::steady_clock;

  /// A budget of `seconds` from now and at most `max_count` iterations.
  Budget(double seconds, std::uint64_t max_count)
      : start_(Clock::now()),
        deadline_(start_ + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(seconds))),
        max_count_(max_count) {}

  /// Whether another iteration may start after `done` of them (reads the clock).
  bool allows(std::uint64_t done) const { return done < max_count_ && Clock::now() < deadline_; }
  /// `count` operations over the time since the budget was made.
  Tally tally(std::uint64_t count) const {
    return Tally{count, std::chrono::duration<double>(Clock::now() - start_).count()};
  }

 private:
  Clock::time_point start_;
  Clock::time_point deadline_;
  std::uint64_t max_count_;
};

}  // namespace ockam::bench
