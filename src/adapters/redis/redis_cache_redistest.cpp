// redis_cache and redis_rate_limiter on a redis-server of the test's own (`redis-server`
// on the PATH, a free loopback port): what the contract suites cannot show on a shared
// server — an outage and a restart (CACHE-2), versions forgotten by expiry or eviction
// (never reused), and the keys the adapters make. The contract suites
// (tests/contract/*_redis_redistest.cpp) cover the ports' behaviour on TEST_REDIS_URL.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "adapters/redis/redis_cache.hpp"
#include "adapters/redis/redis_client.hpp"
#include "adapters/redis/redis_rate_limiter.hpp"
#include "tests/support/redis_process.hpp"

namespace {

using namespace std::chrono_literals;
using chat::adapters::redis::redis_cache;
using chat::adapters::redis::redis_cache_options;
using chat::adapters::redis::redis_client;
using chat::adapters::redis::redis_options;
using chat::adapters::redis::redis_rate_limiter;
using chat::adapters::redis::redis_result;
using chat::adapters::redis::redis_url;
using chat::ports::cache_lookup;
using chat::ports::limit;
using args = std::vector<std::string>;
using clock_type = std::chrono::steady_clock;
using chat::testing::await;
using chat::testing::free_port;
using chat::testing::have_redis_server;
using chat::testing::redis_process;

/// A server of the test's own and a client of it that reconnects quickly.
class RedisAdapters : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_redis_server()) GTEST_SKIP() << "redis-server is not on the PATH";
    ASSERT_TRUE(server_.start());
    redis_options options;
    options.url = server_.url();
    options.reconnect_backoff_min = 50ms;
    options.reconnect_backoff_max = 200ms;
    client_ = redis_client::create(std::move(options));
    ASSERT_TRUE(await(client_->wait_connected(5s)));
  }

  redis_result run(args command) { return await(client_->command(std::move(command))); }

  cache_lookup get(redis_cache& cache, std::string kind, std::string space, std::string key) {
    return await(cache.get(kind, space, key));
  }

  redis_process server_;
  std::unique_ptr<redis_client> client_;
};

TEST_F(RedisAdapters, AKilledServerMakesTheCacheAndLimiterFailFastAndARestartHealsThem) {
  redis_cache cache(*client_);
  redis_rate_limiter limiter(*client_);
  const limit l{5, 60s};
  auto entry = get(cache, "chatroom", "room:1", "");
  ASSERT_TRUE(entry.miss()) << entry.detail;
  ASSERT_TRUE(await(cache.put(std::move(entry.ticket), "room one", 60s)).ok);
  ASSERT_TRUE(await(limiter.hit("send:user:1", l)).allowed());

  server_.kill();
  for (int i = 0; i < 5; ++i) {
    const auto start = clock_type::now();
    const auto found = get(cache, "chatroom", "room:1", "");
    EXPECT_LT(clock_type::now() - start, 1s);
    EXPECT_TRUE(found.unavailable()) << chat::ports::name_of(found.status);
    EXPECT_FALSE(found.detail.empty());
    EXPECT_TRUE(found.ticket.empty());

    chat::ports::cache_ticket ticket{"chat:cache:e:anything"};
    const auto put = await(cache.put(std::move(ticket), "value", 60s));
    EXPECT_FALSE(put.ok);
    EXPECT_FALSE(put.detail.empty());
    const auto invalidated = await(cache.invalidate("room:1"));
    EXPECT_FALSE(invalidated.ok);
    EXPECT_FALSE(invalidated.detail.empty());

    const auto decision = await(limiter.hit("send:user:1", l));
    EXPECT_TRUE(decision.unavailable()) << chat::ports::name_of(decision.outcome);
    EXPECT_FALSE(decision.detail.empty());
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(cache.stats().at("chatroom").unavailable, 5U);

  ASSERT_TRUE(server_.start());  // the same port, an empty dataset
  ASSERT_TRUE(await(client_->wait_connected(8s)));
  auto fresh = get(cache, "chatroom", "room:1", "");
  ASSERT_TRUE(fresh.miss()) << chat::ports::name_of(fresh.status) << " " << fresh.detail;
  ASSERT_TRUE(await(cache.put(std::move(fresh.ticket), "room one again", 60s)).ok);
  const auto hit = get(cache, "chatroom", "room:1", "");
  ASSERT_TRUE(hit.hit()) << hit.detail;
  EXPECT_EQ(hit.value, "room one again");
  EXPECT_TRUE(await(cache.invalidate("room:1")).ok);
  EXPECT_TRUE(get(cache, "chatroom", "room:1", "").miss());
  // The scripts are gone with the old server: EVALSHA falls back to EVAL by itself.
  const auto decision = await(limiter.hit("send:user:1", l));
  ASSERT_TRUE(decision.allowed()) << decision.detail;
  EXPECT_EQ(decision.remaining, 4);
}

// Eviction or FLUSHDB may drop the counter and the version keys while entries live on:
// the versions made afterwards must still be new, or old entries would come back.
TEST_F(RedisAdapters, AForgottenCounterAndVersionNeverBringAnOldEntryBack) {
  redis_cache cache(*client_, redis_cache_options{.key_prefix = "t:"});
  auto entry = get(cache, "chatroom", "room:1", "");
  ASSERT_TRUE(entry.miss());
  const std::string old_address = entry.ticket.address;
  ASSERT_TRUE(await(cache.put(std::move(entry.ticket), "old", 60s)).ok);
  ASSERT_TRUE(get(cache, "chatroom", "room:1", "").hit());

  ASSERT_TRUE(run({"DEL", "t:counter", "t:v:room:1"}));
  const auto after = get(cache, "chatroom", "room:1", "");
  ASSERT_TRUE(after.miss()) << chat::ports::name_of(after.status);
  EXPECT_NE(after.ticket.address, old_address);
  const auto old_value = run({"GET", old_address});
  ASSERT_TRUE(old_value);
  EXPECT_TRUE(old_value->is_string());  // still there, just unreachable
}

TEST_F(RedisAdapters, AnIdleSpacesVersionExpiresAndReadsKeepItAlive) {
  redis_cache cache(*client_, redis_cache_options{.key_prefix = "t:", .version_ttl = 600ms});
  auto entry = get(cache, "chatroom", "room:1", "");
  ASSERT_TRUE(await(cache.put(std::move(entry.ticket), "room one", 60s)).ok);
  for (int i = 0; i < 4; ++i) {
    std::this_thread::sleep_for(300ms);  // 1.2 s in all, each read within the version's TTL
    EXPECT_TRUE(get(cache, "chatroom", "room:1", "").hit()) << i;
  }
  std::this_thread::sleep_for(900ms);
  EXPECT_TRUE(get(cache, "chatroom", "room:1", "").miss());
}

TEST_F(RedisAdapters, InvalidatingDeletesTheSpacesVersionKeysOnly) {
  redis_cache cache(*client_, redis_cache_options{.key_prefix = "t:"});
  for (const char* space : {"room:1", "room:2"}) {
    auto entry = get(cache, "chatroom", space, "");
    ASSERT_TRUE(await(cache.put(std::move(entry.ticket), space, 60s)).ok);
  }
  const auto pttl = run({"PTTL", "t:v:room:1"});
  ASSERT_TRUE(pttl);
  EXPECT_GT(pttl->integer, 23 * 3600 * 1000);  // a day by default

  ASSERT_TRUE(await(cache.invalidate("room:1")).ok);
  EXPECT_EQ(run({"EXISTS", "t:v:room:1"})->integer, 0);
  EXPECT_EQ(run({"EXISTS", "t:v:room:2"})->integer, 1);
}

TEST_F(RedisAdapters, EveryKeyTheAdaptersMakeStartsWithTheirPrefix) {
  redis_cache cache(*client_, redis_cache_options{.key_prefix = "mine:cache:"});
  redis_rate_limiter limiter(*client_, {.key_prefix = "mine:rl:"});
  const std::array<std::string_view, 2> spaces{"room:1", "user:7"};
  auto entry = await(cache.get("messages", spaces, "newest"));
  ASSERT_TRUE(await(cache.put(std::move(entry.ticket), "page", 60s)).ok);
  ASSERT_TRUE(await(limiter.hit("send:user:7", limit{2, 60s})).allowed());

  const auto all = run({"KEYS", "*"});
  ASSERT_TRUE(all && all->is_array());
  EXPECT_EQ(all->elements.size(), 5U);  // counter, two versions, an entry, a bucket
  for (const auto& key : all->elements)
    EXPECT_TRUE(key.text.starts_with("mine:")) << key.text;
  const auto bucket_ttl = run({"PTTL", "mine:rl:send:user:7"});
  ASSERT_TRUE(bucket_ttl);
  EXPECT_GT(bucket_ttl->integer, 0);
}

TEST_F(RedisAdapters, AValueOverTheSizeLimitIsNotKeptAndHidesAnOlderOne) {
  redis_cache cache(*client_, redis_cache_options{.key_prefix = "t:", .max_value_bytes = 8});
  auto entry = get(cache, "chatroom", "room:1", "");
  auto again = entry;
  ASSERT_TRUE(await(cache.put(std::move(entry.ticket), "12345678", 60s)).ok);
  ASSERT_TRUE(get(cache, "chatroom", "room:1", "").hit());
  EXPECT_TRUE(await(cache.put(std::move(again.ticket), "123456789", 60s)).ok);
  EXPECT_TRUE(get(cache, "chatroom", "room:1", "").miss());
}

TEST_F(RedisAdapters, ALimitThatIsNotPositiveIsUnavailable) {
  redis_rate_limiter limiter(*client_);
  const auto no_hits = await(limiter.hit("b", limit{0, 1s}));
  EXPECT_TRUE(no_hits.unavailable());
  EXPECT_FALSE(no_hits.detail.empty());
  const auto no_window = await(limiter.hit("b", limit{1, 0ms}));
  EXPECT_TRUE(no_window.unavailable());
}

TEST_F(RedisAdapters, AWrongTypeAtAVersionKeyIsUnavailableNotAnException) {
  redis_cache cache(*client_, redis_cache_options{.key_prefix = "t:"});
  ASSERT_TRUE(run({"HSET", "t:v:room:1", "f", "v"}));
  const auto found = get(cache, "chatroom", "room:1", "");
  EXPECT_TRUE(found.unavailable());
  EXPECT_NE(found.detail.find("reply_error"), std::string::npos) << found.detail;
}

TEST(RedisCacheOptions, AVersionTtlThatIsNotPositiveIsRefused) {
  redis_options options;
  options.url.host = "127.0.0.1";
  options.url.port = free_port();
  auto client = redis_client::create(std::move(options));
  EXPECT_THROW({ redis_cache cache(*client, redis_cache_options{.version_ttl = 0ms}); },
               std::invalid_argument);
}

}  // namespace
