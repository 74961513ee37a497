#pragma once
/// The in-process cache (DESIGN principle 5; SPEC CACHE-1, MODE-1): `ports::cache` in
/// this process's memory, for a single instance. Entries live in shards, each with its
/// own mutex and LRU list, bounded in bytes; spaces' versions live in a table of their
/// own, bounded in entries.
///
/// - A get finds the versions of its spaces (a space without one gets a version never
///   used before), composes the address, and looks it up; an entry past its TTL is
///   dropped and answers a miss.
/// - A put stores at the ticket's address and evicts the shard's least recently used
///   entries until the shard is within its budget. A value larger than half a shard's
///   budget is not kept (the put answers ok; the next read misses).
/// - An invalidate forgets the spaces' versions (O(1) per space); when the version
///   table is full, a random space is forgotten, which is an invalidation too.
///
/// Every coroutine completes without suspending (no I/O, no thread hop); nothing here
/// answers `unavailable`.
///
/// Thread-safety: every member may be called concurrently from any thread.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ports/cache.hpp"

namespace chat::adapters {

struct memory_cache_options {
  /// The bytes entries may take (addresses, values and bookkeeping), all shards together.
  std::size_t max_bytes = std::size_t{64} << 20;
  /// The spaces whose versions are remembered.
  std::size_t max_spaces = std::size_t{1} << 18;
  /// The time TTLs are measured on; `steady_clock::now` when empty (tests inject theirs).
  std::function<ports::cache::clock::time_point()> now = {};
};

class memory_cache final : public ports::cache {
 public:
  explicit memory_cache(memory_cache_options options = {});
  ~memory_cache() override;

  /// The entries kept, including any past their TTL not yet dropped (for tests).
  std::size_t entry_count() const;
  /// The bytes the entries take, as counted against `max_bytes` (for tests).
  std::size_t byte_count() const;
  /// The spaces whose versions are remembered (for tests).
  std::size_t space_count() const;

 private:
  class shard;
  /// Lets the version table be searched with a `string_view`.
  struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };

  boost::asio::awaitable<ports::cache_lookup> do_get(std::string_view kind,
                                                     std::span<const std::string_view> spaces,
                                                     std::string_view key) override;
  boost::asio::awaitable<ports::cache_done> do_put(ports::cache_ticket ticket, std::string value,
                                                   std::chrono::milliseconds ttl) override;
  boost::asio::awaitable<ports::cache_done> do_invalidate(
      std::span<const std::string_view> spaces) override;

  clock::time_point now() const { return now_ ? now_() : clock::now(); }
  /// The address of `kind`/`key` under the current versions of `spaces` (made if missing).
  std::string address_of(std::string_view kind, std::span<const std::string_view> spaces,
                         std::string_view key);
  /// Forgets a random space's version; `versions_mutex_` is held.
  void forget_random_space();
  shard& shard_of(std::string_view address);

  std::function<clock::time_point()> now_;
  std::size_t max_spaces_;

  mutable std::mutex versions_mutex_;
  std::unordered_map<std::string, std::uint64_t, string_hash, std::equal_to<>> versions_;
  std::uint64_t next_version_ = 1;
  std::uint64_t random_state_ = 0x9e3779b97f4a7c15U;

  std::vector<std::unique_ptr<shard>> shards_;
};

}  // namespace chat::adapters
