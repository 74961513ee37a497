#pragma once
/// The SQLite adapter of the store port (embedded mode, MODE-1).
///
/// One writer thread owns the only write connection and group-commits: it takes every
/// queued write, runs them in one transaction (a SAVEPOINT each, so one failing write
/// does not fail the others), commits once with `synchronous=FULL` in WAL mode (durable
/// on return, REL-2), then completes each caller. `readers` reader threads answer
/// queries, each on its own connection. A coroutine awaiting the store is resumed on
/// its own executor; network threads never block on SQLite.
///
/// Case-insensitive searches use SQLite's lower() and LIKE, which fold ASCII only:
/// "É" does not match "é".
///
/// Thread-safety: every operation may be called concurrently from any thread.

#include <memory>
#include <string>

#include "ports/store.hpp"

namespace chat::adapters {

class sqlite_writer;
class sqlite_readers;

struct sqlite_options {
  std::string path;      // the database file (created if missing; parent dir created)
  unsigned readers = 2;  // reader connections/threads
};

class sqlite_store final : public ports::store {
 public:
  /// Opens (does not migrate). Start-up code: may block. Errors: unavailable with a detail.
  static ports::store_result<std::unique_ptr<sqlite_store>> open(sqlite_options options);
  /// Finishes queued writes and reads, joins its threads.
  ~sqlite_store() override;

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
  sqlite_store(std::unique_ptr<sqlite_writer> writer, std::unique_ptr<sqlite_readers> readers);

  template <class T, class Fn>
  task<T> read(Fn fn);
  /// `grouped`: false for work that manages its own transactions (migrations).
  template <class T, class Fn>
  task<T> write(Fn fn, bool grouped = true);

  std::unique_ptr<sqlite_writer> writer_;
  std::unique_ptr<sqlite_readers> readers_;
};

}  // namespace chat::adapters
