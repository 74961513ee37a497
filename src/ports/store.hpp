#pragma once
/// The store port (DESIGN principles 5–7): everything the chat keeps, in chat vocabulary.
/// Adapters: `adapters/sqlite/sqlite_store` (embedded default, MODE-1) and
/// `adapters/postgres/postgres_store` (clusters, MODE-2); one contract suite
/// (`tests/contract/store_contract`) runs against both.
///
/// Every operation is a coroutine awaited from a resolver on a network thread; adapters
/// never block that thread (SQLite runs on its own threads, PostgreSQL on libpq's
/// asynchronous API) and resume the caller on its own executor. Failures are values
/// (`store_result`), never exceptions: a constraint violation maps to a domain error
/// (`duplicate_email` → AUTH-1's "Email already exists"), an outage to `unavailable`
/// with a detail for the log only (ERR-3: no SQL text ever reaches a response).
///
/// Durability (REL-2): a write that returned a value is on disk (SQLite: committed in
/// WAL with `synchronous=FULL`; PostgreSQL: committed).
///
/// Thread-safety: a store may be called concurrently from every network thread.
///
/// Calling convention: build argument values as locals and move them in
/// (`domain::new_user u{…}; co_await s.create_user(std::move(u));`): GCC 12 frees a
/// braced temporary inside a `co_await` expression twice.

#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "domain/message.hpp"
#include "domain/room.hpp"
#include "domain/user.hpp"

namespace chat::ports {

enum class store_errc : std::uint8_t {
  unavailable,          // the database cannot be reached or failed; retry later
  duplicate_email,      // AUTH-1 "Email already exists"
  duplicate_fullname,   // AUTH-1 "FullName already exists"
  duplicate_room_name,  // ROOM-1 "Chatroom with this name already exists"
  not_found,            // the entity (or one of several) does not exist
  schema_too_new,       // OPS-2: the database was migrated by a newer chatd
};

/// A short name for logs and metrics (`"duplicate_email"`).
std::string_view name_of(store_errc code) noexcept;

struct store_error {
  store_errc code = store_errc::unavailable;
  /// For the log (with the correlation id), never for a response (ERR-3).
  std::string detail;
};

/// A value or a `store_error` (std::expected is C++23).
template <class T>
class store_result {
 public:
  /// No answer (yet): `unavailable` (lets a result be a completion handler's argument).
  store_result()
      : data_(std::in_place_index<1>, store_error{store_errc::unavailable, "no result"}) {}
  store_result(T value) : data_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  store_result(store_error error)                                             // NOLINT
      : data_(std::in_place_index<1>, std::move(error)) {}

  bool has_value() const noexcept { return data_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const store_error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, store_error> data_;
};

/// For writes that answer nothing.
struct done {};

/// The outcome of presenting a refresh token (AUTH-4).
enum class rotation : std::uint8_t {
  rotated,  // it was the family's current token: `next_token` is current now
  reused,   // an older token of the family: the family is revoked now
  invalid,  // unknown family, revoked family, expired, or another user's
};

/// `getChatroomsForSearch` (ROOM-4): a page of matches and how many there are.
struct room_search {
  std::vector<domain::room> rooms;
  std::int64_t total = 0;
};

class store {
 public:
  template <class T>
  using task = boost::asio::awaitable<store_result<T>>;

  virtual ~store() = default;

  // ---- lifecycle (OPS-2) ----

  /// Applies the migrations this binary knows that the database lacks, in order, each
  /// in its own transaction; answers the schema version afterwards. A database at a
  /// newer version than the binary knows is `schema_too_new`.
  virtual task<int> migrate() = 0;
  /// The database's schema version (0: empty).
  virtual task<int> schema_version() = 0;
  /// A cheap round trip for `/readyz`.
  virtual task<done> ping() = 0;

  // ---- users (AUTH-1, AUTH-7, AUTH-8) ----

  /// `duplicate_email` or `duplicate_fullname` when taken (email compared lower-cased).
  virtual task<domain::user> create_user(domain::new_user u) = 0;
  virtual task<std::optional<domain::user>> find_user(domain::user_id id) = 0;
  /// `email` lower-cased by the caller.
  virtual task<std::optional<domain::user>> find_user_by_email(std::string email) = 0;
  /// GQL-6: one round trip; one entry per id, in request order (null: no such user).
  virtual task<std::vector<std::optional<domain::user>>> users_by_ids(
      std::vector<domain::user_id> ids) = 0;
  /// Every user, oldest first.
  virtual task<std::vector<domain::user>> all_users() = 0;
  /// AUTH-8: case-insensitive substring of the full name, without `except`, at most
  /// `limit`, by full name.
  virtual task<std::vector<domain::user>> search_users(std::string term, domain::user_id except,
                                                       int limit) = 0;
  /// AUTH-8: a new full name and, when given, a new avatar (the old one is kept
  /// otherwise). `not_found`, `duplicate_fullname`.
  virtual task<domain::user> update_user_profile(domain::user_id id, std::string fullname,
                                                 std::optional<std::string> avatar_url) = 0;

  /// Deletes the account; the rooms stay consistent: its memberships, messages and
  /// refresh families go, rooms it administered keep existing without an admin.
  /// `not_found`.
  virtual task<done> delete_user(domain::user_id id) = 0;

  // ---- refresh-token families (AUTH-4, AUTH-5) ----

  virtual task<done> create_refresh_family(domain::refresh_family family) = 0;
  /// Atomically: if `token` is the current token of a live, unexpired family of `user`,
  /// `next_token` becomes current (and the family expires at `expires_at`): `rotated`.
  /// Any other token of the family (an older one replayed, or one never issued: only the
  /// server signs tokens carrying the family's id) revokes the family: `reused`.
  virtual task<rotation> rotate_refresh_token(std::string family_id, domain::user_id user,
                                              std::string token, std::string next_token,
                                              domain::timestamp expires_at) = 0;
  /// Logout and reuse detection; revoking twice is fine.
  virtual task<done> revoke_refresh_family(std::string family_id) = 0;

  // ---- rooms and memberships (ROOM-1..5) ----

  /// The admin and `members` become members (unknown member ids are `not_found`, and
  /// nothing is created). `duplicate_room_name`.
  virtual task<domain::room> create_room(domain::new_room r,
                                         std::vector<domain::user_id> members) = 0;
  virtual task<std::optional<domain::room>> find_room(domain::room_id id) = 0;
  /// `not_found`, `duplicate_room_name`.
  virtual task<domain::room> update_room(domain::room_id id, domain::room_patch patch) = 0;
  /// Deletes the room with its memberships and messages. `not_found`.
  virtual task<done> delete_room(domain::room_id id) = 0;
  /// Adds the users not yet members (joined now); answers the ids added. Unknown
  /// users are `not_found` and nothing is added; an unknown room is `not_found`.
  virtual task<std::vector<domain::user_id>> add_members(domain::room_id room,
                                                         std::vector<domain::user_id> users) = 0;
  /// Answers the ids removed (non-members are skipped).
  virtual task<std::vector<domain::user_id>> remove_members(domain::room_id room,
                                                            std::vector<domain::user_id> users) = 0;
  virtual task<bool> is_member(domain::room_id room, domain::user_id user) = 0;
  /// ROOM-4: the members, most recently joined first.
  virtual task<std::vector<domain::user>> room_members(domain::room_id room) = 0;
  /// ROOM-4: the user's rooms, most recent activity (latest message, else creation)
  /// first.
  virtual task<std::vector<domain::room>> rooms_of_user(domain::user_id user) = 0;
  /// ROOM-4: case-insensitive substring of the name over public rooms and `viewer`'s
  /// rooms, most members first then newest, at most `limit`; `total` counts all matches.
  virtual task<room_search> search_rooms(std::string term, domain::user_id viewer, int limit) = 0;
  /// GQL-6: one round trip; one entry per room, in request order.
  virtual task<std::vector<std::int64_t>> member_counts(std::vector<domain::room_id> rooms) = 0;
  /// GQL-6: one round trip; each room's members (most recently joined first, as
  /// `room_members`), one list per room in request order (empty for an unknown room).
  virtual task<std::vector<std::vector<domain::user>>> members_of_rooms(
      std::vector<domain::room_id> rooms) = 0;
  /// GQL-6: one round trip; each room's newest message, in request order.
  virtual task<std::vector<std::optional<domain::message>>> latest_messages(
      std::vector<domain::room_id> rooms) = 0;

  // ---- messages (MSG-1, MSG-2, RT-1) ----

  /// Durable before it answers (REL-2). `not_found` when the room is gone.
  virtual task<domain::message> insert_message(domain::new_message m) = 0;
  /// MSG-2: at most `take` messages older than `before` (all when null), newest first;
  /// stable under concurrent inserts (ids only grow).
  virtual task<domain::message_page> messages_page(domain::room_id room,
                                                   std::optional<domain::message_id> before,
                                                   int take) = 0;
  virtual task<std::int64_t> message_count(domain::room_id room) = 0;
  /// RT-1 replay: at most `limit` messages newer than `after`, oldest first.
  virtual task<std::vector<domain::message>> messages_after(domain::room_id room,
                                                            domain::message_id after,
                                                            int limit) = 0;
};

}  // namespace chat::ports
