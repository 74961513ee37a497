#pragma once
/// Cache-aside in front of a store (SPEC CACHE-1, CACHE-2): a store decorator, so every
/// read the resolvers make and every write that changes it pass through one place.
///
/// Cached reads, each in key spaces of the `cache` port (versioned: invalidating a space
/// is one operation whatever it holds) with CACHE-1's lifetimes:
///
/// | read | kind | spaces | TTL |
/// |---|---|---|---|
/// | `find_room(id)` (getChatroomById) | chatroom | `room:<id>` | 60 s |
/// | `is_member(room, user)` (ROOM-2 checks) | membership | `members:<room>` | 30 s |
/// | `room_members(room)` (getUsersOfChatroom, ChatroomEntity.users) | members | `members:<room>`,
/// `profiles` | 30 s | | `find_user(id)` (findUserById) | user | `user:<id>` | 60 s | |
/// `all_users()` (findAllUsers) | users | `users` | 60 s | | `search_users(…)` (searchUsers) |
/// users | `users` | 30 s | | `messages_page(room, …)` (getMessagesForChatroom) | messages |
/// `messages:<room>` | 5 s newest, 60 s older | | `message_count(room)` | messages |
/// `messages:<room>` | 5 s |
///
/// Every write that changes one of them invalidates its spaces after the store
/// committed and before it returns (read-your-writes; with a shared cache, on every
/// instance): users (create, profile update, delete) → `users`, `user:<id>`,
/// `profiles`; rooms (create, update, delete) → `room:<id>`, `members:<id>`,
/// `messages:<id>`, and the members' `rooms-of:<user>` when they join or leave;
/// memberships → `members:<room>`, `rooms-of:<user>` of those added or removed; messages
/// → `messages:<room>`, `activity:<room>` (one space, whatever the room's size).
/// The cache port's tickets keep a read that raced a write from putting the old value.
///
/// The rest passes straight through: login lookups (never cached: they carry the password
/// hash, which cached users never do), refresh families, batched lookups (already one
/// round trip per request), and `search_rooms` (its matches and order span every public
/// room; not cached rather than cached stale).
///
/// CACHE-2: a cache that cannot be reached is read through (the store answers) and its
/// failed invalidations are logged; no request fails because of the cache.
///
/// Thread-safety: as the store and the cache it wraps (both thread-safe).

#include <memory>

#include "ports/cache.hpp"
#include "ports/store.hpp"

namespace chat::adapters {

class cached_store final : public ports::store {
 public:
  cached_store(ports::store& inner, ports::cache& cache);

  task<int> migrate() override;
  task<int> schema_version() override;
  task<ports::done> ping() override;

  task<domain::user> create_user(domain::new_user u) override;
  task<std::optional<domain::user>> find_user(domain::user_id id) override;
  task<std::optional<domain::user>> find_user_by_email(std::string email) override;
  task<std::vector<std::optional<domain::user>>> users_by_ids(
      std::vector<domain::user_id> ids) override;
  task<std::vector<domain::user>> all_users() override;
  task<std::vector<domain::user>> search_users(std::string term, domain::user_id except,
                                               int limit) override;
  task<domain::user> update_user_profile(domain::user_id id, std::string fullname,
                                         std::optional<std::string> avatar_url) override;
  task<ports::done> delete_user(domain::user_id id) override;

  task<ports::done> create_refresh_family(domain::refresh_family family) override;
  task<ports::rotation> rotate_refresh_token(std::string family_id, domain::user_id user,
                                             std::string token, std::string next_token,
                                             domain::timestamp expires_at) override;
  task<ports::done> revoke_refresh_family(std::string family_id) override;

  task<domain::room> create_room(domain::new_room r, std::vector<domain::user_id> members) override;
  task<std::optional<domain::room>> find_room(domain::room_id id) override;
  task<domain::room> update_room(domain::room_id id, domain::room_patch patch) override;
  task<ports::done> delete_room(domain::room_id id) override;
  task<std::vector<domain::user_id>> add_members(domain::room_id room,
                                                 std::vector<domain::user_id> users) override;
  task<std::vector<domain::user_id>> remove_members(domain::room_id room,
                                                    std::vector<domain::user_id> users) override;
  task<bool> is_member(domain::room_id room, domain::user_id user) override;
  task<std::vector<domain::user>> room_members(domain::room_id room) override;
  task<std::vector<domain::room>> rooms_of_user(domain::user_id user) override;
  task<ports::room_search> search_rooms(std::string term, domain::user_id viewer,
                                        int limit) override;
  task<std::vector<std::int64_t>> member_counts(std::vector<domain::room_id> rooms) override;
  task<std::vector<std::vector<domain::user>>> members_of_rooms(
      std::vector<domain::room_id> rooms) override;
  task<std::vector<std::optional<domain::message>>> latest_messages(
      std::vector<domain::room_id> rooms) override;

  task<domain::message> insert_message(domain::new_message m) override;
  task<domain::message_page> messages_page(domain::room_id room,
                                           std::optional<domain::message_id> before,
                                           int take) override;
  task<std::int64_t> message_count(domain::room_id room) override;
  task<std::vector<domain::message>> messages_after(domain::room_id room, domain::message_id after,
                                                    int limit) override;

 private:
  /// The cached bytes of `key` in `spaces`, or nullopt (then `ticket` says where the
  /// value read from the store goes; empty when the cache is unavailable).
  boost::asio::awaitable<std::optional<std::string>> lookup(std::string_view kind,
                                                            std::vector<std::string> spaces,
                                                            std::string key,
                                                            ports::cache_ticket& ticket);
  boost::asio::awaitable<void> remember(ports::cache_ticket ticket, std::string bytes,
                                        std::chrono::milliseconds ttl);
  boost::asio::awaitable<void> invalidate(std::vector<std::string> spaces);

  ports::store& inner_;
  ports::cache& cache_;
};

}  // namespace chat::adapters
