// The store contract (store_contract.cpp) against the SQLite adapter: each test gets a
// fresh database file in its own temp directory, removed after (with its WAL files).
#include <stdlib.h>  // mkdtemp

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>

#include "adapters/sqlite/sqlite_store.hpp"
#include "store_contract.hpp"

namespace chat::contract {
namespace {

std::filesystem::path make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "chat-contract-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
  }
  return pattern;
}

std::shared_ptr<ports::store> make_sqlite_store(boost::asio::io_context& io) {
  const auto dir = make_temp_dir();
  auto opened = adapters::sqlite_store::open(
      adapters::sqlite_options{.path = (dir / "chat.db").string(), .readers = 2});
  if (!opened) {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    throw std::runtime_error("sqlite_store::open: " + opened.error().detail);
  }
  std::shared_ptr<ports::store> store(std::move(opened).value().release(), [dir](ports::store* s) {
    delete s;  // joins its threads, closes the file
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  });
  const int version = ok(run(io, store->migrate()));
  if (version <= 0) throw std::runtime_error("migrate answered version " + std::to_string(version));
  return store;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract,
                         ::testing::Values(store_factory{.name = "Sqlite",
                                                         .make = make_sqlite_store}),
                         factory_name);

}  // namespace
}  // namespace chat::contract
