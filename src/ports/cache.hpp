#pragma once
/// The cache port (DESIGN principle 5; SPEC CACHE-1, CACHE-2, OBS-4): cache-aside for
/// reads, with invalidation in O(1) however many entries it makes stale. Adapters:
/// `adapters/memory/memory_cache` (embedded, MODE-1) and a Redis one (clusters, MODE-2);
/// one contract suite (`tests/contract/cache_contract`) runs against every adapter.
///
/// Key spaces and versions. Every entry depends on zero or more *key spaces*: named
/// families of facts that change together, such as `"room:42"` (a room, its members,
/// its messages) or `"user:7"`. A space has a current version; an entry's address is
/// its kind, the versions of its spaces at the time of the read, and its key
/// (`chatroom|room:42@17|user:7@3|<key>`). `invalidate(space)` gives the space a new
/// version (one operation, however many entries the space holds): every entry made
/// under an older version is unreachable from then on and ages out by TTL or eviction.
/// A version is never reused: an adapter that forgets a space's version (eviction, a
/// restarted Redis) gives it a version never used before, so forgetting is a harmless
/// invalidation and can never bring an old entry back.
///
/// Cache-aside, with the ticket that makes it read-your-writes (CACHE-1):
///
///   const std::string space = "room:" + std::to_string(id);
///   auto found = co_await cache.get("chatroom", space, key);
///   if (found.hit()) co_return decode(found.value);
///   auto room = co_await store.find_room(id);          // miss or unavailable
///   if (found.miss()) co_await cache.put(std::move(found.ticket), encode(room), 60s);
///
/// and every write invalidates after it is committed and before it answers:
///
///   co_await store.update_room(id, patch);
///   co_await cache.invalidate(space);
///
/// `put` stores under the versions the *miss* saw, not the versions at the time of the
/// put: a writer that commits and invalidates while the reader is at the store leaves
/// the reader's (possibly stale) value under an old version, where no read finds it.
///
/// Spaces per read. A read that depends on several spaces names them all, in an order of
/// the caller's choosing that the same read always uses (the order is part of the
/// address); the read misses once any of them has been invalidated since the put.
///
/// Values are opaque byte strings (any bytes, NUL included); the caller serializes. An
/// adapter may decline to keep a value (too large for it, or evicted at once): the put
/// still answers `ok` and the next read misses.
///
/// Failures are values, never exceptions (CACHE-2): `get` answers `unavailable` and the
/// caller reads the store; a failed `put` is ignored; a failed `invalidate` is logged by
/// the caller (entries of that space may then be served stale until their TTL).
///
/// Counters (OBS-4): `get` counts hits, misses and unavailable answers by the caller's
/// `kind` label (`"chatroom"`, `"messages"`); `stats()` reads them for `/metrics`. The
/// counters are kept here, once for every adapter, and count this process's calls only.
///
/// Lifetimes: the views passed to `get` and `invalidate` must stay valid until the call
/// completes (await it at once: `co_await cache.get(...)`). `put` takes its arguments by
/// value, so it may also be spawned and left to finish on its own. Build argument values
/// as locals, not braced temporaries inside the `co_await` expression (GCC 12 frees
/// those twice; see `store.hpp`).
///
/// Thread-safety: every member may be called concurrently from every network thread.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

namespace chat::ports {

enum class cache_status : std::uint8_t {
  hit,          // `value` holds the bytes put
  miss,         // nothing (live) at the address; `ticket` says where to put the value
  unavailable,  // the cache cannot be reached or failed: read the store (CACHE-2)
};

/// A short name for logs and metrics (`"hit"`).
std::string_view name_of(cache_status status) noexcept;

/// Where `put` stores a value read from the store after a miss: the entry's address at
/// the versions of its spaces when the miss was answered. Opaque: only the adapter that
/// made it reads `address`. An empty ticket (from a hit or an unavailable answer, or
/// default-made) makes `put` do nothing.
struct cache_ticket {
  std::string address;

  bool empty() const noexcept { return address.empty(); }
};

/// What `get` answers.
struct cache_lookup {
  cache_status status = cache_status::unavailable;
  std::string value;    // hit: the bytes put (possibly empty)
  cache_ticket ticket;  // miss: for `put`
  std::string detail;   // unavailable: why, for the log only

  bool hit() const noexcept { return status == cache_status::hit; }
  bool miss() const noexcept { return status == cache_status::miss; }
  bool unavailable() const noexcept { return status == cache_status::unavailable; }
};

/// What `put` and `invalidate` answer: done, or unavailable with a detail for the log.
struct cache_done {
  bool ok = false;
  std::string detail;  // not ok: why, for the log only

  explicit operator bool() const noexcept { return ok; }
};

/// The counts of one `kind` label since the cache was made.
struct cache_counts {
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t unavailable = 0;
};

class cache {
 public:
  using clock = std::chrono::steady_clock;

  cache() = default;
  cache(const cache&) = delete;
  cache& operator=(const cache&) = delete;
  virtual ~cache() = default;

  /// The entry of `kind` and `key` that depends on `spaces`, if one was put under the
  /// spaces' current versions and its TTL has not passed. A hit answers the bytes
  /// put; a miss answers the ticket to put the value read from the store with. `kind`
  /// (a metrics label and part of the address) keeps reads of different shapes that
  /// name the same spaces and key apart. Counted in `stats()` under `kind`.
  boost::asio::awaitable<cache_lookup> get(std::string_view kind,
                                           std::span<const std::string_view> spaces,
                                           std::string_view key);
  /// `get` for a read that depends on one space.
  boost::asio::awaitable<cache_lookup> get(std::string_view kind, std::string_view space,
                                           std::string_view key);

  /// Stores `value` at the ticket's address for `ttl` (a ttl of zero or less, or an
  /// empty ticket, stores nothing and answers ok). Replaces what the address held.
  boost::asio::awaitable<cache_done> put(cache_ticket ticket, std::string value,
                                         std::chrono::milliseconds ttl);

  /// Makes every entry that depends on one of `spaces` unreachable, in O(1) per space
  /// (no key scans). Spaces never read are fine. Once it answered ok, no `get` from any
  /// process sharing the cache finds those entries (read-your-writes, CACHE-1).
  boost::asio::awaitable<cache_done> invalidate(std::span<const std::string_view> spaces);
  /// `invalidate` of one space.
  boost::asio::awaitable<cache_done> invalidate(std::string_view space);

  /// The counts by `kind`, in kind order.
  std::map<std::string, cache_counts, std::less<>> stats() const;

 private:
  /// The adapter's `get`: never throws for an outage (answers `unavailable`).
  virtual boost::asio::awaitable<cache_lookup> do_get(std::string_view kind,
                                                      std::span<const std::string_view> spaces,
                                                      std::string_view key) = 0;
  /// The adapter's `put`; `ticket` is not empty and `ttl` is positive.
  virtual boost::asio::awaitable<cache_done> do_put(cache_ticket ticket, std::string value,
                                                    std::chrono::milliseconds ttl) = 0;
  /// The adapter's `invalidate`; `spaces` is not empty.
  virtual boost::asio::awaitable<cache_done> do_invalidate(
      std::span<const std::string_view> spaces) = 0;

  void count(std::string_view kind, cache_status status);

  mutable std::mutex counts_mutex_;
  std::map<std::string, cache_counts, std::less<>> counts_;
};

}  // namespace chat::ports
