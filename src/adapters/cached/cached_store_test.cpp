// cached_store (CACHE-1) over a real SQLite store and the in-process cache: warm reads
// cost no store call, and every write shows in the very next read (read-your-writes),
// for the user's room list above all, whose order follows every message.
#include "adapters/cached/cached_store.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <filesystem>

#include "adapters/memory/memory_cache.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "tests/support/counting_store.hpp"
#include "tests/support/run_sync.hpp"

namespace chat::adapters {
namespace {

namespace fs = std::filesystem;

template <class T>
T run(boost::asio::awaitable<T> task) {
  return testing::run_sync(std::move(task));
}

class CachedStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cached-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    auto opened = sqlite_store::open(sqlite_options{.path = (dir_ / "chat.db").string()});
    ASSERT_TRUE(opened);
    sqlite_ = std::move(*opened);
    ASSERT_TRUE(run(sqlite_->migrate()));
    counting_ = std::make_unique<testing::counting_store>(*sqlite_);
    cache_ = std::make_unique<memory_cache>();
    cached_ = std::make_unique<cached_store>(*counting_, *cache_);
  }
  void TearDown() override {
    cached_.reset();
    cache_.reset();
    counting_.reset();
    sqlite_.reset();
    fs::remove_all(dir_);
  }

  domain::user_id user(std::string name) {
    domain::new_user u;
    u.email = name + "@example.com";
    u.fullname = std::move(name);
    u.password_hash = "x";
    return run(cached_->create_user(std::move(u)))->id;
  }
  domain::room_id room(std::string name, domain::user_id admin) {
    domain::new_room r;
    r.name = std::move(name);
    r.admin_id = admin;
    std::vector<domain::user_id> none;
    return run(cached_->create_room(std::move(r), std::move(none)))->id;
  }
  void say(domain::room_id room, domain::user_id author) {
    domain::new_message m;
    m.room = room;
    m.author = author;
    m.content = "hi";
    ASSERT_TRUE(run(cached_->insert_message(std::move(m))));
  }
  std::vector<std::string> names_of_rooms(domain::user_id u) {
    auto rooms = run(cached_->rooms_of_user(u));
    EXPECT_TRUE(rooms);
    std::vector<std::string> names;
    for (const auto& r : *rooms)
      names.push_back(r.name);
    return names;
  }

  fs::path dir_;
  std::unique_ptr<sqlite_store> sqlite_;
  std::unique_ptr<testing::counting_store> counting_;
  std::unique_ptr<memory_cache> cache_;
  std::unique_ptr<cached_store> cached_;
};

TEST_F(CachedStore, Cache1AWarmRoomListCostsNoStoreCall) {
  const auto u = user("u");
  room("a", u);
  room("b", u);
  names_of_rooms(u);
  names_of_rooms(u);  // the ids were cached by the first read, the list by the second
  counting_->reset();
  EXPECT_EQ(names_of_rooms(u).size(), 2U);
  EXPECT_EQ(counting_->total(), 0);
}

TEST_F(CachedStore, Cache1AMessageReordersTheRoomListAtOnce) {
  const auto u = user("u");
  const auto a = room("a", u);
  const auto b = room("b", u);
  say(a, u);
  say(b, u);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(names_of_rooms(u), (std::vector<std::string>{"b", "a"}));
  say(a, u);
  EXPECT_EQ(names_of_rooms(u), (std::vector<std::string>{"a", "b"}));
}

TEST_F(CachedStore, Cache1RenamesJoinsAndLeavesShowInTheNextRead) {
  const auto u = user("u");
  const auto v = user("v");
  const auto a = room("a", u);
  const auto b = room("b", v);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(names_of_rooms(u), (std::vector<std::string>{"a"}));
  domain::room_patch rename;
  rename.name = "a2";
  ASSERT_TRUE(run(cached_->update_room(a, std::move(rename))));
  EXPECT_EQ(names_of_rooms(u), (std::vector<std::string>{"a2"}));
  std::vector<domain::user_id> join{u};
  ASSERT_TRUE(run(cached_->add_members(b, std::move(join))));
  EXPECT_EQ(names_of_rooms(u).size(), 2U);
  std::vector<domain::user_id> leave{u};
  ASSERT_TRUE(run(cached_->remove_members(b, std::move(leave))));
  EXPECT_EQ(names_of_rooms(u), (std::vector<std::string>{"a2"}));
  ASSERT_TRUE(run(cached_->delete_room(a)));
  EXPECT_TRUE(names_of_rooms(u).empty());
}

TEST_F(CachedStore, Cache1AWarmRoomAndMembershipCostNoStoreCall) {
  const auto u = user("u");
  const auto a = room("a", u);
  run(cached_->find_room(a));
  run(cached_->is_member(a, u));
  run(cached_->room_members(a));
  counting_->reset();
  EXPECT_TRUE(*run(cached_->find_room(a)));
  EXPECT_TRUE(*run(cached_->is_member(a, u)));
  EXPECT_EQ(run(cached_->room_members(a))->size(), 1U);
  EXPECT_EQ(counting_->total(), 0);
}

}  // namespace
}  // namespace chat::adapters
