// The cache contract (cache_contract.cpp) against the in-process adapter, on a manual
// clock: `advance` moves it, so the TTL cases take no time.
#include <memory>

#include "adapters/memory/manual_clock.hpp"
#include "adapters/memory/memory_cache.hpp"
#include "cache_contract.hpp"

namespace chat::contract {
namespace {

cache_under_test make_memory_cache(boost::asio::io_context& /*io*/) {
  adapters::manual_clock clock;
  auto cache = std::make_shared<adapters::memory_cache>(
      adapters::memory_cache_options{.now = clock.function()});
  cache_under_test made;
  made.cache = cache;
  made.advance = [clock](std::chrono::milliseconds by) mutable { clock.advance(by); };
  made.peer = [cache] { return cache; };  // one process: the cache is its own peer
  return made;
}

INSTANTIATE_TEST_SUITE_P(Memory, CacheContract,
                         ::testing::Values(cache_factory{.name = "Memory",
                                                         .make = make_memory_cache}),
                         cache_factory_name);

}  // namespace
}  // namespace chat::contract
