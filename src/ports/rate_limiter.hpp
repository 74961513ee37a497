#pragma once
/// The rate-limiter port (DESIGN principle 5; SPEC RL-1, RL-2): counts hits on named
/// buckets and says whether one more is allowed. Adapters:
/// `adapters/memory/memory_rate_limiter` (one instance, MODE-1) and a Redis one shared
/// by every instance (MODE-2, atomic in Redis); one contract suite
/// (`tests/contract/rate_limiter_contract`) runs against every adapter. The limits
/// themselves are configuration: `ports/rate_limits.hpp`.
///
/// The algorithm (every adapter implements exactly this): a fixed window anchored at
/// the first hit, as the old backend's throttler. A bucket holds `count` and
/// `expires_at`; it does not exist before its first hit nor after `expires_at`.
///
///   hit(bucket, {max, window}) at time `now`:
///     if the bucket does not exist or now >= expires_at:
///       count = 0, expires_at = now + window            (a new window starts)
///     if count < max:
///       count += 1
///       answer allowed, remaining = max - count, retry_after_seconds = 0
///     else:                                              (refused hits do not count
///       answer refused, remaining = 0,                    and never extend the window)
///              retry_after_seconds = max(1, ceil((expires_at - now) / 1 s))
///
/// In Redis this is one small script, atomic per bucket (KEYS[1] = bucket, ARGV[1] =
/// max, ARGV[2] = window in ms; Redis' clock is the shared `now`):
///
///   local count = tonumber(redis.call('GET', KEYS[1]) or '0')
///   if count < tonumber(ARGV[1]) then
///     count = redis.call('INCR', KEYS[1])
///     if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
///     return {1, tonumber(ARGV[1]) - count, 0}
///   end
///   local ttl = redis.call('PTTL', KEYS[1])
///   if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]); ttl = tonumber(ARGV[2]) end
///   return {0, 0, math.max(1, math.ceil(ttl / 1000))}
///
/// (A key without an expiry cannot arise from the script; the `ttl < 0` line repairs
/// one left by anything else rather than refusing forever.)
///
/// The window is a property of the bucket's first hit: hits on one bucket should always
/// carry the same limit (make the limit's name part of the bucket key). `max` is the
/// number of hits allowed per window; both it and `window` are positive (the limits
/// parser never makes others; an adapter answers `unavailable` for others).
///
/// Failures are values, never exceptions: `unavailable` (the adapter cannot decide:
/// Redis unreachable) and the caller applies its policy (fail-open: allow, and log).
///
/// Memory: buckets whose window has passed are dropped (an adapter's memory is bounded
/// by the buckets hit within the longest window).
///
/// Lifetimes: `bucket_key` must stay valid until the call completes (await it at once).
///
/// Thread-safety: `hit` may be called concurrently from every network thread (and, in
/// Redis, from every instance): concurrent hits on one bucket never allow more than
/// `max` per window.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace chat::ports {

/// At most `max` hits per `window`.
struct limit {
  std::int64_t max = 1;
  std::chrono::milliseconds window{1000};

  friend bool operator==(const limit&, const limit&) = default;
};

enum class rate_outcome : std::uint8_t {
  allowed,      // the hit counted
  refused,      // the window's `max` was reached: TOO_MANY_REQUESTS with retryAfter (RL-1)
  unavailable,  // no decision (an outage): the caller's policy decides
};

/// A short name for logs and metrics (`"refused"`).
inline std::string_view name_of(rate_outcome outcome) noexcept {
  switch (outcome) {
    case rate_outcome::allowed:
      return "allowed";
    case rate_outcome::refused:
      return "refused";
    case rate_outcome::unavailable:
      return "unavailable";
  }
  return "unknown";
}

/// What `hit` answers.
struct rate_decision {
  rate_outcome outcome = rate_outcome::unavailable;
  /// allowed: the hits left in this window after this one; otherwise 0.
  std::int64_t remaining = 0;
  /// refused: whole seconds until the window ends, rounded up, at least 1; otherwise 0.
  std::int64_t retry_after_seconds = 0;
  /// unavailable: why, for the log only.
  std::string detail;

  bool allowed() const noexcept { return outcome == rate_outcome::allowed; }
  bool refused() const noexcept { return outcome == rate_outcome::refused; }
  bool unavailable() const noexcept { return outcome == rate_outcome::unavailable; }
};

class rate_limiter {
 public:
  rate_limiter() = default;
  rate_limiter(const rate_limiter&) = delete;
  rate_limiter& operator=(const rate_limiter&) = delete;
  virtual ~rate_limiter() = default;

  /// One hit on `bucket_key` under `l`, by the algorithm above.
  virtual boost::asio::awaitable<rate_decision> hit(std::string_view bucket_key, limit l) = 0;
};

}  // namespace chat::ports
