#pragma once
/// The shared rate limiter (DESIGN principle 5; SPEC RL-1, RL-2, MODE-2):
/// `ports::rate_limiter` in Redis, so that every instance of a cluster counts hits on the
/// same buckets. Built on a `redis_client` it shares (and does not own) with the other
/// Redis adapters.
///
/// Each hit is one run of the port's script (`ports/rate_limiter.hpp`: a fixed window
/// anchored at the bucket's first hit, refused hits not counted), by EVALSHA: atomic per
/// bucket, on Redis' clock, so concurrent hits from any number of instances never allow
/// more than `max` per window. A bucket is the key `<key_prefix><bucket_key>` (default
/// prefix `chat:rl:`), a counter that expires with its window: Redis' memory holds only
/// the buckets hit within the longest window.
///
/// Failures are values, never exceptions: while the client is disconnected, on a timeout
/// or an error reply (and for a limit that is not positive), `hit` answers `unavailable`
/// with a detail for the log; the caller's policy decides (RL-1: fail-open). Nothing here
/// retries: the client reconnects by itself and the next hit works again.
///
/// Thread-safety: `hit` may be called concurrently from any thread. Lifetime: `client`
/// must outlive the limiter, and no call may be in flight when it is destroyed.

#include <string>
#include <string_view>

#include "adapters/redis/redis_client.hpp"
#include "ports/rate_limiter.hpp"

namespace chat::adapters::redis {

struct redis_rate_limiter_options {
  /// Every bucket's key starts with this (tests use a random one of their own).
  std::string key_prefix = "chat:rl:";
};

class redis_rate_limiter final : public ports::rate_limiter {
 public:
  explicit redis_rate_limiter(redis_client& client, redis_rate_limiter_options options = {});
  ~redis_rate_limiter() override;

  boost::asio::awaitable<ports::rate_decision> hit(std::string_view bucket_key,
                                                   ports::limit l) override;

  const redis_rate_limiter_options& options() const noexcept { return options_; }

 private:
  redis_client& client_;
  const redis_rate_limiter_options options_;
};

}  // namespace chat::adapters::redis
