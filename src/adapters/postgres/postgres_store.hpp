#pragma once
/// The PostgreSQL adapter of the store port (MODE-2): libpq's asynchronous API in
/// pipeline mode on the store's own I/O thread (`pg_pool`: N connections, reconnection
/// with backoff, fail-fast `unavailable` while the database is down, per-query
/// timeouts). Migrations are compiled in (`migrations/*.sql`).
///
/// Thread-safety: every operation may be awaited concurrently from any executor; the
/// awaiting coroutine resumes on its own executor.

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "ports/store.hpp"

namespace chat::adapters {

namespace pg {
class pg_pool;
class insert_batcher;
struct outcome;
struct query;
}  // namespace pg

struct postgres_options {
  std::string url;                // libpq URL (postgres://…); Prisma's ?schema= already removed
  std::string schema = "public";  // search_path of every connection; created by migrate()
  unsigned connections = 4;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds query_timeout{10000};
};

class postgres_store final : public ports::store {
 public:
  /// Starts connecting in the background on its own I/O thread; never blocks. An invalid
  /// URL or schema name is an error (`unavailable`, with the reason in the detail).
  static ports::store_result<std::unique_ptr<postgres_store>> create(postgres_options options);
  /// Closes the connections (requests still in flight fail with `unavailable`) and joins
  /// the I/O thread. Nothing may await the store any more.
  ~postgres_store() override;
  postgres_store(const postgres_store&) = delete;
  postgres_store& operator=(const postgres_store&) = delete;

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

  task<ports::done> create_refresh_family(domain::refresh_family family) override;
  task<ports::rotation> rotate_refresh_token(std::string family_id, domain::user_id user,
                                             std::string token, std::string next_token,
                                             domain::timestamp expires_at) override;
  task<ports::done> revoke_refresh_family(std::string family_id) override;

  task<domain::room> create_room(domain::new_room r, std::vector<domain::user_id> members) override;
  task<std::optional<domain::room>> find_room(domain::room_id id) override;
  task<domain::room> update_room(domain::room_id id, domain::room_patch patch) override;
  task<ports::done> delete_room(domain::room_id id) override;
  task<ports::done> delete_user(domain::user_id id) override;
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
  explicit postgres_store(postgres_options options);
  /// Runs `q` on the store's thread; resumes on the caller's executor.
  boost::asio::awaitable<pg::outcome> submit(pg::query q);
  /// An insert through the group-committing batcher: the batch's outcome and the row of
  /// this message.
  boost::asio::awaitable<std::pair<pg::outcome, int>> submit_insert(domain::new_message m);

  postgres_options options_;
  boost::asio::io_context io_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
  std::unique_ptr<pg::pg_pool> pool_;
  std::unique_ptr<pg::insert_batcher> inserts_;  // runs on io_'s thread, uses pool_
  std::thread thread_;
};

}  // namespace chat::adapters
