// The rate-limiter contract (rate_limiter_contract.cpp) against the Redis adapter, on the
// server named by TEST_REDIS_URL (scripts/test-services.sh). Each test gets a random key
// prefix of its own, deleted after the test; time passes by sleeping (Redis' PEXPIRE is
// real). The peer is a second limiter on a second client of the same server, as another
// instance of a cluster would be (RL-2).
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "adapters/redis/redis_client.hpp"
#include "adapters/redis/redis_rate_limiter.hpp"
#include "rate_limiter_contract.hpp"

namespace chat::contract {
namespace {

using namespace std::chrono_literals;
using adapters::redis::redis_client;
using adapters::redis::redis_options;
using adapters::redis::redis_rate_limiter;
using adapters::redis::redis_rate_limiter_options;

redis_options redis_from_environment() {
  const char* text = std::getenv("TEST_REDIS_URL");
  if (text == nullptr || *text == '\0') {
    throw std::runtime_error(
        "TEST_REDIS_URL is not set; run the redis tests under "
        "`scripts/test-services.sh run -- <command>`");
  }
  auto parsed = adapters::redis::parse_redis_url(text);
  if (!parsed) throw std::runtime_error("TEST_REDIS_URL: " + parsed.error);
  redis_options options;
  options.url = *parsed.url;
  return options;
}

std::string random_prefix() {
  std::random_device device;
  return "chat:test:rl:" + std::to_string(::getpid()) + ":" + std::to_string(device()) + ":";
}

// A client connected to TEST_REDIS_URL (waits for the connection on `io`).
std::unique_ptr<redis_client> connected_client(boost::asio::io_context& io) {
  auto client = redis_client::create(redis_from_environment());
  if (!RateLimiterContract::run(io, client->wait_connected(5000ms))) {
    throw std::runtime_error("cannot connect to TEST_REDIS_URL");
  }
  return client;
}

// Deletes every key under `prefix` (after a test; best effort).
void delete_keys(redis_client& client, const std::string& prefix) {
  boost::asio::io_context io;
  std::vector<std::string> list{"KEYS", prefix + "*"};
  auto keys = RateLimiterContract::run(io, client.command(std::move(list)));
  if (!keys || !keys->is_array() || keys->elements.empty()) return;
  std::vector<std::string> del{"DEL"};
  for (auto& key : keys->elements)
    del.push_back(std::move(key.text));
  (void)RateLimiterContract::run(io, client.command(std::move(del)));
}

// A limiter with the client it runs on: the limiter goes first, then the client.
struct limiter_on_client {
  std::unique_ptr<redis_client> client;
  std::unique_ptr<redis_rate_limiter> limiter;
};

std::shared_ptr<ports::rate_limiter> make_limiter(boost::asio::io_context& io,
                                                  const std::string& prefix, bool owns_keys) {
  auto owner = std::shared_ptr<limiter_on_client>(new limiter_on_client{},
                                                  [prefix, owns_keys](limiter_on_client* made) {
                                                    made->limiter.reset();
                                                    if (owns_keys && made->client)
                                                      delete_keys(*made->client, prefix);
                                                    delete made;
                                                  });
  owner->client = connected_client(io);
  owner->limiter = std::make_unique<redis_rate_limiter>(
      *owner->client, redis_rate_limiter_options{.key_prefix = prefix});
  return std::shared_ptr<ports::rate_limiter>(owner, owner->limiter.get());
}

rate_limiter_under_test make_redis_rate_limiter(boost::asio::io_context& io) {
  const std::string prefix = random_prefix();
  rate_limiter_under_test made;
  made.limiter = make_limiter(io, prefix, true);
  made.advance = [](std::chrono::milliseconds by) { std::this_thread::sleep_for(by); };
  made.peer = [&io, prefix] { return make_limiter(io, prefix, false); };
  return made;
}

INSTANTIATE_TEST_SUITE_P(Redis, RateLimiterContract,
                         ::testing::Values(rate_limiter_factory{.name = "Redis",
                                                                .make = make_redis_rate_limiter}),
                         rate_limiter_factory_name);

}  // namespace
}  // namespace chat::contract
