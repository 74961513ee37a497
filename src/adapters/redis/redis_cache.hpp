#pragma once
/// The shared cache (DESIGN principle 5; SPEC CACHE-1, CACHE-2, MODE-2): `ports::cache`
/// in Redis, so that every instance of a cluster reads the same entries and sees every
/// instance's invalidations at once. Built on a `redis_client` it shares (and does not
/// own) with the other Redis adapters.
///
/// Keys, all under `key_prefix` (default `chat:cache:`):
///
///   <prefix>counter      a hash {epoch, n}: where new versions come from
///   <prefix>v:<space>    the space's current version; TTL `version_ttl`, refreshed by reads
///   <prefix>e:<address>  an entry: the value put; TTL the put's
///
/// An entry's address is its kind, the name and version of each of its spaces, in the
/// read's order, and its key, each name length-prefixed (`8:chatroom6:room:1<v>;0:`), so
/// no two reads share an address whatever bytes their names hold.
///
/// - `get` is one round trip: a script reads each space's version (giving a space that
///   has none a new one), composes the address and reads the entry. A miss's ticket is
///   that address.
/// - `put` is one `SET <address> <value> PX <ttl>`. A value over `max_value_bytes` is not
///   kept (the address is deleted instead; the put answers ok and the next read misses).
/// - `invalidate` is one `DEL` of the spaces' version keys, O(1) per space: the next read
///   of a space gives it a new version, so entries made under the old one are never read
///   again and age out by their TTL.
///
/// A version is never reused (the port's rule): versions are `<epoch>-<n>`, with `n`
/// counted up by the counter hash and `epoch` the Redis server time (µs) at which the
/// hash was made. A version key that expired or was evicted is remade from the counter,
/// which only grows; a counter that was evicted or flushed is remade with a new epoch.
/// So forgetting anything is at worst an invalidation, never a resurrection.
///
/// The get script computes the entry's key itself (it is not among the script's KEYS):
/// fine for a standalone Redis or a replica set. For Redis Cluster give the prefix a hash
/// tag (`{chat:cache}:`) so that every key lands in one slot.
///
/// Failures are values, never exceptions (CACHE-2): while the client is disconnected, on
/// a timeout or an error reply, `get` answers `unavailable` and `put`/`invalidate` answer
/// not ok, each with a detail for the log. Nothing here retries: the client reconnects
/// by itself and the next call works again.
///
/// Thread-safety: every member may be called concurrently from any thread (the client
/// serializes the commands; the options are immutable). Lifetime: `client` must outlive
/// the cache, and no call may be in flight when the cache is destroyed.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "adapters/redis/redis_client.hpp"
#include "adapters/redis/redis_script.hpp"
#include "ports/cache.hpp"

namespace chat::adapters::redis {

struct redis_cache_options {
  /// Every key the cache makes starts with this (tests use a random one of their own).
  std::string key_prefix = "chat:cache:";
  /// How long a space's version is kept after its last read. Longer than any entry's
  /// TTL; a version forgotten early only costs misses.
  std::chrono::milliseconds version_ttl = std::chrono::hours(24);
  /// Values larger than this are not kept (Redis' latency and memory stay bounded).
  std::size_t max_value_bytes = std::size_t{4} << 20;
};

class redis_cache final : public ports::cache {
 public:
  /// Throws std::invalid_argument for a `version_ttl` that is not positive (a
  /// programmer's error).
  explicit redis_cache(redis_client& client, redis_cache_options options = {});
  ~redis_cache() override;

  const redis_cache_options& options() const noexcept { return options_; }

 private:
  boost::asio::awaitable<ports::cache_lookup> do_get(std::string_view kind,
                                                     std::span<const std::string_view> spaces,
                                                     std::string_view key) override;
  boost::asio::awaitable<ports::cache_done> do_put(ports::cache_ticket ticket, std::string value,
                                                   std::chrono::milliseconds ttl) override;
  boost::asio::awaitable<ports::cache_done> do_invalidate(
      std::span<const std::string_view> spaces) override;

  /// `<prefix>v:<space>`.
  std::string version_key(std::string_view space) const;

  redis_client& client_;
  const redis_cache_options options_;
  const std::string counter_key_;
  const std::string entry_prefix_;
  const std::string version_ttl_ms_;
};

}  // namespace chat::adapters::redis
