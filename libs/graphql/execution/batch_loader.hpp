#pragma once
/// The batching hook of SPEC GQL-6: a per-request loader that gathers the keys asked for
/// by resolvers running in the same turn of the executor and fetches them with one call
/// of a batch function, so a page of 50 messages with their authors costs one
/// `users by ids` round trip instead of 50 (graphql-js's DataLoader, on Asio).
///
/// How the keys meet: the executor starts the resolvers of all sibling fields and list
/// items before it awaits any of them (`execute.hpp`). The first `load` of a turn posts
/// the dispatch to the executor; every `load` made before that handler runs joins the
/// same batch. A batch holds at most `max_batch` keys; more start another batch.
///
/// Results are cached per key for the loader's life (one request): loading a key twice
/// costs nothing, and two resolvers asking for the same author share one result. A batch
/// that throws fails every `load` waiting on it with that exception and forgets its
/// keys, so a later `load` asks again. `clear` forgets one key (after a mutation changed
/// it), `prime` stores a value already known.
///
/// Thread-safety: one loader belongs to one execution, which runs on one executor; it is
/// not safe to use from two threads. Pending dispatches keep the loader's state alive,
/// so a loader may be destroyed while a batch is in flight.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chat::graphql {

template <class Key, class Value, class Hash = std::hash<Key>, class Equal = std::equal_to<Key>>
class batch_loader {
 public:
  /// Fetches `keys` (distinct, in the order they were first asked for) and returns one
  /// result per key in the same order: the value, or nullopt when there is none.
  using batch_function = std::function<boost::asio::awaitable<std::vector<std::optional<Value>>>(
      std::vector<Key> keys)>;

  batch_loader(boost::asio::any_io_executor ex, batch_function fetch, std::size_t max_batch = 500)
      : state_(std::make_shared<state>(std::move(ex), std::move(fetch),
                                       max_batch == 0 ? 1 : max_batch)) {}

  /// The value for `key`, fetched together with the other keys asked for in this turn.
  boost::asio::awaitable<std::optional<Value>> load(Key key) {
    std::shared_ptr<state> s = state_;
    slot at = s->enqueue(std::move(key));
    while (!at.owner->done) {
      boost::system::error_code ec;
      co_await at.owner->ready.async_wait(
          boost::asio::redirect_error(boost::asio::use_awaitable, ec));
    }
    if (at.owner->failure) std::rethrow_exception(at.owner->failure);
    co_return at.owner->results[at.index];
  }

  /// Forgets `key`: the next `load` fetches it again.
  void clear(const Key& key) { state_->cache.erase(key); }

  /// Stores `value` for `key` unless the key is already known (DataLoader's `prime`).
  void prime(Key key, Value value) {
    if (state_->cache.contains(key)) return;
    auto known = std::make_shared<batch>(state_->ex);
    known->results.emplace_back(std::move(value));
    known->done = true;
    state_->cache.emplace(std::move(key), slot{std::move(known), 0});
  }

  /// How many times the batch function was called (for tests and metrics).
  std::size_t batches() const noexcept { return state_->batches; }

 private:
  struct batch {
    explicit batch(const boost::asio::any_io_executor& ex) : ready(ex) {
      ready.expires_at(boost::asio::steady_timer::time_point::max());
    }
    std::vector<Key> keys;
    std::vector<std::optional<Value>> results;
    std::exception_ptr failure;
    bool done = false;
    boost::asio::steady_timer ready;  // never expires; cancelled when the batch is done
  };

  struct slot {
    std::shared_ptr<batch> owner;
    std::size_t index = 0;
  };

  struct state : std::enable_shared_from_this<state> {
    state(boost::asio::any_io_executor executor, batch_function f, std::size_t max)
        : ex(std::move(executor)), fetch(std::move(f)), max_batch(max) {}

    slot enqueue(Key key) {
      if (auto it = cache.find(key); it != cache.end()) return it->second;
      if (!open || open->keys.size() >= max_batch) {
        open = std::make_shared<batch>(ex);
        boost::asio::post(ex, [self = this->shared_from_this(), b = open] { self->dispatch(b); });
      }
      slot at{open, open->keys.size()};
      open->keys.push_back(key);
      cache.emplace(std::move(key), at);
      return at;
    }

    void dispatch(const std::shared_ptr<batch>& b) {
      if (open == b) open.reset();
      ++batches;
      boost::asio::co_spawn(ex, run(this->shared_from_this(), b), boost::asio::detached);
    }

    static boost::asio::awaitable<void> run(std::shared_ptr<state> self, std::shared_ptr<batch> b) {
      try {
        b->results = co_await self->fetch(b->keys);
        if (b->results.size() != b->keys.size()) {
          throw std::logic_error("batch_loader: the batch function returned " +
                                 std::to_string(b->results.size()) + " results for " +
                                 std::to_string(b->keys.size()) + " keys");
        }
      } catch (...) {
        b->failure = std::current_exception();
      }
      if (b->failure) {
        for (const Key& key : b->keys) {
          if (auto it = self->cache.find(key); it != self->cache.end() && it->second.owner == b) {
            self->cache.erase(it);
          }
        }
      }
      b->done = true;
      b->ready.cancel();
    }

    boost::asio::any_io_executor ex;
    batch_function fetch;
    std::size_t max_batch;
    std::size_t batches = 0;
    std::shared_ptr<batch> open;
    std::unordered_map<Key, slot, Hash, Equal> cache;
  };

  std::shared_ptr<state> state_;
};

}  // namespace chat::graphql
