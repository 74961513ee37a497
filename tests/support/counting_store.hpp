#pragma once
// A store that forwards every call to another one and counts them by operation: the
// number of store round trips a request costs (GQL-6: no N+1; CACHE-1: hits cost none).
// Test code only.

#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include "ports/store.hpp"

namespace chat::testing {

class counting_store final : public ports::store {
 public:
  explicit counting_store(ports::store& inner) : inner_(inner) {}

  /// Calls per operation name since the last `reset`.
  std::map<std::string, int> calls() const {
    std::lock_guard lock(mutex_);
    return calls_;
  }
  int total() const {
    std::lock_guard lock(mutex_);
    int n = 0;
    for (const auto& [name, count] : calls_)
      n += count;
    return n;
  }
  void reset() {
    std::lock_guard lock(mutex_);
    calls_.clear();
  }

  task<int> migrate() override {
    count("migrate");
    co_return co_await inner_.migrate();
  }
  task<int> schema_version() override {
    count("schema_version");
    co_return co_await inner_.schema_version();
  }
  task<ports::done> ping() override {
    count("ping");
    co_return co_await inner_.ping();
  }
  task<domain::user> create_user(domain::new_user u) override {
    count("create_user");
    co_return co_await inner_.create_user(std::move(u));
  }
  task<std::optional<domain::user>> find_user(domain::user_id id) override {
    count("find_user");
    co_return co_await inner_.find_user(id);
  }
  task<std::optional<domain::user>> find_user_by_email(std::string email) override {
    count("find_user_by_email");
    co_return co_await inner_.find_user_by_email(std::move(email));
  }
  task<std::vector<std::optional<domain::user>>> users_by_ids(
      std::vector<domain::user_id> ids) override {
    count("users_by_ids");
    co_return co_await inner_.users_by_ids(std::move(ids));
  }
  task<std::vector<domain::user>> all_users() override {
    count("all_users");
    co_return co_await inner_.all_users();
  }
  task<std::vector<domain::user>> search_users(std::string term, domain::user_id except,
                                               int limit) override {
    count("search_users");
    co_return co_await inner_.search_users(std::move(term), except, limit);
  }
  task<domain::user> update_user_profile(domain::user_id id, std::string fullname,
                                         std::optional<std::string> avatar_url) override {
    count("update_user_profile");
    co_return co_await inner_.update_user_profile(id, std::move(fullname), std::move(avatar_url));
  }
  task<ports::done> delete_user(domain::user_id id) override {
    count("delete_user");
    co_return co_await inner_.delete_user(id);
  }
  task<ports::done> create_refresh_family(domain::refresh_family family) override {
    count("create_refresh_family");
    co_return co_await inner_.create_refresh_family(std::move(family));
  }
  task<ports::rotation> rotate_refresh_token(std::string family_id, domain::user_id user,
                                             std::string token, std::string next_token,
                                             domain::timestamp expires_at) override {
    count("rotate_refresh_token");
    co_return co_await inner_.rotate_refresh_token(std::move(family_id), user, std::move(token),
                                                   std::move(next_token), expires_at);
  }
  task<ports::done> revoke_refresh_family(std::string family_id) override {
    count("revoke_refresh_family");
    co_return co_await inner_.revoke_refresh_family(std::move(family_id));
  }
  task<domain::room> create_room(domain::new_room r,
                                 std::vector<domain::user_id> members) override {
    count("create_room");
    co_return co_await inner_.create_room(std::move(r), std::move(members));
  }
  task<std::optional<domain::room>> find_room(domain::room_id id) override {
    count("find_room");
    co_return co_await inner_.find_room(id);
  }
  task<domain::room> update_room(domain::room_id id, domain::room_patch patch) override {
    count("update_room");
    co_return co_await inner_.update_room(id, std::move(patch));
  }
  task<ports::done> delete_room(domain::room_id id) override {
    count("delete_room");
    co_return co_await inner_.delete_room(id);
  }
  task<std::vector<domain::user_id>> add_members(domain::room_id room,
                                                 std::vector<domain::user_id> users) override {
    count("add_members");
    co_return co_await inner_.add_members(room, std::move(users));
  }
  task<std::vector<domain::user_id>> remove_members(domain::room_id room,
                                                    std::vector<domain::user_id> users) override {
    count("remove_members");
    co_return co_await inner_.remove_members(room, std::move(users));
  }
  task<bool> is_member(domain::room_id room, domain::user_id user) override {
    count("is_member");
    co_return co_await inner_.is_member(room, user);
  }
  task<std::vector<domain::user>> room_members(domain::room_id room) override {
    count("room_members");
    co_return co_await inner_.room_members(room);
  }
  task<std::vector<domain::room>> rooms_of_user(domain::user_id user) override {
    count("rooms_of_user");
    co_return co_await inner_.rooms_of_user(user);
  }
  task<ports::room_search> search_rooms(std::string term, domain::user_id viewer,
                                        int limit) override {
    count("search_rooms");
    co_return co_await inner_.search_rooms(std::move(term), viewer, limit);
  }
  task<std::vector<std::int64_t>> member_counts(std::vector<domain::room_id> rooms) override {
    count("member_counts");
    co_return co_await inner_.member_counts(std::move(rooms));
  }
  task<std::vector<std::vector<domain::user>>> members_of_rooms(
      std::vector<domain::room_id> rooms) override {
    count("members_of_rooms");
    co_return co_await inner_.members_of_rooms(std::move(rooms));
  }
  task<std::vector<std::optional<domain::message>>> latest_messages(
      std::vector<domain::room_id> rooms) override {
    count("latest_messages");
    co_return co_await inner_.latest_messages(std::move(rooms));
  }
  task<domain::message> insert_message(domain::new_message m) override {
    count("insert_message");
    co_return co_await inner_.insert_message(std::move(m));
  }
  task<domain::message_page> messages_page(domain::room_id room,
                                           std::optional<domain::message_id> before,
                                           int take) override {
    count("messages_page");
    co_return co_await inner_.messages_page(room, before, take);
  }
  task<std::int64_t> message_count(domain::room_id room) override {
    count("message_count");
    co_return co_await inner_.message_count(room);
  }
  task<std::vector<domain::message>> messages_after(domain::room_id room, domain::message_id after,
                                                    int limit) override {
    count("messages_after");
    co_return co_await inner_.messages_after(room, after, limit);
  }

 private:
  void count(const char* name) {
    std::lock_guard lock(mutex_);
    ++calls_[name];
  }

  ports::store& inner_;
  mutable std::mutex mutex_;
  std::map<std::string, int> calls_;
};

}  // namespace chat::testing
