#include "adapters/cached/cached_store.hpp"

#include <algorithm>

#include "adapters/cached/store_codec.hpp"
#include "observability/logger.hpp"

namespace chat::adapters {

namespace {

using namespace std::chrono_literals;

// CACHE-1's lifetimes.
constexpr auto k_room_ttl = 60s;
constexpr auto k_members_ttl = 30s;
constexpr auto k_user_ttl = 60s;
constexpr auto k_all_users_ttl = 60s;
constexpr auto k_search_users_ttl = 30s;
constexpr auto k_newest_page_ttl = 5s;
constexpr auto k_older_page_ttl = 60s;
constexpr auto k_count_ttl = 5s;
constexpr auto k_rooms_of_user_ttl = 30s;

std::string room_space(domain::room_id id) {
  return "room:" + std::to_string(id);
}
std::string members_space(domain::room_id id) {
  return "members:" + std::to_string(id);
}
std::string messages_space(domain::room_id id) {
  return "messages:" + std::to_string(id);
}
std::string user_space(domain::user_id id) {
  return "user:" + std::to_string(id);
}
std::string rooms_of_space(domain::user_id id) {
  return "rooms-of:" + std::to_string(id);
}
std::string activity_space(domain::room_id id) {
  return "activity:" + std::to_string(id);
}
constexpr std::string_view k_users_space = "users";
constexpr std::string_view k_profiles_space = "profiles";

}  // namespace

cached_store::cached_store(ports::store& inner, ports::cache& cache)
    : inner_(inner), cache_(cache) {}

boost::asio::awaitable<std::optional<std::string>> cached_store::lookup(
    std::string_view kind, std::vector<std::string> spaces, std::string key,
    ports::cache_ticket& ticket) {
  std::vector<std::string_view> views(spaces.begin(), spaces.end());
  auto found = co_await cache_.get(kind, views, key);
  const bool debug = obs::log_enabled(obs::log_level::debug);  // CACHE-1: hits and misses
  if (found.hit()) {
    if (debug) obs::log(obs::log_level::debug, "cache", "hit", {}, {{"kind", kind}});
    co_return std::move(found.value);
  }
  if (found.miss()) {
    ticket = std::move(found.ticket);
    if (debug) obs::log(obs::log_level::debug, "cache", "miss", {}, {{"kind", kind}});
  } else if (debug) {
    obs::log(obs::log_level::debug, "cache", "unavailable: reading the database", {},
             {{"kind", kind}, {"error", found.detail}});
  }
  co_return std::nullopt;
}

boost::asio::awaitable<void> cached_store::remember(ports::cache_ticket ticket, std::string bytes,
                                                    std::chrono::milliseconds ttl) {
  if (ticket.empty()) co_return;
  // A failed put only costs the next reader a miss.
  (void)co_await cache_.put(std::move(ticket), std::move(bytes), ttl);
}

boost::asio::awaitable<void> cached_store::invalidate(std::vector<std::string> spaces) {
  std::vector<std::string_view> views(spaces.begin(), spaces.end());
  auto done = co_await cache_.invalidate(views);
  if (!done) {
    // CACHE-2: the write stands; readers elsewhere may see the old value until its TTL.
    obs::log(obs::log_level::warn, "cache", "invalidation failed", {},
             {{"spaces", spaces.empty() ? std::string() : spaces.front()}, {"error", done.detail}});
  }
}

// ---- lifecycle ----

cached_store::task<int> cached_store::migrate() {
  co_return co_await inner_.migrate();
}
cached_store::task<int> cached_store::schema_version() {
  co_return co_await inner_.schema_version();
}
cached_store::task<ports::done> cached_store::ping() {
  co_return co_await inner_.ping();
}

// ---- users ----

cached_store::task<domain::user> cached_store::create_user(domain::new_user u) {
  auto created = co_await inner_.create_user(std::move(u));
  if (created) {
    std::vector<std::string> spaces{std::string(k_users_space)};
    co_await invalidate(std::move(spaces));
  }
  co_return created;
}

cached_store::task<std::optional<domain::user>> cached_store::find_user(domain::user_id id) {
  ports::cache_ticket ticket;
  std::vector<std::string> spaces{user_space(id)};
  if (auto bytes = co_await lookup("user", std::move(spaces), "u", ticket)) {
    if (auto user = codec::decode_user(*bytes)) co_return std::optional<domain::user>(*user);
  }
  auto found = co_await inner_.find_user(id);
  if (found && *found) {
    std::string bytes = codec::encode(**found);
    co_await remember(std::move(ticket), std::move(bytes), k_user_ttl);
  }
  co_return found;
}

cached_store::task<std::optional<domain::user>> cached_store::find_user_by_email(
    std::string email) {
  co_return co_await inner_.find_user_by_email(std::move(email));
}

cached_store::task<std::vector<std::optional<domain::user>>> cached_store::users_by_ids(
    std::vector<domain::user_id> ids) {
  co_return co_await inner_.users_by_ids(std::move(ids));
}

cached_store::task<std::vector<domain::user>> cached_store::all_users() {
  ports::cache_ticket ticket;
  std::vector<std::string> spaces{std::string(k_users_space)};
  if (auto bytes = co_await lookup("users", std::move(spaces), "all", ticket)) {
    if (auto users = codec::decode_users(*bytes)) co_return std::move(*users);
  }
  auto found = co_await inner_.all_users();
  if (found) {
    std::string bytes = codec::encode(*found);
    co_await remember(std::move(ticket), std::move(bytes), k_all_users_ttl);
  }
  co_return found;
}

cached_store::task<std::vector<domain::user>> cached_store::search_users(std::string term,
                                                                         domain::user_id except,
                                                                         int limit) {
  ports::cache_ticket ticket;
  std::vector<std::string> spaces{std::string(k_users_space)};
  std::string key = "s:" + std::to_string(except) + ":" + std::to_string(limit) + ":" + term;
  if (auto bytes = co_await lookup("users", std::move(spaces), std::move(key), ticket)) {
    if (auto users = codec::decode_users(*bytes)) co_return std::move(*users);
  }
  auto found = co_await inner_.search_users(std::move(term), except, limit);
  if (found) {
    std::string bytes = codec::encode(*found);
    co_await remember(std::move(ticket), std::move(bytes), k_search_users_ttl);
  }
  co_return found;
}

cached_store::task<domain::user> cached_store::update_user_profile(
    domain::user_id id, std::string fullname, std::optional<std::string> avatar_url) {
  auto updated =
      co_await inner_.update_user_profile(id, std::move(fullname), std::move(avatar_url));
  if (updated) {
    std::vector<std::string> spaces{user_space(id), std::string(k_users_space),
                                    std::string(k_profiles_space)};
    co_await invalidate(std::move(spaces));
  }
  co_return updated;
}

cached_store::task<ports::done> cached_store::delete_user(domain::user_id id) {
  auto deleted = co_await inner_.delete_user(id);
  if (deleted) {
    std::vector<std::string> spaces{user_space(id), std::string(k_users_space),
                                    std::string(k_profiles_space)};
    co_await invalidate(std::move(spaces));
  }
  co_return deleted;
}

// ---- refresh families: never cached ----

cached_store::task<ports::done> cached_store::create_refresh_family(domain::refresh_family family) {
  co_return co_await inner_.create_refresh_family(std::move(family));
}

cached_store::task<ports::rotation> cached_store::rotate_refresh_token(
    std::string family_id, domain::user_id user, std::string token, std::string next_token,
    domain::timestamp expires_at) {
  co_return co_await inner_.rotate_refresh_token(std::move(family_id), user, std::move(token),
                                                 std::move(next_token), expires_at);
}

cached_store::task<ports::done> cached_store::revoke_refresh_family(std::string family_id) {
  co_return co_await inner_.revoke_refresh_family(std::move(family_id));
}

// ---- rooms and memberships ----

cached_store::task<domain::room> cached_store::create_room(domain::new_room r,
                                                           std::vector<domain::user_id> members) {
  std::vector<std::string> spaces;
  if (r.admin_id != 0) spaces.push_back(rooms_of_space(r.admin_id));
  for (const auto member : members)
    spaces.push_back(rooms_of_space(member));
  auto created = co_await inner_.create_room(std::move(r), std::move(members));
  if (created) {
    // A membership asked about before the room existed must not linger.
    spaces.push_back(members_space(created->id));
    spaces.push_back(room_space(created->id));
    co_await invalidate(std::move(spaces));
  }
  co_return created;
}

cached_store::task<std::optional<domain::room>> cached_store::find_room(domain::room_id id) {
  ports::cache_ticket ticket;
  std::vector<std::string> spaces{room_space(id)};
  if (auto bytes = co_await lookup("chatroom", std::move(spaces), "r", ticket)) {
    if (auto room = codec::decode_room(*bytes)) co_return std::optional<domain::room>(*room);
  }
  auto found = co_await inner_.find_room(id);
  if (found && *found) {
    std::string bytes = codec::encode(**found);
    co_await remember(std::move(ticket), std::move(bytes), k_room_ttl);
  }
  co_return found;
}

cached_store::task<domain::room> cached_store::update_room(domain::room_id id,
                                                           domain::room_patch patch) {
  auto updated = co_await inner_.update_room(id, std::move(patch));
  if (updated) {
    std::vector<std::string> spaces{room_space(id)};
    co_await invalidate(std::move(spaces));
  }
  co_return updated;
}

cached_store::task<ports::done> cached_store::delete_room(domain::room_id id) {
  auto deleted = co_await inner_.delete_room(id);
  if (deleted) {
    // Members' room lists depend on `room:<id>`: they miss now.
    std::vector<std::string> spaces{room_space(id), members_space(id), messages_space(id),
                                    activity_space(id)};
    co_await invalidate(std::move(spaces));
  }
  co_return deleted;
}

cached_store::task<std::vector<domain::user_id>> cached_store::add_members(
    domain::room_id room, std::vector<domain::user_id> users) {
  auto added = co_await inner_.add_members(room, std::move(users));
  if (added) {
    std::vector<std::string> spaces{members_space(room)};
    for (const auto user : *added)
      spaces.push_back(rooms_of_space(user));
    co_await invalidate(std::move(spaces));
  }
  co_return added;
}

cached_store::task<std::vector<domain::user_id>> cached_store::remove_members(
    domain::room_id room, std::vector<domain::user_id> users) {
  auto removed = co_await inner_.remove_members(room, std::move(users));
  if (removed) {
    std::vector<std::string> spaces{members_space(room)};
    for (const auto user : *removed)
      spaces.push_back(rooms_of_space(user));
    co_await invalidate(std::move(spaces));
  }
  co_return removed;
}

cached_store::task<bool> cached_store::is_member(domain::room_id room, domain::user_id user) {
  ports::cache_ticket ticket;
  std::vector<std::string> spaces{members_space(room)};
  if (auto bytes =
          co_await lookup("membership", std::move(spaces), "is:" + std::to_string(user), ticket)) {
    if (*bytes == "1") co_return true;
    if (*bytes == "0") co_return false;
  }
  auto member = co_await inner_.is_member(room, user);
  if (member) {
    std::string bytes = *member ? "1" : "0";
    co_await remember(std::move(ticket), std::move(bytes), k_members_ttl);
  }
  co_return member;
}

cached_store::task<std::vector<domain::user>> cached_store::room_members(domain::room_id room) {
  ports::cache_ticket ticket;
  std::vector<std::string> spaces{members_space(room), std::string(k_profiles_space)};
  if (auto bytes = co_await lookup("members", std::move(spaces), "list", ticket)) {
    if (auto users = codec::decode_users(*bytes)) co_return std::move(*users);
  }
  auto found = co_await inner_.room_members(room);
  if (found) {
    std::string bytes = codec::encode(*found);
    co_await remember(std::move(ticket), std::move(bytes), k_members_ttl);
  }
  co_return found;
}

// Two lookups: the user's room ids (membership only, `rooms-of:<user>`), then the list
// itself, which depends on each of those rooms (`room:<id>`: its fields) and on each
// room's activity (`activity:<id>`: its order follows the latest message). A message
// bumps one `activity` space; no per-member work.
cached_store::task<std::vector<domain::room>> cached_store::rooms_of_user(domain::user_id user) {
  ports::cache_ticket ids_ticket;
  std::vector<std::string> membership{rooms_of_space(user)};
  std::optional<std::vector<std::int64_t>> ids;
  if (auto bytes = co_await lookup("rooms-of", std::move(membership), "ids", ids_ticket)) {
    ids = codec::decode_ids(*bytes);
  }
  ports::cache_ticket list_ticket;
  if (ids) {
    std::vector<std::string> spaces{rooms_of_space(user)};
    for (const auto id : *ids) {
      spaces.push_back(room_space(id));
      spaces.push_back(activity_space(id));
    }
    if (auto bytes = co_await lookup("rooms-of", std::move(spaces), "list", list_ticket)) {
      if (auto rooms = codec::decode_rooms(*bytes)) co_return std::move(*rooms);
    }
  }
  auto found = co_await inner_.rooms_of_user(user);
  if (!found) co_return found;
  std::vector<std::int64_t> found_ids;
  found_ids.reserve(found->size());
  for (const auto& room : *found)
    found_ids.push_back(room.id);
  if (!ids) {
    std::string bytes = codec::encode_ids(found_ids);
    co_await remember(std::move(ids_ticket), std::move(bytes), k_rooms_of_user_ttl);
    // The list is not put: no versions of its room spaces were read before the store
    // read, so a write in between could not be told apart. The next read, with the
    // ids cached, puts it.
  } else if (std::is_permutation(ids->begin(), ids->end(), found_ids.begin(), found_ids.end())) {
    std::string bytes = codec::encode(*found);
    co_await remember(std::move(list_ticket), std::move(bytes), k_rooms_of_user_ttl);
  }
  co_return found;
}

cached_store::task<ports::room_search> cached_store::search_rooms(std::string term,
                                                                  domain::user_id viewer,
                                                                  int limit) {
  co_return co_await inner_.search_rooms(std::move(term), viewer, limit);
}

cached_store::task<std::vector<std::int64_t>> cached_store::member_counts(
    std::vector<domain::room_id> rooms) {
  co_return co_await inner_.member_counts(std::move(rooms));
}

// Several rooms at once: each room's list is a `room_members` entry (`members:<room>`,
// `profiles`); the rooms that miss are read together in one store call.
cached_store::task<std::vector<std::vector<domain::user>>> cached_store::members_of_rooms(
    std::vector<domain::room_id> rooms) {
  std::vector<std::vector<domain::user>> out(rooms.size());
  std::vector<domain::room_id> missing;
  std::vector<std::size_t> missing_at;
  std::vector<ports::cache_ticket> tickets;
  for (std::size_t i = 0; i < rooms.size(); ++i) {
    ports::cache_ticket ticket;
    std::vector<std::string> spaces{members_space(rooms[i]), std::string(k_profiles_space)};
    if (auto bytes = co_await lookup("members", std::move(spaces), "list", ticket)) {
      if (auto users = codec::decode_users(*bytes)) {
        out[i] = std::move(*users);
        continue;
      }
    }
    missing.push_back(rooms[i]);
    missing_at.push_back(i);
    tickets.push_back(std::move(ticket));
  }
  if (missing.empty()) co_return out;
  auto found = co_await inner_.members_of_rooms(std::move(missing));
  if (!found) co_return found.error();
  for (std::size_t k = 0; k < missing_at.size() && k < found->size(); ++k) {
    std::string bytes = codec::encode((*found)[k]);
    co_await remember(std::move(tickets[k]), std::move(bytes), k_members_ttl);
    out[missing_at[k]] = std::move((*found)[k]);
  }
  co_return out;
}

cached_store::task<std::vector<std::optional<domain::message>>> cached_store::latest_messages(
    std::vector<domain::room_id> rooms) {
  co_return co_await inner_.latest_messages(std::move(rooms));
}

// ---- messages ----

cached_store::task<domain::message> cached_store::insert_message(domain::new_message m) {
  const domain::room_id room = m.room;
  auto inserted = co_await inner_.insert_message(std::move(m));
  if (inserted) {
    std::vector<std::string> spaces{messages_space(room), activity_space(room)};
    co_await invalidate(std::move(spaces));
  }
  co_return inserted;
}

cached_store::task<domain::message_page> cached_store::messages_page(
    domain::room_id room, std::optional<domain::message_id> before, int take) {
  ports::cache_ticket ticket;
  std::vector<std::string> spaces{messages_space(room)};
  std::string key = "p:" + (before ? std::to_string(*before) : std::string("newest")) + ":" +
                    std::to_string(take);
  if (auto bytes = co_await lookup("messages", std::move(spaces), std::move(key), ticket)) {
    if (auto page = codec::decode_page(*bytes)) co_return std::move(*page);
  }
  auto found = co_await inner_.messages_page(room, before, take);
  if (found) {
    std::string bytes = codec::encode(*found);
    std::chrono::milliseconds ttl = k_newest_page_ttl;
    if (before) ttl = k_older_page_ttl;
    co_await remember(std::move(ticket), std::move(bytes), ttl);
  }
  co_return found;
}

cached_store::task<std::int64_t> cached_store::message_count(domain::room_id room) {
  ports::cache_ticket ticket;
  std::vector<std::string> spaces{messages_space(room)};
  if (auto bytes = co_await lookup("messages", std::move(spaces), "count", ticket)) {
    if (auto n = codec::decode_number(*bytes)) co_return *n;
  }
  auto found = co_await inner_.message_count(room);
  if (found) {
    std::string bytes = codec::encode(*found);
    co_await remember(std::move(ticket), std::move(bytes), k_count_ttl);
  }
  co_return found;
}

cached_store::task<std::vector<domain::message>> cached_store::messages_after(
    domain::room_id room, domain::message_id after, int limit) {
  co_return co_await inner_.messages_after(room, after, limit);
}

}  // namespace chat::adapters
