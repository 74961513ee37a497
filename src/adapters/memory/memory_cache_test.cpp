// The in-process cache's own bounds (what the contract in tests/contract does not pin):
// its byte budget, LRU eviction, the largest value it keeps and its version table.
#include "adapters/memory/memory_cache.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <string>

#include "adapters/memory/manual_clock.hpp"

namespace chat::adapters {
namespace {

using namespace std::chrono_literals;

// The memory cache completes without suspending: run each call to its end on `io`.
template <class T>
T await(boost::asio::io_context& io, boost::asio::awaitable<T> op) {
  auto future = boost::asio::co_spawn(io, std::move(op), boost::asio::use_future);
  io.restart();
  io.run();
  return future.get();
}

class MemoryCache : public ::testing::Test {
 protected:
  ports::cache_lookup get(memory_cache& cache, const std::string& space, const std::string& key) {
    return await(io_, cache.get("kind", space, key));
  }
  void fill(memory_cache& cache, const std::string& space, const std::string& key,
            const std::string& value, std::chrono::milliseconds ttl = 60s) {
    auto found = get(cache, space, key);
    ASSERT_TRUE(found.miss());
    ASSERT_TRUE(await(io_, cache.put(std::move(found.ticket), value, ttl)).ok);
  }

  boost::asio::io_context io_;
};

TEST_F(MemoryCache, StaysWithinItsByteBudget) {
  memory_cache cache(memory_cache_options{.max_bytes = 64 * 1024});
  const std::string value(1000, 'v');
  for (int i = 0; i < 1000; ++i)
    fill(cache, "room:1", "k" + std::to_string(i), value);
  EXPECT_LE(cache.byte_count(), 64U * 1024);
  EXPECT_LT(cache.entry_count(), 64U);
  EXPECT_GT(cache.entry_count(), 16U);
  EXPECT_TRUE(get(cache, "room:1", "k999").hit());
  EXPECT_TRUE(get(cache, "room:1", "k0").miss());
}

TEST_F(MemoryCache, EvictsTheLeastRecentlyUsedEntriesFirst) {
  memory_cache cache(memory_cache_options{.max_bytes = 64 * 1024});
  const std::string value(1000, 'v');
  fill(cache, "room:1", "kept", "kept value");
  for (int i = 0; i < 1000; ++i) {
    fill(cache, "room:1", "k" + std::to_string(i), value);
    ASSERT_TRUE(get(cache, "room:1", "kept").hit()) << "evicted after " << i << " puts";
  }
}

TEST_F(MemoryCache, DoesNotKeepAValueLargerThanHalfAShard) {
  // 8 shards of 4 KiB: a value over 2 KiB is declined, the put still answers ok.
  memory_cache cache(memory_cache_options{.max_bytes = 32 * 1024});
  fill(cache, "room:1", "small", std::string(1000, 's'));
  fill(cache, "room:1", "large", std::string(3000, 'l'));
  EXPECT_TRUE(get(cache, "room:1", "small").hit());
  EXPECT_TRUE(get(cache, "room:1", "large").miss());
}

TEST_F(MemoryCache, ALargerValueReplacingAnEntryDropsTheOldOne) {
  memory_cache cache(memory_cache_options{.max_bytes = 32 * 1024});
  auto found = get(cache, "room:1", "k");
  auto again = found;
  ASSERT_TRUE(await(io_, cache.put(std::move(found.ticket), "old", 60s)).ok);
  ASSERT_TRUE(await(io_, cache.put(std::move(again.ticket), std::string(3000, 'n'), 60s)).ok);
  EXPECT_TRUE(get(cache, "room:1", "k").miss());
  EXPECT_EQ(cache.entry_count(), 0U);
  EXPECT_EQ(cache.byte_count(), 0U);
}

TEST_F(MemoryCache, DropsAnEntryReadAfterItsTtl) {
  manual_clock clock;
  memory_cache cache(memory_cache_options{.now = clock.function()});
  fill(cache, "room:1", "k", "v", 1s);
  EXPECT_EQ(cache.entry_count(), 1U);
  clock.advance(1s);
  EXPECT_TRUE(get(cache, "room:1", "k").miss());
  EXPECT_EQ(cache.entry_count(), 0U);
  EXPECT_EQ(cache.byte_count(), 0U);
}

TEST_F(MemoryCache, RemembersAtMostMaxSpacesVersions) {
  memory_cache cache(memory_cache_options{.max_spaces = 100});
  for (int i = 0; i < 1000; ++i)
    fill(cache, "room:" + std::to_string(i), "k", "room " + std::to_string(i));
  EXPECT_LE(cache.space_count(), 100U);
  // A forgotten version is an invalidation: its entries miss, the others still hit with
  // their own values, and none answers another space's value.
  int hits = 0;
  for (int i = 0; i < 1000; ++i) {
    const auto found = get(cache, "room:" + std::to_string(i), "k");
    if (found.hit()) {
      ++hits;
      EXPECT_EQ(found.value, "room " + std::to_string(i));
    }
  }
  EXPECT_GT(hits, 0);
  EXPECT_LE(cache.space_count(), 100U);
}

TEST_F(MemoryCache, InvalidatingForgetsTheSpacesVersion) {
  memory_cache cache;
  fill(cache, "room:1", "k", "v");
  EXPECT_EQ(cache.space_count(), 1U);
  ASSERT_TRUE(await(io_, cache.invalidate("room:1")).ok);
  EXPECT_EQ(cache.space_count(), 0U);
  EXPECT_TRUE(get(cache, "room:1", "k").miss());
}

}  // namespace
}  // namespace chat::adapters
