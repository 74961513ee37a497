#include "adapters/redis/redis_cache.hpp"

#include <stdexcept>
#include <utility>
#include <vector>

namespace chat::adapters::redis {
namespace {

// One round trip for a read. KEYS[1] is the counter hash, KEYS[2..] the spaces' version
// keys; ARGV: entry prefix, kind, key, version TTL (ms), then the spaces' names in KEYS'
// order. Answers {address, value or nil}.
//
// A missing version is made from the counter; its epoch (the server's clock when the
// hash was made, to the microsecond) keeps a remade counter from repeating versions an
// evicted or flushed one gave out. Lua numbers are doubles: `n` stays far below 2^53 and
// the epoch stays a string, so no version is ever printed in exponent form.
const redis_script& get_script() {
  static const redis_script script(R"lua(
local function part(s) return #s .. ':' .. s end
local function new_version()
  local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
  local epoch = redis.call('HGET', KEYS[1], 'epoch')
  if not epoch then
    local t = redis.call('TIME')
    epoch = t[1] .. '.' .. t[2]
    redis.call('HSET', KEYS[1], 'epoch', epoch)
  end
  return epoch .. '-' .. n
end
local address = ARGV[1] .. part(ARGV[2])
for i = 2, #KEYS do
  local version = redis.call('GETEX', KEYS[i], 'PX', ARGV[4])
  if not version then
    version = new_version()
    redis.call('SET', KEYS[i], version, 'PX', ARGV[4])
  end
  address = address .. part(ARGV[i + 3]) .. version .. ';'
end
address = address .. part(ARGV[3])
return {address, redis.call('GET', address)}
)lua");
  return script;
}

std::string describe_failure(const redis_error& error) {
  std::string text = "redis ";
  text += name_of(error.code);
  if (!error.detail.empty()) {
    text += ": ";
    text += error.detail;
  }
  return text;
}

ports::cache_lookup unavailable(std::string detail) {
  ports::cache_lookup found;
  found.status = ports::cache_status::unavailable;
  found.detail = std::move(detail);
  return found;
}

ports::cache_done failed(std::string detail) {
  return ports::cache_done{false, std::move(detail)};
}

}  // namespace

redis_cache::redis_cache(redis_client& client, redis_cache_options options)
    : client_(client),
      options_(std::move(options)),
      counter_key_(options_.key_prefix + "counter"),
      entry_prefix_(options_.key_prefix + "e:"),
      version_ttl_ms_(std::to_string(options_.version_ttl.count())) {
  if (options_.version_ttl <= std::chrono::milliseconds::zero()) {
    throw std::invalid_argument("redis_cache: version_ttl must be positive");
  }
}

redis_cache::~redis_cache() = default;

std::string redis_cache::version_key(std::string_view space) const {
  std::string key;
  key.reserve(options_.key_prefix.size() + 2 + space.size());
  key += options_.key_prefix;
  key += "v:";
  key += space;
  return key;
}

boost::asio::awaitable<ports::cache_lookup> redis_cache::do_get(
    std::string_view kind, std::span<const std::string_view> spaces, std::string_view key) {
  std::vector<std::string> keys;
  keys.reserve(1 + spaces.size());
  keys.push_back(counter_key_);
  std::vector<std::string> args;
  args.reserve(4 + spaces.size());
  args.push_back(entry_prefix_);
  args.emplace_back(kind);
  args.emplace_back(key);
  args.push_back(version_ttl_ms_);
  for (const auto space : spaces) {
    keys.push_back(version_key(space));
    args.emplace_back(space);
  }

  redis_result result =
      co_await client_.eval_script(get_script(), std::move(keys), std::move(args));
  if (!result) co_return unavailable(describe_failure(result.error()));

  redis_value& reply = *result;
  // {address, value}: Lua's nil (a miss) ends the array early, so a miss may also come
  // back as {address} alone.
  if (!reply.is_array() || reply.elements.empty() || reply.elements.size() > 2 ||
      !reply.elements[0].is_string()) {
    co_return unavailable("redis_cache: unexpected reply to the get script");
  }
  ports::cache_lookup found;
  if (reply.elements.size() == 2 && reply.elements[1].is_string()) {
    found.status = ports::cache_status::hit;
    found.value = std::move(reply.elements[1].text);
  } else if (reply.elements.size() == 1 || reply.elements[1].is_nil()) {
    found.status = ports::cache_status::miss;
    found.ticket.address = std::move(reply.elements[0].text);
  } else {
    co_return unavailable("redis_cache: unexpected reply to the get script");
  }
  co_return found;
}

boost::asio::awaitable<ports::cache_done> redis_cache::do_put(ports::cache_ticket ticket,
                                                              std::string value,
                                                              std::chrono::milliseconds ttl) {
  std::vector<std::string> command;
  if (value.size() > options_.max_value_bytes) {
    // Declined; the delete keeps the next read from finding an older value here.
    command = {"DEL", std::move(ticket.address)};
  } else {
    command.reserve(5);
    command.emplace_back("SET");
    command.push_back(std::move(ticket.address));
    command.push_back(std::move(value));
    command.emplace_back("PX");
    command.push_back(std::to_string(ttl.count()));
  }
  const redis_result result = co_await client_.command(std::move(command));
  if (!result) co_return failed(describe_failure(result.error()));
  co_return ports::cache_done{true, {}};
}

boost::asio::awaitable<ports::cache_done> redis_cache::do_invalidate(
    std::span<const std::string_view> spaces) {
  // Forgetting the versions is enough: the next read gives each space a new one.
  std::vector<std::string> command;
  command.reserve(1 + spaces.size());
  command.emplace_back("DEL");
  for (const auto space : spaces)
    command.push_back(version_key(space));
  const redis_result result = co_await client_.command(std::move(command));
  if (!result) co_return failed(describe_failure(result.error()));
  co_return ports::cache_done{true, {}};
}

}  // namespace chat::adapters::redis
