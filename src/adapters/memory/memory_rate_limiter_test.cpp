// The in-process rate limiter's own bounds (what the contract in tests/contract does not
// pin): buckets whose window passed are dropped; a limit that is not positive is refused
// as a programmer's error.
#include "adapters/memory/memory_rate_limiter.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <string>

#include "adapters/memory/manual_clock.hpp"

namespace chat::adapters {
namespace {

using namespace std::chrono_literals;

ports::rate_decision hit(memory_rate_limiter& limiter, const std::string& bucket, ports::limit l) {
  boost::asio::io_context io;
  auto future = boost::asio::co_spawn(io, limiter.hit(bucket, l), boost::asio::use_future);
  io.run();
  return future.get();
}

TEST(MemoryRateLimiter, DropsBucketsWhoseWindowPassed) {
  manual_clock clock;
  memory_rate_limiter limiter(memory_rate_limiter_options{.now = clock.function()});
  const ports::limit l{5, 1s};
  for (int i = 0; i < 20'000; ++i)
    ASSERT_TRUE(hit(limiter, "old:" + std::to_string(i), l).allowed());
  EXPECT_EQ(limiter.bucket_count(), 20'000U);
  clock.advance(2s);
  for (int i = 0; i < 20'000; ++i)
    ASSERT_TRUE(hit(limiter, "new:" + std::to_string(i), l).allowed());
  // About the live buckets only: the old ones went in the sweeps the new ones caused.
  EXPECT_GE(limiter.bucket_count(), 20'000U);
  EXPECT_LE(limiter.bucket_count(), 24'000U);
}

TEST(MemoryRateLimiter, StaysBoundedUnderAStreamOfNewClients) {
  manual_clock clock;
  memory_rate_limiter limiter(memory_rate_limiter_options{.now = clock.function()});
  const ports::limit l{1, 1s};
  for (int i = 0; i < 100'000; ++i) {
    ASSERT_TRUE(hit(limiter, "ip:" + std::to_string(i), l).allowed());
    clock.advance(1ms);  // 1000 new clients per window
  }
  EXPECT_LE(limiter.bucket_count(), 16U * 2048);
}

TEST(MemoryRateLimiter, AnswersUnavailableForALimitThatIsNotPositive) {
  memory_rate_limiter limiter;
  const auto zero_max = hit(limiter, "b", ports::limit{0, 1s});
  EXPECT_TRUE(zero_max.unavailable());
  EXPECT_FALSE(zero_max.detail.empty());
  EXPECT_TRUE(hit(limiter, "b", ports::limit{1, 0ms}).unavailable());
  EXPECT_TRUE(hit(limiter, "b", ports::limit{-1, 1s}).unavailable());
  EXPECT_EQ(limiter.bucket_count(), 0U);
}

TEST(MemoryRateLimiter, RunsOnTheRealClockByDefault) {
  memory_rate_limiter limiter;
  EXPECT_TRUE(hit(limiter, "b", ports::limit{1, 1h}).allowed());
  const auto refused = hit(limiter, "b", ports::limit{1, 1h});
  EXPECT_TRUE(refused.refused());
  EXPECT_GE(refused.retry_after_seconds, 3599);
  EXPECT_LE(refused.retry_after_seconds, 3600);
}

}  // namespace
}  // namespace chat::adapters
