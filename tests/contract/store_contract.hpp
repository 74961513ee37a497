#pragma once
/// The store port's contract suite (DESIGN principle 6): one set of TEST_P cases, in
/// `store_contract.cpp`, that every adapter of `ports::store` must pass. An adapter's
/// test file instantiates `StoreContract` with a `store_factory`:
///
///   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract,
///                            ::testing::Values(chat::contract::store_factory{...}),
///                            chat::contract::factory_name);
///
/// Each test gets a fresh, empty, migrated store of its own and an `io_context` to await
/// it on; awaiting happens on the test's thread (or on a few threads, for the
/// concurrency cases), never on the adapter's own threads.

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
#include <thread>
#include <utility>
#include <vector>

#include "ports/store.hpp"

namespace chat::contract {

/// How long one awaited store call may take before the test fails (a hang is a bug).
inline constexpr std::chrono::seconds k_await_timeout{60};

/// Makes a fresh, empty, migrated store for one test. The returned pointer's deleter
/// destroys the store and then removes what it kept (a temp file, a schema).
/// `io` is the test's context, for awaiting `migrate()`; it outlives the store.
struct store_factory {
  std::string name;  // a gtest-safe label: letters and digits
  std::function<std::shared_ptr<ports::store>(boost::asio::io_context& io)> make;
};

/// gtest's parameter name: the factory's label.
std::string factory_name(const ::testing::TestParamInfo<store_factory>& info);
/// Keeps gtest from dumping the factory's bytes in failure messages.
void PrintTo(const store_factory& factory, std::ostream* os);

namespace detail {

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
boost::asio::awaitable<void> store_into(boost::asio::awaitable<T> op,
                                        std::shared_ptr<await_state<T>> state) {
  T value = co_await std::move(op);
  const std::lock_guard lock(state->mutex);
  state->value.emplace(std::move(value));
}

}  // namespace detail

/// Runs `op` to completion on `io` from the calling thread; rethrows what it threw.
/// Throws `std::runtime_error` after `k_await_timeout` (gtest reports it as a failure).
template <class T>
T run(boost::asio::io_context& io, boost::asio::awaitable<T> op) {
  auto state = std::make_shared<detail::await_state<T>>();
  boost::asio::co_spawn(io, detail::store_into<T>(std::move(op), state),
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
  if (!state->finished) throw std::runtime_error("store call did not complete in time");
  if (state->error) std::rethrow_exception(state->error);
  return std::move(*state->value);
}

/// Runs every task concurrently on `io` driven by `threads` threads, to completion.
/// Rethrows the first exception; throws `std::runtime_error` after `k_await_timeout`.
void run_all(boost::asio::io_context& io, std::vector<boost::asio::awaitable<void>> tasks,
             int threads);

/// The value of `result`, or a `std::runtime_error` naming the error and its detail.
template <class T>
T ok(ports::store_result<T> result) {
  if (!result) {
    throw std::runtime_error("store error " + std::string(ports::name_of(result.error().code)) +
                             ": " + result.error().detail);
  }
  return std::move(result).value();
}

/// The fixture: `store()` is a fresh store; `await(...)` runs one of its calls.
class StoreContract : public ::testing::TestWithParam<store_factory> {
 protected:
  void SetUp() override;
  void TearDown() override;

  ports::store& store() { return *store_; }
  boost::asio::io_context& io() { return io_; }

  template <class T>
  T await(boost::asio::awaitable<T> op) {
    return run(io_, std::move(op));
  }
  /// Awaits and unwraps a successful store result (throws otherwise).
  template <class T>
  T must(boost::asio::awaitable<ports::store_result<T>> op) {
    return ok(run(io_, std::move(op)));
  }

  /// A new user named `name` (`<name lower-cased>@example.com`).
  domain::user make_user(const std::string& name);
  /// A new room administered by `admin`, with `members` added.
  domain::room make_room(const std::string& name, domain::user_id admin,
                         domain::room_access access = domain::room_access::public_room,
                         std::vector<domain::user_id> members = {});
  /// Posts `content` by `author` in `room`.
  domain::message post(domain::room_id room, domain::user_id author, const std::string& content);

  /// Sleeps long enough for the next write to get a later millisecond timestamp, so
  /// orderings by time are defined.
  static void tick() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

 private:
  boost::asio::io_context io_;
  std::shared_ptr<ports::store> store_;
};

}  // namespace chat::contract
