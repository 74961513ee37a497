// The store port's contract (SPEC AUTH-1..8, ROOM-1..5, MSG-1..3, RT-1, REL-2, OPS-2):
// the fixture and the runner of concurrent calls. The cases are in
// store_contract_users.cpp, store_contract_rooms.cpp and store_contract_messages.cpp;
// every case runs against every adapter (store_contract_*_test.cpp instantiate them).
// Orderings by time are made unambiguous with `tick()` between writes; nothing here
// depends on an adapter's internals.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdint>
#include <set>
#include <string_view>

#include "store_contract_helpers.hpp"

namespace chat::contract {

namespace asio = boost::asio;
using domain::message_id;
using domain::room_access;
using domain::room_id;
using domain::user_id;
using ports::rotation;
using ports::store_errc;

std::string factory_name(const ::testing::TestParamInfo<store_factory>& info) {
  return info.param.name;
}

void PrintTo(const store_factory& factory, std::ostream* os) {
  *os << factory.name;
}

void run_all(asio::io_context& io, std::vector<asio::awaitable<void>> tasks, int threads) {
  if (tasks.empty()) return;
  struct state {
    std::mutex mutex;
    std::size_t left = 0;
    std::exception_ptr first_error;
  };
  auto st = std::make_shared<state>();
  st->left = tasks.size();
  for (auto& task : tasks) {
    asio::co_spawn(io, std::move(task), [st, &io](std::exception_ptr error) {
      const std::lock_guard lock(st->mutex);
      if (error && !st->first_error) st->first_error = error;
      if (--st->left == 0) io.stop();
    });
  }
  io.restart();
  {
    auto guard = asio::make_work_guard(io);
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i)
      pool.emplace_back([&io] { io.run_for(k_await_timeout); });
    io.run_for(k_await_timeout);
    io.stop();
    for (auto& thread : pool)
      thread.join();
  }
  const std::lock_guard lock(st->mutex);
  if (st->left != 0) throw std::runtime_error("concurrent store calls did not complete in time");
  if (st->first_error) std::rethrow_exception(st->first_error);
}

void StoreContract::SetUp() {
  ASSERT_TRUE(GetParam().make) << "factory " << GetParam().name << " has no make function";
  store_ = GetParam().make(io_);
  ASSERT_NE(store_, nullptr) << "factory " << GetParam().name << " made no store";
}

void StoreContract::TearDown() {
  store_.reset();
}

domain::user StoreContract::make_user(const std::string& name) {
  std::string email;
  for (const char c : name) {
    if (c == ' ') {
      email += '.';
    } else {
      email += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  email += "@example.com";
  return must(store().create_user(domain::new_user{
      .email = email, .fullname = name, .password_hash = "$2b$10$hash", .avatar_url = {}}));
}

domain::room StoreContract::make_room(const std::string& name, user_id admin, room_access access,
                                      std::vector<user_id> members) {
  return must(store().create_room(room_spec(name, admin, access), std::move(members)));
}

domain::message StoreContract::post(room_id room, user_id author, const std::string& content) {
  return must(store().insert_message(
      domain::new_message{.room = room, .author = author, .content = content, .image_url = {}}));
}

}  // namespace chat::contract
