#include "adapters/memory/memory_rate_limiter.hpp"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace chat::adapters {
namespace {

constexpr std::size_t k_shards = 16;
// A shard is not swept below this many buckets: sweeping tiny maps often is waste.
constexpr std::size_t k_min_sweep = 1024;

struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

// Whole seconds from `now` to `end`, rounded up, at least 1 (RL-1's retryAfter).
std::int64_t seconds_until(memory_rate_limiter::clock::time_point end,
                           memory_rate_limiter::clock::time_point now) {
  const auto left = std::chrono::ceil<std::chrono::seconds>(end - now).count();
  return std::max<std::int64_t>(left, 1);
}

}  // namespace

// Buckets by key: hits in the current window and when it ends.
class memory_rate_limiter::shard {
 public:
  ports::rate_decision hit(std::string_view key, ports::limit l, clock::time_point now) {
    const std::lock_guard lock(mutex_);
    auto found = windows_.find(key);
    if (found == windows_.end()) {
      if (windows_.size() >= next_sweep_) sweep(now);
      found = windows_.emplace(std::string(key), window{}).first;
    }
    window& w = found->second;
    if (w.count == 0 || now >= w.expires_at) {
      w.count = 0;
      w.expires_at = now + l.window;
    }
    ports::rate_decision decision;
    if (w.count < l.max) {
      ++w.count;
      decision.outcome = ports::rate_outcome::allowed;
      decision.remaining = l.max - w.count;
    } else {
      decision.outcome = ports::rate_outcome::refused;
      decision.retry_after_seconds = seconds_until(w.expires_at, now);
    }
    return decision;
  }

  std::size_t size() const {
    const std::lock_guard lock(mutex_);
    return windows_.size();
  }

 private:
  struct window {
    std::int64_t count = 0;
    clock::time_point expires_at;
  };

  // Drops every bucket whose window has passed; the next sweep waits until the shard
  // has doubled, so sweeping costs O(1) per new bucket, amortized.
  void sweep(clock::time_point now) {
    std::erase_if(windows_, [now](const auto& entry) { return now >= entry.second.expires_at; });
    next_sweep_ = std::max(k_min_sweep, 2 * windows_.size());
  }

  mutable std::mutex mutex_;
  std::unordered_map<std::string, window, string_hash, std::equal_to<>> windows_;
  std::size_t next_sweep_ = k_min_sweep;
};

memory_rate_limiter::memory_rate_limiter(memory_rate_limiter_options options)
    : now_(std::move(options.now)) {
  shards_.reserve(k_shards);
  for (std::size_t i = 0; i < k_shards; ++i)
    shards_.push_back(std::make_unique<shard>());
}

memory_rate_limiter::~memory_rate_limiter() = default;

boost::asio::awaitable<ports::rate_decision> memory_rate_limiter::hit(std::string_view bucket_key,
                                                                      ports::limit l) {
  co_return decide(bucket_key, l);
}

ports::rate_decision memory_rate_limiter::decide(std::string_view bucket_key, ports::limit l) {
  if (l.max < 1 || l.window <= std::chrono::milliseconds::zero()) {
    ports::rate_decision invalid;
    invalid.detail = "invalid limit: max " + std::to_string(l.max) + ", window " +
                     std::to_string(l.window.count()) + " ms";
    return invalid;
  }
  auto& s = *shards_[std::hash<std::string_view>{}(bucket_key) % k_shards];
  return s.hit(bucket_key, l, now());
}

std::size_t memory_rate_limiter::bucket_count() const {
  std::size_t n = 0;
  for (const auto& s : shards_)
    n += s->size();
  return n;
}

}  // namespace chat::adapters
