#pragma once
/// The in-process rate limiter (DESIGN principle 5; SPEC RL-1, MODE-1):
/// `ports::rate_limiter` in this process's memory, for a single instance, with the
/// port's algorithm (a fixed window anchored at the bucket's first hit; see
/// `ports/rate_limiter.hpp`).
///
/// Buckets live in shards, each with its own mutex. Memory stays bounded: when a shard
/// has doubled since its last sweep, the buckets whose window has passed are dropped
/// (amortized O(1) per new bucket), so a shard holds at most about twice the buckets
/// hit within the longest window.
///
/// `hit` completes without suspending (no I/O, no thread hop); it answers `unavailable`
/// only for a limit that is not positive (a programmer's error).
///
/// Thread-safety: `hit` may be called concurrently from any thread.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "ports/rate_limiter.hpp"

namespace chat::adapters {

struct memory_rate_limiter_options {
  /// The time windows are measured on; `steady_clock::now` when empty (tests inject
  /// theirs).
  std::function<std::chrono::steady_clock::time_point()> now = {};
};

class memory_rate_limiter final : public ports::rate_limiter {
 public:
  using clock = std::chrono::steady_clock;

  explicit memory_rate_limiter(memory_rate_limiter_options options = {});
  ~memory_rate_limiter() override;

  boost::asio::awaitable<ports::rate_decision> hit(std::string_view bucket_key,
                                                   ports::limit l) override;

  /// The buckets kept, including any whose window passed and that are not dropped yet
  /// (for tests).
  std::size_t bucket_count() const;

 private:
  class shard;

  /// The decision `hit` answers, without the coroutine.
  ports::rate_decision decide(std::string_view bucket_key, ports::limit l);
  clock::time_point now() const { return now_ ? now_() : clock::now(); }

  std::function<clock::time_point()> now_;
  std::vector<std::unique_ptr<shard>> shards_;
};

}  // namespace chat::adapters
