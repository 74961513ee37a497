// The cache port's contract (SPEC CACHE-1, CACHE-2, OBS-4): the fixture and every case;
// each case runs against every adapter (cache_contract_*_test.cpp instantiate them).
// Time passes only through `advance`, so the TTL cases hold on an injected clock and on
// a real one; nothing here depends on an adapter's internals.
#include "cache_contract.hpp"

#include <array>
#include <atomic>
#include <latch>
#include <string_view>
#include <thread>
#include <vector>

namespace chat::contract {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using ports::cache_lookup;
using ports::cache_status;

std::string cache_factory_name(const ::testing::TestParamInfo<cache_factory>& info) {
  return info.param.name;
}

void PrintTo(const cache_factory& factory, std::ostream* os) {
  *os << factory.name;
}

void CacheContract::SetUp() {
  ASSERT_TRUE(GetParam().make) << "factory " << GetParam().name << " has no make function";
  under_test_ = GetParam().make(io_);
  ASSERT_NE(under_test_.cache, nullptr) << "factory " << GetParam().name << " made no cache";
  ASSERT_TRUE(under_test_.advance) << "factory " << GetParam().name << " made no advance";
  ASSERT_TRUE(under_test_.peer) << "factory " << GetParam().name << " made no peer";
}

void CacheContract::TearDown() {
  under_test_ = {};
}

cache_lookup CacheContract::get(const std::string& kind, const std::string& space,
                                const std::string& key) {
  return get(cache(), kind, space, key);
}

cache_lookup CacheContract::get(ports::cache& on, const std::string& kind, const std::string& space,
                                const std::string& key) {
  return await(on.get(kind, space, key));
}

cache_lookup CacheContract::get(const std::string& kind, const std::string& first,
                                const std::string& second, const std::string& key) {
  const std::array<std::string_view, 2> spaces{first, second};
  return await(cache().get(kind, spaces, key));
}

void CacheContract::put(cache_lookup miss, const std::string& value,
                        std::chrono::milliseconds ttl) {
  put(cache(), std::move(miss), value, ttl);
}

void CacheContract::put(ports::cache& on, cache_lookup miss, const std::string& value,
                        std::chrono::milliseconds ttl) {
  ASSERT_TRUE(miss.miss()) << "put after a " << ports::name_of(miss.status);
  ASSERT_FALSE(miss.ticket.empty()) << "a miss without a ticket";
  const auto done = await(on.put(std::move(miss.ticket), value, ttl));
  ASSERT_TRUE(done.ok) << "put failed: " << done.detail;
}

void CacheContract::invalidate(const std::string& space) {
  invalidate(cache(), space);
}

void CacheContract::invalidate(ports::cache& on, const std::string& space) {
  const auto done = await(on.invalidate(space));
  ASSERT_TRUE(done.ok) << "invalidate failed: " << done.detail;
}

namespace {

// `found` is a hit holding `value`.
::testing::AssertionResult hits(const cache_lookup& found, const std::string& value) {
  if (!found.hit()) {
    return ::testing::AssertionFailure()
           << "answered " << ports::name_of(found.status) << " " << found.detail;
  }
  if (found.value != value) {
    return ::testing::AssertionFailure() << "hit with " << found.value.size()
                                         << " bytes other than the " << value.size() << " put";
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult misses(const cache_lookup& found) {
  if (!found.miss()) {
    return ::testing::AssertionFailure()
           << "answered " << ports::name_of(found.status) << " " << found.detail
           << (found.hit() ? " with " + std::to_string(found.value.size()) + " bytes" : "");
  }
  if (found.ticket.empty()) return ::testing::AssertionFailure() << "a miss without a ticket";
  return ::testing::AssertionSuccess();
}

// ---- reads and writes ----

TEST_P(CacheContract, AReadMissesUntilAValueIsPutThenHits) {
  auto first = get("chatroom", "room:1", "");
  ASSERT_TRUE(misses(first));
  put(std::move(first), "room one", 60s);
  EXPECT_TRUE(hits(get("chatroom", "room:1", ""), "room one"));
  EXPECT_TRUE(hits(get("chatroom", "room:1", ""), "room one"));
}

TEST_P(CacheContract, AHitCarriesNoTicket) {
  auto first = get("chatroom", "room:1", "");
  put(std::move(first), "room one", 60s);
  const auto again = get("chatroom", "room:1", "");
  ASSERT_TRUE(again.hit());
  EXPECT_TRUE(again.ticket.empty());
}

TEST_P(CacheContract, APutWithAnEmptyTicketStoresNothing) {
  const auto done = await(cache().put(ports::cache_ticket{}, "nothing", 60s));
  EXPECT_TRUE(done.ok) << done.detail;
  EXPECT_TRUE(misses(get("chatroom", "room:1", "")));
}

TEST_P(CacheContract, APutWithoutTimeToLiveStoresNothing) {
  auto first = get("chatroom", "room:1", "");
  auto ticket = first.ticket;
  const auto done = await(cache().put(std::move(ticket), "room one", 0ms));
  EXPECT_TRUE(done.ok) << done.detail;
  EXPECT_TRUE(misses(get("chatroom", "room:1", "")));
}

TEST_P(CacheContract, APutReplacesTheValueAtItsAddress) {
  auto first = get("chatroom", "room:1", "");
  ASSERT_TRUE(misses(first));
  auto again = first;
  put(std::move(first), "old", 60s);
  put(std::move(again), "new", 60s);
  EXPECT_TRUE(hits(get("chatroom", "room:1", ""), "new"));
}

TEST_P(CacheContract, KindsKeysAndSpacesKeepEntriesApart) {
  auto entry = get("chatroom", "room:1", "page:1");
  put(std::move(entry), "chatroom room:1 page:1", 60s);
  EXPECT_TRUE(misses(get("members", "room:1", "page:1")));
  EXPECT_TRUE(misses(get("chatroom", "room:1", "page:2")));
  EXPECT_TRUE(misses(get("chatroom", "room:10", "page:1")));
  EXPECT_TRUE(misses(get("chatroom", "room:", "1page:1")));
  EXPECT_TRUE(misses(get("chatroomroom:1", "", "page:1")));
  EXPECT_TRUE(misses(get("chatroom", "room:1", "page:1", "page:1")));
  EXPECT_TRUE(hits(get("chatroom", "room:1", "page:1"), "chatroom room:1 page:1"));
}

TEST_P(CacheContract, ValuesAreBytesNulIncluded) {
  std::string bytes;
  for (int round = 0; round < 4; ++round) {
    for (int b = 0; b < 256; ++b)
      bytes += static_cast<char>(b);
  }
  bytes += std::string("\0\r\n\0", 4);
  auto entry = get("messages", "room:1", "binary");
  put(std::move(entry), bytes, 60s);
  EXPECT_TRUE(hits(get("messages", "room:1", "binary"), bytes));
}

TEST_P(CacheContract, AnEmptyValueIsAHit) {
  auto entry = get("users", "users", "");
  put(std::move(entry), "", 60s);
  EXPECT_TRUE(hits(get("users", "users", ""), ""));
}

TEST_P(CacheContract, KeysAndSpacesMayHoldAnyText) {
  const std::string key = "term=f\xC3\xBAtbol|\"quoted\" @1;2:3 \n";
  const std::string space = "search:f\xC3\xBAtbol @1";
  auto entry = get("search", space, key);
  put(std::move(entry), "found", 60s);
  EXPECT_TRUE(hits(get("search", space, key), "found"));
  EXPECT_TRUE(misses(get("search", space, key + " ")));
}

TEST_P(CacheContract, ALargeValueRoundTrips) {
  std::string large(std::size_t{1} << 20, '\0');
  std::uint32_t x = 2463534242U;
  for (char& c : large) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(x);
  }
  auto entry = get("messages", "room:1", "large");
  put(std::move(entry), large, 60s);
  EXPECT_TRUE(hits(get("messages", "room:1", "large"), large));
}

// ---- time to live ----

TEST_P(CacheContract, AnEntryHitsWithinItsTtlAndMissesAfter) {
  auto entry = get("messages", "room:1", "newest");
  put(std::move(entry), "page", 1000ms);
  advance(400ms);
  EXPECT_TRUE(hits(get("messages", "room:1", "newest"), "page"));
  advance(800ms);
  EXPECT_TRUE(misses(get("messages", "room:1", "newest")));
}

TEST_P(CacheContract, EachEntryKeepsItsOwnTtl) {
  auto short_lived = get("messages", "room:1", "newest");
  put(std::move(short_lived), "newest page", 500ms);
  auto long_lived = get("messages", "room:1", "older");
  put(std::move(long_lived), "older page", 60s);
  advance(800ms);
  EXPECT_TRUE(misses(get("messages", "room:1", "newest")));
  EXPECT_TRUE(hits(get("messages", "room:1", "older"), "older page"));
}

// ---- invalidation ----

TEST_P(CacheContract, InvalidatingASpaceMakesEveryEntryOfItMiss) {
  for (const char* key : {"a", "b", "c"}) {
    auto entry = get("messages", "room:1", key);
    put(std::move(entry), std::string("room 1 ") + key, 60s);
  }
  auto other = get("messages", "room:2", "a");
  put(std::move(other), "room 2 a", 60s);

  invalidate("room:1");

  for (const char* key : {"a", "b", "c"})
    EXPECT_TRUE(misses(get("messages", "room:1", key))) << key;
  EXPECT_TRUE(hits(get("messages", "room:2", "a"), "room 2 a"));
}

TEST_P(CacheContract, AfterAnInvalidationNewEntriesHitAgain) {
  auto entry = get("chatroom", "room:1", "");
  put(std::move(entry), "old", 60s);
  invalidate("room:1");
  auto fresh = get("chatroom", "room:1", "");
  ASSERT_TRUE(misses(fresh));
  put(std::move(fresh), "new", 60s);
  EXPECT_TRUE(hits(get("chatroom", "room:1", ""), "new"));
}

TEST_P(CacheContract, AReadOfTwoSpacesMissesAfterEitherIsInvalidated) {
  auto entry = get("messages", "room:1", "user:7", "page");
  ASSERT_TRUE(misses(entry));
  put(std::move(entry), "v1", 60s);
  EXPECT_TRUE(hits(get("messages", "room:1", "user:7", "page"), "v1"));

  invalidate("room:1");
  entry = get("messages", "room:1", "user:7", "page");
  ASSERT_TRUE(misses(entry));
  put(std::move(entry), "v2", 60s);
  EXPECT_TRUE(hits(get("messages", "room:1", "user:7", "page"), "v2"));

  invalidate("user:7");
  EXPECT_TRUE(misses(get("messages", "room:1", "user:7", "page")));
}

TEST_P(CacheContract, InvalidatingOneSpaceOfATwoSpaceReadLeavesReadsOfTheOtherAlone) {
  auto both = get("messages", "room:1", "user:7", "page");
  put(std::move(both), "both", 60s);
  auto user = get("user", "user:7", "");
  put(std::move(user), "user 7", 60s);
  invalidate("room:1");
  EXPECT_TRUE(misses(get("messages", "room:1", "user:7", "page")));
  EXPECT_TRUE(hits(get("user", "user:7", ""), "user 7"));
}

TEST_P(CacheContract, SeveralSpacesAreInvalidatedInOneCall) {
  auto one = get("chatroom", "room:1", "");
  put(std::move(one), "1", 60s);
  auto two = get("chatroom", "room:2", "");
  put(std::move(two), "2", 60s);
  auto three = get("chatroom", "room:3", "");
  put(std::move(three), "3", 60s);
  const std::array<std::string_view, 2> spaces{"room:1", "room:2"};
  const auto done = await(cache().invalidate(spaces));
  ASSERT_TRUE(done.ok) << done.detail;
  EXPECT_TRUE(misses(get("chatroom", "room:1", "")));
  EXPECT_TRUE(misses(get("chatroom", "room:2", "")));
  EXPECT_TRUE(hits(get("chatroom", "room:3", ""), "3"));
}

TEST_P(CacheContract, InvalidatingASpaceNeverReadIsFine) {
  invalidate("room:404");
  invalidate("room:404");
  EXPECT_TRUE(misses(get("chatroom", "room:404", "")));
}

TEST_P(CacheContract, AReadOfNoSpaceIsKeptUntilItsTtl) {
  auto entry = await(cache().get("hello", std::span<const std::string_view>{}, "greeting"));
  ASSERT_TRUE(misses(entry));
  put(std::move(entry), "hello", 1000ms);
  invalidate("room:1");
  EXPECT_TRUE(
      hits(await(cache().get("hello", std::span<const std::string_view>{}, "greeting")), "hello"));
  advance(1200ms);
  EXPECT_TRUE(misses(await(cache().get("hello", std::span<const std::string_view>{}, "greeting"))));
}

// The race of cache-aside (CACHE-1 read-your-writes): a reader misses, reads the store,
// and meanwhile a writer commits and invalidates; the reader's put, possibly stale, must
// not be served.
TEST_P(CacheContract, AValuePutWithATicketFromBeforeAnInvalidationIsNeverRead) {
  auto reader = get("chatroom", "room:1", "");
  ASSERT_TRUE(misses(reader));
  invalidate("room:1");  // the writer
  put(std::move(reader), "stale", 60s);
  EXPECT_TRUE(misses(get("chatroom", "room:1", "")));
}

TEST_P(CacheContract, AStalePutDoesNotReplaceAFreshOne) {
  auto slow_reader = get("chatroom", "room:1", "");
  invalidate("room:1");
  auto fast_reader = get("chatroom", "room:1", "");
  put(std::move(fast_reader), "fresh", 60s);
  put(std::move(slow_reader), "stale", 60s);
  EXPECT_TRUE(hits(get("chatroom", "room:1", ""), "fresh"));
}

TEST_P(CacheContract, EveryClientOfTheCacheSeesPutsAndInvalidations) {
  const auto other = peer();
  ASSERT_NE(other, nullptr);
  auto entry = get("chatroom", "room:1", "");
  put(std::move(entry), "room one", 60s);
  EXPECT_TRUE(hits(get(*other, "chatroom", "room:1", ""), "room one"));

  invalidate(*other, "room:1");
  EXPECT_TRUE(misses(get("chatroom", "room:1", "")));

  auto from_other = get(*other, "chatroom", "room:1", "");
  put(*other, std::move(from_other), "room one again", 60s);
  EXPECT_TRUE(hits(get("chatroom", "room:1", ""), "room one again"));
}

// ---- counters (OBS-4) ----

TEST_P(CacheContract, HitsAndMissesAreCountedByKind) {
  auto room = get("chatroom", "room:1", "");
  put(std::move(room), "room", 60s);
  (void)get("chatroom", "room:1", "");
  (void)get("chatroom", "room:1", "");
  (void)get("messages", "room:1", "newest");

  const auto stats = cache().stats();
  ASSERT_EQ(stats.size(), 2U);
  EXPECT_EQ(stats.at("chatroom").hits, 2U);
  EXPECT_EQ(stats.at("chatroom").misses, 1U);
  EXPECT_EQ(stats.at("chatroom").unavailable, 0U);
  EXPECT_EQ(stats.at("messages").hits, 0U);
  EXPECT_EQ(stats.at("messages").misses, 1U);
}

// ---- concurrency ----

// Two threads read, fill and invalidate the same spaces: every hit answers a value put
// for its key, and every read is counted.
TEST_P(CacheContract, TwoThreadsShareTheCacheSafely) {
  constexpr int k_rounds = 1000;
  constexpr int k_keys = 20;
  std::atomic<int> wrong_values{0};
  std::atomic<int> failures{0};
  std::atomic<int> hits_seen{0};
  std::latch start(2);
  auto& shared = cache();
  auto work = [&](int thread) {
    asio::io_context io;
    start.arrive_and_wait();
    for (int i = 0; i < k_rounds; ++i) {
      const std::string key = "k" + std::to_string(i % k_keys);
      const std::string value =
          "value of " + key + std::string(static_cast<std::size_t>(i % 7) * 100, '.');
      const std::string first = "room:" + std::to_string(i % 2);
      const std::string second = "user:" + std::to_string(i % 3);
      const std::array<std::string_view, 2> spaces{first, second};
      auto found = run(io, shared.get("concurrent", spaces, key));
      if (found.hit()) {
        ++hits_seen;
        if (!found.value.starts_with("value of " + key)) ++wrong_values;
      } else if (found.miss()) {
        if (!run(io, shared.put(std::move(found.ticket), value, 60s)).ok) ++failures;
      } else {
        ++failures;
      }
      if (i % 25 == thread) {
        if (!run(io, shared.invalidate(thread == 0 ? first : second)).ok) ++failures;
      }
    }
  };
  std::thread other(work, 1);
  work(0);
  other.join();

  EXPECT_EQ(wrong_values.load(), 0);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(hits_seen.load(), 0);
  const auto counts = cache().stats().at("concurrent");
  EXPECT_EQ(counts.hits + counts.misses, 2U * k_rounds);
  EXPECT_EQ(counts.hits, static_cast<std::uint64_t>(hits_seen.load()));
}

}  // namespace
}  // namespace chat::contract
