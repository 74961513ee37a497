#pragma once
/// A clock that moves only when told to, for tests of what expires (cache TTLs, rate
/// windows): `memory_cache_options::now = clock.function()`. Test code only (it is a
/// header so that nothing of it links into `chatd`).
///
/// Thread-safety: `now`, `advance` and `function` may be called from any thread.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

namespace chat::adapters {

class manual_clock {
 public:
  using time_point = std::chrono::steady_clock::time_point;

  /// Starts at an arbitrary, fixed point (far from the clock's epoch).
  manual_clock() = default;

  time_point now() const noexcept {
    return time_point(std::chrono::nanoseconds(ticks_->load(std::memory_order_acquire)));
  }
  void advance(std::chrono::nanoseconds by) noexcept {
    ticks_->fetch_add(by.count(), std::memory_order_acq_rel);
  }
  /// `now` as a function that stays valid after this object is gone.
  std::function<time_point()> function() const {
    return [ticks = ticks_] {
      return time_point(std::chrono::nanoseconds(ticks->load(std::memory_order_acquire)));
    };
  }

 private:
  static constexpr std::int64_t k_start = std::int64_t{1'000'000} * 1'000'000'000;  // 11.6 days

  std::shared_ptr<std::atomic<std::int64_t>> ticks_ =
      std::make_shared<std::atomic<std::int64_t>>(k_start);
};

}  // namespace chat::adapters
