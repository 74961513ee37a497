#pragma once
/// The cache port's contract suite (DESIGN principle 6; SPEC CACHE-1, CACHE-2): one set
/// of TEST_P cases, in `cache_contract.cpp`, that every adapter of `ports::cache` must
/// pass. An adapter's test file instantiates `CacheContract` with a `cache_factory`:
///
///   INSTANTIATE_TEST_SUITE_P(Memory, CacheContract,
///                            ::testing::Values(chat::contract::cache_factory{...}),
///                            chat::contract::cache_factory_name);
///
/// Each test gets a fresh, empty cache of its own (a Redis adapter: a fresh key prefix
/// or database) and the means to let time pass: `advance` moves an injected clock, or
/// sleeps for a cache on a real clock (Redis' TTLs), so the TTL cases hold for both.
/// Awaiting happens on the test's thread (or on a few threads of their own, for the
/// concurrency cases), never on the adapter's threads.

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

#include "ports/cache.hpp"

namespace chat::contract {

/// A fresh cache for one test, and how to let time pass for it.
struct cache_under_test {
  std::shared_ptr<ports::cache> cache;
  /// Makes `by` pass for the cache's TTLs (moves its clock, or sleeps).
  std::function<void(std::chrono::milliseconds by)> advance;
  /// Another client of the same cache, as another instance of a cluster sees it (MODE-2:
  /// invalidations reach every instance); an in-process cache answers itself.
  std::function<std::shared_ptr<ports::cache>()> peer;
};

/// Makes a fresh, empty cache for one test. `io` is the test's context (for an adapter
/// that connects before the test); it outlives the cache.
struct cache_factory {
  std::string name;  // a gtest-safe label: letters and digits
  std::function<cache_under_test(boost::asio::io_context& io)> make;
};

/// gtest's parameter name: the factory's label.
std::string cache_factory_name(const ::testing::TestParamInfo<cache_factory>& info);
/// Keeps gtest from dumping the factory's bytes in failure messages.
void PrintTo(const cache_factory& factory, std::ostream* os);

/// The fixture: `cache()` is a fresh cache; `await(...)` runs one of its calls.
class CacheContract : public ::testing::TestWithParam<cache_factory> {
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
    if (!state->finished) throw std::runtime_error("cache call did not complete in time");
    if (state->error) std::rethrow_exception(state->error);
    return std::move(*state->value);
  }

 protected:
  void SetUp() override;
  void TearDown() override;

  ports::cache& cache() { return *under_test_.cache; }
  /// Another client of `cache()`'s entries (see `cache_under_test::peer`).
  std::shared_ptr<ports::cache> peer() { return under_test_.peer(); }
  void advance(std::chrono::milliseconds by) { under_test_.advance(by); }

  template <class T>
  T await(boost::asio::awaitable<T> op) {
    return run(io_, std::move(op));
  }

  /// `get` of `kind`/`key` depending on one space.
  ports::cache_lookup get(const std::string& kind, const std::string& space,
                          const std::string& key);
  ports::cache_lookup get(ports::cache& on, const std::string& kind, const std::string& space,
                          const std::string& key);
  /// `get` of `kind`/`key` depending on two spaces, in this order.
  ports::cache_lookup get(const std::string& kind, const std::string& first,
                          const std::string& second, const std::string& key);
  /// Puts `value` with the ticket of `miss`; fails the test unless it was a miss and
  /// the put answered ok.
  void put(ports::cache_lookup miss, const std::string& value, std::chrono::milliseconds ttl);
  void put(ports::cache& on, ports::cache_lookup miss, const std::string& value,
           std::chrono::milliseconds ttl);
  /// Invalidates `space`; fails the test unless it answered ok.
  void invalidate(const std::string& space);
  void invalidate(ports::cache& on, const std::string& space);

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
  cache_under_test under_test_;
};

}  // namespace chat::contract
