#include "ports/cache.hpp"

#include <utility>

namespace chat::ports {

std::string_view name_of(cache_status status) noexcept {
  switch (status) {
    case cache_status::hit:
      return "hit";
    case cache_status::miss:
      return "miss";
    case cache_status::unavailable:
      return "unavailable";
  }
  return "unknown";
}

boost::asio::awaitable<cache_lookup> cache::get(std::string_view kind,
                                                std::span<const std::string_view> spaces,
                                                std::string_view key) {
  cache_lookup found = co_await do_get(kind, spaces, key);
  // Only a miss carries a ticket: a put after a hit or an outage must not store.
  if (!found.miss()) found.ticket.address.clear();
  count(kind, found.status);
  co_return found;
}

boost::asio::awaitable<cache_lookup> cache::get(std::string_view kind, std::string_view space,
                                                std::string_view key) {
  // `space` lives in this coroutine's frame until the inner call completes.
  co_return co_await get(kind, std::span<const std::string_view>(&space, 1), key);
}

boost::asio::awaitable<cache_done> cache::put(cache_ticket ticket, std::string value,
                                              std::chrono::milliseconds ttl) {
  if (ticket.empty() || ttl <= std::chrono::milliseconds::zero()) co_return cache_done{true, {}};
  co_return co_await do_put(std::move(ticket), std::move(value), ttl);
}

boost::asio::awaitable<cache_done> cache::invalidate(std::span<const std::string_view> spaces) {
  if (spaces.empty()) co_return cache_done{true, {}};
  co_return co_await do_invalidate(spaces);
}

boost::asio::awaitable<cache_done> cache::invalidate(std::string_view space) {
  co_return co_await invalidate(std::span<const std::string_view>(&space, 1));
}

std::map<std::string, cache_counts, std::less<>> cache::stats() const {
  const std::lock_guard lock(counts_mutex_);
  return counts_;
}

void cache::count(std::string_view kind, cache_status status) {
  const std::lock_guard lock(counts_mutex_);
  auto it = counts_.find(kind);
  if (it == counts_.end()) it = counts_.emplace(std::string(kind), cache_counts{}).first;
  switch (status) {
    case cache_status::hit:
      ++it->second.hits;
      break;
    case cache_status::miss:
      ++it->second.misses;
      break;
    case cache_status::unavailable:
      ++it->second.unavailable;
      break;
  }
}

}  // namespace chat::ports
