#pragma once
/// The rate-limiter port's contract suite (DESIGN principle 6; SPEC RL-1, RL-2): one set
/// of TEST_P cases, in `rate_limiter_contract.cpp`, that every adapter of
/// `ports::rate_limiter` must pass, pinning the port's algorithm (a fixed window
/// anchored at the bucket's first hit). An adapter's test file instantiates
/// `RateLimiterContract` with a `rate_limiter_factory`:
///
///   INSTANTIATE_TEST_SUITE_P(Memory, RateLimiterContract,
///                            ::testing::Values(chat::contract::rate_limiter_factory{...}),
///                            chat::contract::rate_limiter_factory_name);
///
/// Each test gets a fresh limiter with no buckets (a Redis adapter: a fresh key prefix
/// or database) and the means to let time pass: `advance` moves an injected clock, or
/// sleeps for a limiter on a real clock (Redis' PEXPIRE). The cases keep their windows
/// short (about a second) so that sleeping stays cheap.

#include <gtest/gtest.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>

#include "ports/rate_limiter.hpp"

namespace chat::contract {

/// A fresh limiter for one test, and how to let time pass for it.
struct rate_limiter_under_test {
  std::shared_ptr<ports::rate_limiter> limiter;
  /// Makes `by` pass for the limiter's windows (moves its clock, or sleeps).
  std::function<void(std::chrono::milliseconds by)> advance;
  /// Another client of the same buckets, as another instance of a cluster sees them
  /// (RL-2: limits are shared by all instances); an in-process limiter answers itself.
  std::function<std::shared_ptr<ports::rate_limiter>()> peer;
};

/// Makes a fresh limiter for one test. `io` is the test's context (for an adapter that
/// connects before the test); it outlives the limiter.
struct rate_limiter_factory {
  std::string name;  // a gtest-safe label: letters and digits
  std::function<rate_limiter_under_test(boost::asio::io_context& io)> make;
};

/// gtest's parameter name: the factory's label.
std::string rate_limiter_factory_name(const ::testing::TestParamInfo<rate_limiter_factory>& info);
/// Keeps gtest from dumping the factory's bytes in failure messages.
void PrintTo(const rate_limiter_factory& factory, std::ostream* os);

/// The fixture: `limiter()` is a fresh limiter; `hit(...)` awaits one hit.
class RateLimiterContract : public ::testing::TestWithParam<rate_limiter_factory> {
 public:
  /// How long one awaited call may take before the test fails (a hang is a bug).
  static constexpr std::chrono::seconds k_await_timeout{30};

  /// Runs `op` to completion on `io` from the calling thread; rethrows what it threw.
  /// Throws `std::runtime_error` after `k_await_timeout`.
  template <class T>
  static T run(boost::asio::io_context& io, boost::asio::awaitable<T> op) {
    auto state = std::make_shared<await_state<T>>();
    boost::asio::co_spawn(io, store_into<T>(std::move(op), state),
                          [state, &io](std::exception_ptr error) {
                            {
                              const std::lock_guard lock(state->mutex);
                              state->error = error;
                              state->finished = true;
                            }
                            io.stop();
                          });
    io.restart();
    {
      // The adapter may complete from its own threads: keep `run_for` from returning early.
      auto guard = boost::asio::make_work_guard(io);
      io.run_for(k_await_timeout);
    }
    const std::lock_guard lock(state->mutex);
    if (!state->finished) throw std::runtime_error("rate limiter call did not complete in time");
    if (state->error) std::rethrow_exception(state->error);
    return std::move(*state->value);
  }

 protected:
  void SetUp() override;
  void TearDown() override;

  ports::rate_limiter& limiter() { return *under_test_.limiter; }
  /// Another client of `limiter()`'s buckets (see `rate_limiter_under_test::peer`).
  std::shared_ptr<ports::rate_limiter> peer() { return under_test_.peer(); }
  void advance(std::chrono::milliseconds by) { under_test_.advance(by); }

  /// One hit on `bucket` under `l`; fails the test when the answer is `unavailable`.
  ports::rate_decision hit(const std::string& bucket, ports::limit l);
  ports::rate_decision hit(ports::rate_limiter& on, const std::string& bucket, ports::limit l);

 private:
  template <class T>
  struct await_state {
    std::mutex mutex;
    std::optional<T> value;
    std::exception_ptr error;
    bool finished = false;
  };

  // Parameters live in the coroutine frame; `state` is shared so that a timed-out call
  // that completes later writes into live memory.
  template <class T>
  static boost::asio::awaitable<void> store_into(boost::asio::awaitable<T> op,
                                                 std::shared_ptr<await_state<T>> state) {
    T value = co_await std::move(op);
    const std::lock_guard lock(state->mutex);
    state->value.emplace(std::move(value));
  }

  boost::asio::io_context io_;
  rate_limiter_under_test under_test_;
};

}  // namespace chat::contract
