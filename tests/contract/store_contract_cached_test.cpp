// The store contract (store_contract.cpp) against `cached_store` (CACHE-1) over SQLite
// and an in-process cache: caching must not change a single answer, including reads
// right after writes (read-your-writes).
#include <stdlib.h>  // mkdtemp

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>

#include "adapters/cached/cached_store.hpp"
#include "adapters/memory/memory_cache.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "store_contract.hpp"

namespace chat::contract {
namespace {

std::filesystem::path make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "chat-cached-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
  }
  return pattern;
}

struct cached_stack {
  std::unique_ptr<adapters::sqlite_store> sqlite;
  std::unique_ptr<adapters::memory_cache> cache;
  std::unique_ptr<adapters::cached_store> cached;
};

std::shared_ptr<ports::store> make_cached_store(boost::asio::io_context& io) {
  const auto dir = make_temp_dir();
  auto opened = adapters::sqlite_store::open(
      adapters::sqlite_options{.path = (dir / "chat.db").string(), .readers = 2});
  if (!opened) {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    throw std::runtime_error("sqlite_store::open: " + opened.error().detail);
  }
  auto stack = std::make_shared<cached_stack>();
  stack->sqlite = std::move(opened).value();
  stack->cache = std::make_unique<adapters::memory_cache>();
  stack->cached = std::make_unique<adapters::cached_store>(*stack->sqlite, *stack->cache);
  std::shared_ptr<ports::store> store(stack->cached.get(), [stack, dir](ports::store*) mutable {
    stack.reset();  // the decorator, the cache, then the store (joins its threads)
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  });
  const int version = ok(run(io, store->migrate()));
  if (version <= 0) throw std::runtime_error("migrate answered version " + std::to_string(version));
  return store;
}

INSTANTIATE_TEST_SUITE_P(Cached, StoreContract,
                         ::testing::Values(store_factory{.name = "CachedSqlite",
                                                         .make = make_cached_store}),
                         factory_name);

}  // namespace
}  // namespace chat::contract
