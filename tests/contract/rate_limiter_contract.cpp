// The rate-limiter port's contract (SPEC RL-1, RL-2): the fixture and every case; each
// case runs against every adapter (rate_limiter_contract_*_test.cpp instantiate them).
// The cases pin the port's algorithm (ports/rate_limiter.hpp): a fixed window anchored
// at the bucket's first hit, refused hits not counted. Time passes only through
// `advance`, so they hold on an injected clock and on a real one.
#include "rate_limiter_contract.hpp"

#include <atomic>
#include <latch>
#include <thread>
#include <vector>

namespace chat::contract {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using ports::limit;
using ports::rate_decision;
using ports::rate_outcome;

std::string rate_limiter_factory_name(const ::testing::TestParamInfo<rate_limiter_factory>& info) {
  return info.param.name;
}

void PrintTo(const rate_limiter_factory& factory, std::ostream* os) {
  *os << factory.name;
}

void RateLimiterContract::SetUp() {
  ASSERT_TRUE(GetParam().make) << "factory " << GetParam().name << " has no make function";
  under_test_ = GetParam().make(io_);
  ASSERT_NE(under_test_.limiter, nullptr) << "factory " << GetParam().name << " made no limiter";
  ASSERT_TRUE(under_test_.advance) << "factory " << GetParam().name << " made no advance";
  ASSERT_TRUE(under_test_.peer) << "factory " << GetParam().name << " made no peer";
}

void RateLimiterContract::TearDown() {
  under_test_ = {};
}

rate_decision RateLimiterContract::hit(const std::string& bucket, limit l) {
  return hit(limiter(), bucket, l);
}

rate_decision RateLimiterContract::hit(ports::rate_limiter& on, const std::string& bucket,
                                       limit l) {
  auto decision = run(io_, on.hit(bucket, l));
  EXPECT_FALSE(decision.unavailable()) << "unavailable: " << decision.detail;
  return decision;
}

namespace {

::testing::AssertionResult allowed(const rate_decision& d, std::int64_t remaining) {
  if (!d.allowed()) {
    return ::testing::AssertionFailure()
           << ports::name_of(d.outcome) << " (retry after " << d.retry_after_seconds << " s)";
  }
  if (d.remaining != remaining) {
    return ::testing::AssertionFailure()
           << "allowed with " << d.remaining << " remaining, not " << remaining;
  }
  if (d.retry_after_seconds != 0) {
    return ::testing::AssertionFailure() << "allowed with retry after " << d.retry_after_seconds;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult refused(const rate_decision& d, std::int64_t min_retry,
                                   std::int64_t max_retry) {
  if (!d.refused()) {
    return ::testing::AssertionFailure()
           << ports::name_of(d.outcome) << " (" << d.remaining << " remaining)";
  }
  if (d.retry_after_seconds < min_retry || d.retry_after_seconds > max_retry) {
    return ::testing::AssertionFailure() << "refused with retry after " << d.retry_after_seconds
                                         << " s, not in [" << min_retry << ", " << max_retry << "]";
  }
  if (d.remaining != 0) {
    return ::testing::AssertionFailure() << "refused with " << d.remaining << " remaining";
  }
  return ::testing::AssertionSuccess();
}

TEST_P(RateLimiterContract, MaxHitsAreAllowedThenTheNextIsRefused) {
  const limit l{3, 3s};
  EXPECT_TRUE(allowed(hit("send:user:1", l), 2));
  EXPECT_TRUE(allowed(hit("send:user:1", l), 1));
  EXPECT_TRUE(allowed(hit("send:user:1", l), 0));
  EXPECT_TRUE(refused(hit("send:user:1", l), 1, 3));
  EXPECT_TRUE(refused(hit("send:user:1", l), 1, 3));
}

TEST_P(RateLimiterContract, ALimitOfOneAllowsOneHitPerWindow) {
  const limit l{1, 3s};
  EXPECT_TRUE(allowed(hit("login:ip:10.0.0.1", l), 0));
  EXPECT_TRUE(refused(hit("login:ip:10.0.0.1", l), 1, 3));
}

TEST_P(RateLimiterContract, RetryAfterIsTheWholeSecondsLeftRoundedUp) {
  const limit l{1, 4s};
  EXPECT_TRUE(allowed(hit("overall:user:1", l), 0));
  EXPECT_TRUE(refused(hit("overall:user:1", l), 3, 4));
  advance(1500ms);  // 2.5 s left
  EXPECT_TRUE(refused(hit("overall:user:1", l), 2, 3));
}

TEST_P(RateLimiterContract, RetryAfterIsAtLeastOneSecond) {
  const limit l{1, 2s};
  EXPECT_TRUE(allowed(hit("b", l), 0));
  advance(1500ms);  // 0.5 s left
  EXPECT_TRUE(refused(hit("b", l), 1, 1));
}

TEST_P(RateLimiterContract, BucketsAreIndependent) {
  const limit l{2, 3s};
  EXPECT_TRUE(allowed(hit("send:user:1", l), 1));
  EXPECT_TRUE(allowed(hit("send:user:1", l), 0));
  EXPECT_TRUE(refused(hit("send:user:1", l), 1, 3));
  EXPECT_TRUE(allowed(hit("send:user:2", l), 1));
  EXPECT_TRUE(allowed(hit("create:user:1", l), 1));
  EXPECT_TRUE(allowed(hit("send:user:10", l), 1));
}

TEST_P(RateLimiterContract, ANewWindowAllowsAgainOnceTheOldOneEnds) {
  const limit l{2, 1s};
  EXPECT_TRUE(allowed(hit("b", l), 1));
  EXPECT_TRUE(allowed(hit("b", l), 0));
  EXPECT_TRUE(refused(hit("b", l), 1, 1));
  advance(1100ms);
  EXPECT_TRUE(allowed(hit("b", l), 1));
  EXPECT_TRUE(allowed(hit("b", l), 0));
  EXPECT_TRUE(refused(hit("b", l), 1, 1));
}

// Fixed, not sliding: the window starts at the bucket's first hit and hits later in it
// do not move its end.
TEST_P(RateLimiterContract, TheWindowIsAnchoredAtItsFirstHit) {
  const limit l{3, 1s};
  EXPECT_TRUE(allowed(hit("b", l), 2));
  advance(600ms);
  EXPECT_TRUE(allowed(hit("b", l), 1));
  advance(500ms);  // 1.1 s after the first hit: a new window, all of it left
  EXPECT_TRUE(allowed(hit("b", l), 2));
}

TEST_P(RateLimiterContract, RefusedHitsNeitherCountNorExtendTheWindow) {
  const limit l{1, 1s};
  EXPECT_TRUE(allowed(hit("b", l), 0));
  advance(600ms);
  for (int i = 0; i < 5; ++i)
    EXPECT_TRUE(refused(hit("b", l), 1, 1));
  advance(500ms);
  EXPECT_TRUE(allowed(hit("b", l), 0));
}

TEST_P(RateLimiterContract, BucketKeysMayHoldAnyText) {
  const limit l{1, 3s};
  EXPECT_TRUE(allowed(hit("login:ip:2001:db8::1", l), 0));
  EXPECT_TRUE(allowed(hit("login:ip:2001:db8::1 ", l), 0));
  EXPECT_TRUE(allowed(hit("login:user:f\xC3\xBAtbol", l), 0));
  EXPECT_TRUE(refused(hit("login:ip:2001:db8::1", l), 1, 3));
}

TEST_P(RateLimiterContract, EveryClientOfTheLimiterSharesTheBuckets) {
  const auto other = peer();
  ASSERT_NE(other, nullptr);
  const limit l{2, 3s};
  EXPECT_TRUE(allowed(hit("send:user:1", l), 1));
  EXPECT_TRUE(allowed(hit(*other, "send:user:1", l), 0));
  EXPECT_TRUE(refused(hit("send:user:1", l), 1, 3));
  EXPECT_TRUE(refused(hit(*other, "send:user:1", l), 1, 3));
}

// RL-2: hits racing on one bucket never get more than `max` through.
TEST_P(RateLimiterContract, ConcurrentHitsNeverAllowMoreThanMax) {
  constexpr int k_threads = 8;
  constexpr int k_hits = 100;
  const limit l{50, 60s};
  std::atomic<int> allowed_hits{0};
  std::atomic<int> refused_hits{0};
  std::atomic<int> other{0};
  std::latch start(k_threads);
  auto& shared = limiter();
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&] {
      asio::io_context io;
      start.arrive_and_wait();
      for (int i = 0; i < k_hits; ++i) {
        const auto d = run(io, shared.hit("overall:ip:10.0.0.1", l));
        if (d.allowed()) {
          ++allowed_hits;
        } else if (d.refused() && d.retry_after_seconds >= 1 && d.retry_after_seconds <= 60) {
          ++refused_hits;
        } else {
          ++other;
        }
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(allowed_hits.load(), 50);
  EXPECT_EQ(refused_hits.load(), k_threads * k_hits - 50);
  EXPECT_EQ(other.load(), 0);
}

TEST_P(RateLimiterContract, ConcurrentHitsOnSeparateBucketsAreEachLimited) {
  constexpr int k_threads = 4;
  const limit l{10, 60s};
  std::atomic<int> wrong{0};
  std::latch start(k_threads);
  auto& shared = limiter();
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      asio::io_context io;
      start.arrive_and_wait();
      const std::string bucket = "send:user:" + std::to_string(t);
      for (int i = 0; i < 30; ++i) {
        const auto d = run(io, shared.hit(bucket, l));
        if (d.allowed() != (i < 10)) ++wrong;
        if (d.allowed() && d.remaining != 9 - i) ++wrong;
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace chat::contract
