// REL-2 against the SQLite adapter: a writer process SIGKILLed at a random moment loses
// no acknowledged message (durability_harness.hpp). The database lives in a temp
// directory of its own, kept across the rounds (each reopen recovers the WAL of a
// killed writer) and removed after.
#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp

#include <cerrno>
#include <filesystem>
#include <string>
#include <system_error>

#include "adapters/sqlite/sqlite_store.hpp"
#include "durability_harness.hpp"

namespace chat::durability {
namespace {

class temp_dir {
 public:
  temp_dir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "chat-durability-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    path_ = pattern;
  }
  ~temp_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(SqliteStoreDurability, EveryAcknowledgedMessageSurvivesSigkillOfTheWriter) {
  const temp_dir dir;
  const std::string path = (dir.path() / "chat.db").string();
  const backend sqlite{.name = "sqlite",
                       .open = [path]() -> ports::store_result<std::unique_ptr<ports::store>> {
                         adapters::sqlite_options options;
                         options.path = path;
                         options.readers = 2;
                         auto opened = adapters::sqlite_store::open(std::move(options));
                         if (!opened) return opened.error();
                         return std::unique_ptr<ports::store>(std::move(opened).value());
                       }};
  expect_acknowledged_messages_survive_sigkill(sqlite, 3);
}

}  // namespace
}  // namespace chat::durability
