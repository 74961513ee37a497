#include "adapters/memory/memory_cache.hpp"

#include <algorithm>
#include <list>
#include <optional>
#include <utility>

namespace chat::adapters {
namespace {

constexpr std::size_t k_shards = 8;
// What an entry costs beyond its address and value: the list node, the index entry and
// the strings' headers, roughly.
constexpr std::size_t k_entry_overhead = 128;

// `<length>:<bytes>`: addresses made of such parts cannot collide, whatever the bytes.
void append_part(std::string& out, std::string_view part) {
  out += std::to_string(part.size());
  out += ':';
  out += part;
}

}  // namespace

// One LRU list of entries, most recently used first, with its index and byte count.
class memory_cache::shard {
 public:
  explicit shard(std::size_t budget) : budget_(budget) {}

  std::optional<std::string> get(std::string_view address, clock::time_point now) {
    const std::lock_guard lock(mutex_);
    const auto found = index_.find(address);
    if (found == index_.end()) return std::nullopt;
    const auto entry = found->second;
    if (entry->expires_at <= now) {
      erase(entry);
      return std::nullopt;
    }
    lru_.splice(lru_.begin(), lru_, entry);
    return entry->value;
  }

  void put(std::string address, std::string value, clock::time_point expires_at) {
    const std::size_t cost = address.size() + value.size() + k_entry_overhead;
    const std::lock_guard lock(mutex_);
    if (const auto found = index_.find(address); found != index_.end()) erase(found->second);
    if (cost > budget_ / 2) return;  // would evict half the shard for one value
    lru_.push_front(item{std::move(address), std::move(value), expires_at, cost});
    index_.emplace(lru_.front().address, lru_.begin());
    bytes_ += cost;
    while (bytes_ > budget_)
      erase(std::prev(lru_.end()));
  }

  std::size_t size() const {
    const std::lock_guard lock(mutex_);
    return lru_.size();
  }
  std::size_t bytes() const {
    const std::lock_guard lock(mutex_);
    return bytes_;
  }

 private:
  struct item {
    std::string address;
    std::string value;
    clock::time_point expires_at;
    std::size_t cost = 0;
  };
  using position = std::list<item>::iterator;

  void erase(position entry) {
    bytes_ -= entry->cost;
    index_.erase(std::string_view(entry->address));
    lru_.erase(entry);
  }

  const std::size_t budget_;
  mutable std::mutex mutex_;
  std::list<item> lru_;
  // Keys view the addresses in `lru_`'s nodes, which never move.
  std::unordered_map<std::string_view, position> index_;
  std::size_t bytes_ = 0;
};

memory_cache::memory_cache(memory_cache_options options)
    : now_(std::move(options.now)), max_spaces_(std::max<std::size_t>(options.max_spaces, 1)) {
  shards_.reserve(k_shards);
  for (std::size_t i = 0; i < k_shards; ++i)
    shards_.push_back(std::make_unique<shard>(options.max_bytes / k_shards));
}

memory_cache::~memory_cache() = default;

std::size_t memory_cache::entry_count() const {
  std::size_t n = 0;
  for (const auto& s : shards_)
    n += s->size();
  return n;
}

std::size_t memory_cache::byte_count() const {
  std::size_t n = 0;
  for (const auto& s : shards_)
    n += s->bytes();
  return n;
}

std::size_t memory_cache::space_count() const {
  const std::lock_guard lock(versions_mutex_);
  return versions_.size();
}

boost::asio::awaitable<ports::cache_lookup> memory_cache::do_get(
    std::string_view kind, std::span<const std::string_view> spaces, std::string_view key) {
  std::string address = address_of(kind, spaces, key);
  auto value = shard_of(address).get(address, now());
  ports::cache_lookup found;
  if (value) {
    found.status = ports::cache_status::hit;
    found.value = std::move(*value);
  } else {
    found.status = ports::cache_status::miss;
    found.ticket.address = std::move(address);
  }
  co_return found;
}

boost::asio::awaitable<ports::cache_done> memory_cache::do_put(ports::cache_ticket ticket,
                                                               std::string value,
                                                               std::chrono::milliseconds ttl) {
  const auto expires_at = now() + ttl;
  shard_of(ticket.address).put(std::move(ticket.address), std::move(value), expires_at);
  co_return ports::cache_done{true, {}};
}

boost::asio::awaitable<ports::cache_done> memory_cache::do_invalidate(
    std::span<const std::string_view> spaces) {
  {
    const std::lock_guard lock(versions_mutex_);
    // Forgetting is enough: the next read gives the space a version never used before.
    for (const auto space : spaces) {
      if (const auto found = versions_.find(space); found != versions_.end()) {
        versions_.erase(found);
      }
    }
  }
  co_return ports::cache_done{true, {}};
}

std::string memory_cache::address_of(std::string_view kind,
                                     std::span<const std::string_view> spaces,
                                     std::string_view key) {
  std::string address;
  address.reserve(kind.size() + key.size() + 16 + spaces.size() * 32);
  append_part(address, kind);
  const std::lock_guard lock(versions_mutex_);
  for (const auto space : spaces) {
    auto found = versions_.find(space);
    if (found == versions_.end()) {
      if (versions_.size() >= max_spaces_) forget_random_space();
      found = versions_.emplace(std::string(space), next_version_++).first;
    }
    append_part(address, space);
    address += std::to_string(found->second);
    address += ';';
  }
  append_part(address, key);
  return address;
}

void memory_cache::forget_random_space() {
  if (versions_.empty()) return;
  // xorshift64: a random bucket, then the first space at or after it.
  random_state_ ^= random_state_ << 13;
  random_state_ ^= random_state_ >> 7;
  random_state_ ^= random_state_ << 17;
  const std::size_t buckets = versions_.bucket_count();
  for (std::size_t i = 0; i < buckets; ++i) {
    const std::size_t bucket = (random_state_ + i) % buckets;
    if (versions_.bucket_size(bucket) > 0) {
      const std::string space = versions_.begin(bucket)->first;
      versions_.erase(space);
      return;
    }
  }
}

memory_cache::shard& memory_cache::shard_of(std::string_view address) {
  return *shards_[std::hash<std::string_view>{}(address) % k_shards];
}

}  // namespace chat::adapters
