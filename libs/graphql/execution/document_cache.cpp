#include "graphql/execution/document_cache.hpp"

#include <algorithm>

#include "graphql/execution/execution_plan.hpp"

namespace chat::graphql {

document_cache::document_cache(prepare_fn prepare, std::size_t max_entries,
                               std::size_t max_cached_bytes)
    : prepare_(std::move(prepare)),
      max_per_shard_(std::max<std::size_t>(1, max_entries / k_shards)),
      max_cached_bytes_(max_cached_bytes),
      shards_(k_shards) {}

namespace {

std::shared_ptr<const prepared_document> with_plans(prepared_document prepared) {
  if (prepared.valid() && !prepared.plans) prepared.plans = std::make_shared<execution_plans>();
  return std::make_shared<const prepared_document>(std::move(prepared));
}

}  // namespace

std::shared_ptr<const prepared_document> document_cache::get(std::string_view text) {
  if (text.size() > max_cached_bytes_) return with_plans(prepare_(text));
  const std::size_t hash = string_hash{}(text);
  shard& s = shards_[hash % k_shards];
  {
    std::lock_guard lock(s.mutex);
    if (auto it = s.index.find(text); it != s.index.end()) {
      s.order.splice(s.order.begin(), s.order, it->second);
      ++s.hits;
      return it->second->second;
    }
    ++s.misses;
  }
  // Prepared outside the lock: two threads missing on the same text both prepare it,
  // which is cheaper than making every other lookup of the shard wait.
  auto prepared = with_plans(prepare_(text));
  std::lock_guard lock(s.mutex);
  if (auto it = s.index.find(text); it != s.index.end()) return it->second->second;
  s.order.emplace_front(std::string(text), prepared);
  s.index.emplace(s.order.front().first, s.order.begin());
  if (s.order.size() > max_per_shard_) {
    s.index.erase(s.order.back().first);
    s.order.pop_back();
  }
  return prepared;
}

std::uint64_t document_cache::hits() const noexcept {
  std::uint64_t total = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    total += s.hits;
  }
  return total;
}

std::uint64_t document_cache::misses() const noexcept {
  std::uint64_t total = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    total += s.misses;
  }
  return total;
}

std::size_t document_cache::size() const {
  std::size_t total = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    total += s.order.size();
  }
  return total;
}

}  // namespace chat::graphql
