#pragma once
// Helpers shared by the contract's case files (store_contract_*.cpp): spec builders,
// assertions and the coroutines of the concurrent cases. Test code only.

#include <algorithm>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store_contract.hpp"

namespace chat::contract {

namespace asio = boost::asio;
using domain::message_id;
using domain::room_access;
using domain::room_id;
using domain::user_id;
using ports::rotation;
using ports::store_errc;
using namespace std::chrono_literals;

inline domain::new_room room_spec(std::string name, user_id admin, room_access access) {
  domain::new_room spec;
  spec.name = std::move(name);
  spec.access = access;
  spec.admin_id = admin;
  return spec;
}

inline domain::new_room room_spec(std::string name, user_id admin) {
  return room_spec(std::move(name), admin, room_access::private_room);
}

// A patch with only what `set` sets.
template <class Set>
inline domain::room_patch patch(Set set) {
  domain::room_patch p;
  set(p);
  return p;
}

// `result` failed with `code` (and not with something else, nor succeeded).
template <class T>
inline ::testing::AssertionResult fails_with(const ports::store_result<T>& result,
                                             store_errc code) {
  if (result) {
    return ::testing::AssertionFailure() << "succeeded; expected " << ports::name_of(code);
  }
  if (result.error().code != code) {
    return ::testing::AssertionFailure()
           << "failed with " << ports::name_of(result.error().code) << " (" << result.error().detail
           << "); expected " << ports::name_of(code);
  }
  return ::testing::AssertionSuccess();
}

// A time written "now" by the store: within a generous window around the clock.
inline ::testing::AssertionResult is_recent(domain::timestamp t) {
  const auto now = domain::now();
  if (t < now - 60s || t > now + 60s) {
    return ::testing::AssertionFailure() << t.time_since_epoch().count() << " ms is not near now ("
                                         << now.time_since_epoch().count() << " ms)";
  }
  return ::testing::AssertionSuccess();
}

inline std::vector<user_id> ids_of(const std::vector<domain::user>& users) {
  std::vector<user_id> ids;
  ids.reserve(users.size());
  for (const auto& u : users)
    ids.push_back(u.id);
  return ids;
}

inline std::vector<room_id> ids_of(const std::vector<domain::room>& rooms) {
  std::vector<room_id> ids;
  ids.reserve(rooms.size());
  for (const auto& r : rooms)
    ids.push_back(r.id);
  return ids;
}

inline std::vector<message_id> ids_of(const std::vector<domain::message>& messages) {
  std::vector<message_id> ids;
  ids.reserve(messages.size());
  for (const auto& m : messages)
    ids.push_back(m.id);
  return ids;
}

inline std::vector<user_id> sorted(std::vector<user_id> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

inline domain::refresh_family family(std::string id, user_id user, std::string token,
                                     domain::timestamp expires_at) {
  return domain::refresh_family{.id = std::move(id),
                                .user = user,
                                .current_token = std::move(token),
                                .revoked = false,
                                .created_at = domain::now(),
                                .expires_at = expires_at};
}

inline constexpr user_id k_unknown_user = 987'654'321;
inline constexpr room_id k_unknown_room = 987'654'321;

// ---- coroutines for the concurrent cases (parameters by value: they outlive callers) ----

struct id_sink {
  std::mutex mutex;
  std::vector<std::vector<message_id>> per_task;
};

inline asio::awaitable<void> insert_many(ports::store* s, room_id room, user_id author, int count,
                                         std::size_t task, std::shared_ptr<id_sink> sink) {
  for (int i = 0; i < count; ++i) {
    // The call is a statement of its own: GCC 12 mishandles by-value temporaries built
    // inside a co_await expression (they get relocated bitwise into the frame).
    auto op = s->insert_message(domain::new_message{
        .room = room,
        .author = author,
        .content = "task " + std::to_string(task) + " message " + std::to_string(i),
        .image_url = {}});
    auto m = ok(co_await std::move(op));
    const std::lock_guard lock(sink->mutex);
    sink->per_task[task].push_back(m.id);
  }
}

struct insert_outcomes {
  std::mutex mutex;
  std::vector<std::pair<room_id, std::optional<store_errc>>> results;
};

inline asio::awaitable<void> insert_once(ports::store* s, room_id room, user_id author,
                                         std::shared_ptr<insert_outcomes> out) {
  auto op = s->insert_message(
      domain::new_message{.room = room, .author = author, .content = "one", .image_url = {}});
  auto result = co_await std::move(op);
  const std::lock_guard lock(out->mutex);
  if (result) {
    out->results.emplace_back(room, std::nullopt);
  } else {
    out->results.emplace_back(room, result.error().code);
  }
}

struct registration_outcomes {
  std::mutex mutex;
  int created = 0;
  std::vector<store_errc> errors;
};

inline asio::awaitable<void> register_once(ports::store* s, int i,
                                           std::shared_ptr<registration_outcomes> out) {
  auto op = s->create_user(domain::new_user{.email = "same@example.com",
                                            .fullname = "Racer " + std::to_string(i),
                                            .password_hash = "$2b$10$hash",
                                            .avatar_url = {}});
  auto result = co_await std::move(op);
  const std::lock_guard lock(out->mutex);
  if (result) {
    ++out->created;
  } else {
    out->errors.push_back(result.error().code);
  }
}

}  // namespace chat::contract
