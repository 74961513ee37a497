#include "adapters/redis/redis_rate_limiter.hpp"

#include <utility>
#include <vector>

#include "adapters/redis/redis_script.hpp"

namespace chat::adapters::redis {
namespace {

// The port's script, verbatim (ports/rate_limiter.hpp): KEYS[1] the bucket, ARGV[1] max,
// ARGV[2] the window in ms; answers {allowed (1 or 0), remaining, retry after (s)}.
const redis_script& hit_script() {
  static const redis_script script(R"lua(
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count < tonumber(ARGV[1]) then
  count = redis.call('INCR', KEYS[1])
  if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
  return {1, tonumber(ARGV[1]) - count, 0}
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]); ttl = tonumber(ARGV[2]) end
return {0, 0, math.max(1, math.ceil(ttl / 1000))}
)lua");
  return script;
}

ports::rate_decision unavailable(std::string detail) {
  ports::rate_decision decision;
  decision.outcome = ports::rate_outcome::unavailable;
  decision.detail = std::move(detail);
  return decision;
}

}  // namespace

redis_rate_limiter::redis_rate_limiter(redis_client& client, redis_rate_limiter_options options)
    : client_(client), options_(std::move(options)) {}

redis_rate_limiter::~redis_rate_limiter() = default;

boost::asio::awaitable<ports::rate_decision> redis_rate_limiter::hit(std::string_view bucket_key,
                                                                     ports::limit l) {
  if (l.max < 1 || l.window <= std::chrono::milliseconds::zero()) {
    co_return unavailable("invalid limit: max " + std::to_string(l.max) + ", window " +
                          std::to_string(l.window.count()) + " ms");
  }
  std::vector<std::string> keys;
  keys.push_back(options_.key_prefix + std::string(bucket_key));
  std::vector<std::string> args;
  args.push_back(std::to_string(l.max));
  args.push_back(std::to_string(l.window.count()));

  const redis_result result =
      co_await client_.eval_script(hit_script(), std::move(keys), std::move(args));
  if (!result) {
    std::string detail = "redis ";
    detail += name_of(result.error().code);
    if (!result.error().detail.empty()) detail += ": " + result.error().detail;
    co_return unavailable(std::move(detail));
  }
  const redis_value& reply = *result;
  if (!reply.is_array() || reply.elements.size() != 3 || !reply.elements[0].is_integer() ||
      !reply.elements[1].is_integer() || !reply.elements[2].is_integer()) {
    co_return unavailable("redis_rate_limiter: unexpected reply to the hit script");
  }
  ports::rate_decision decision;
  if (reply.elements[0].integer == 1) {
    decision.outcome = ports::rate_outcome::allowed;
    decision.remaining = reply.elements[1].integer;
  } else {
    decision.outcome = ports::rate_outcome::refused;
    decision.retry_after_seconds = reply.elements[2].integer;
  }
  co_return decision;
}

}  // namespace chat::adapters::redis
