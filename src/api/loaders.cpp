#include "api/loaders.hpp"

#include <boost/asio/this_coro.hpp>

#include "graphql/execution/batch_loader.hpp"

namespace chat::api {

namespace {

template <class T>
using result = ports::store_result<T>;

/// One result per key from a store call that answers one per key, or the call's error
/// for every key (a store failure is a value here too: no exception crosses a loader).
template <class T, class Answer, class Make>
std::vector<std::optional<result<T>>> per_key(std::size_t keys, Answer& answer, Make make) {
  std::vector<std::optional<result<T>>> out;
  out.reserve(keys);
  for (std::size_t i = 0; i < keys; ++i) {
    if (!answer) {
      out.emplace_back(result<T>(answer.error()));
    } else {
      out.emplace_back(make(i));
    }
  }
  return out;
}

ports::store_error not_found() {
  return {ports::store_errc::not_found, {}};
}

}  // namespace

class request_loaders {
 public:
  request_loaders(boost::asio::any_io_executor ex, ports::store& store)
      : users(ex,
              [&store](std::vector<domain::user_id> ids)
                  -> boost::asio::awaitable<std::vector<std::optional<result<domain::user>>>> {
                const std::size_t n = ids.size();
                auto found = co_await store.users_by_ids(std::move(ids));
                co_return per_key<domain::user>(n, found, [&](std::size_t i) {
                  auto& user = (*found)[i];
                  return user ? result<domain::user>(std::move(*user))
                              : result<domain::user>(not_found());
                });
              }),
        rooms(ex,
              [&store](std::vector<domain::room_id> ids)
                  -> boost::asio::awaitable<std::vector<std::optional<result<domain::room>>>> {
                // Rooms are asked for one at a time by their messages, which share a room:
                // the loader's cache makes a page cost one lookup.
                std::vector<std::optional<result<domain::room>>> out;
                out.reserve(ids.size());
                for (const auto id : ids) {
                  auto found = co_await store.find_room(id);
                  if (!found) {
                    out.emplace_back(result<domain::room>(found.error()));
                  } else if (!*found) {
                    out.emplace_back(result<domain::room>(not_found()));
                  } else {
                    out.emplace_back(result<domain::room>(std::move(**found)));
                  }
                }
                co_return out;
              }),
        latest(ex,
               [&store](std::vector<domain::room_id> ids)
                   -> boost::asio::awaitable<
                       std::vector<std::optional<result<std::optional<domain::message>>>>> {
                 const std::size_t n = ids.size();
                 auto found = co_await store.latest_messages(std::move(ids));
                 co_return per_key<std::optional<domain::message>>(n, found, [&](std::size_t i) {
                   return result<std::optional<domain::message>>(std::move((*found)[i]));
                 });
               }),
        members(ex,
                [&store](std::vector<domain::room_id> ids)
                    -> boost::asio::awaitable<
                        std::vector<std::optional<result<std::vector<domain::user>>>>> {
                  const std::size_t n = ids.size();
                  auto found = co_await store.members_of_rooms(std::move(ids));
                  co_return per_key<std::vector<domain::user>>(n, found, [&](std::size_t i) {
                    return result<std::vector<domain::user>>(std::move((*found)[i]));
                  });
                }) {}

  graphql::batch_loader<domain::user_id, result<domain::user>> users;
  graphql::batch_loader<domain::room_id, result<domain::room>> rooms;
  graphql::batch_loader<domain::room_id, result<std::optional<domain::message>>> latest;
  graphql::batch_loader<domain::room_id, result<std::vector<domain::user>>> members;
};

namespace {

request_loaders& loaders_of(request_context& context, ports::store& store,
                            const boost::asio::any_io_executor& ex) {
  if (!context.loaders) context.loaders = std::make_shared<request_loaders>(ex, store);
  return *context.loaders;
}

template <class T>
result<T> value_or_unavailable(std::optional<result<T>> loaded) {
  if (!loaded) return result<T>(ports::store_error{ports::store_errc::unavailable, "no result"});
  return std::move(*loaded);
}

}  // namespace

boost::asio::awaitable<result<domain::user>> load_user(request_context& context,
                                                       ports::store& store, domain::user_id id) {
  auto ex = co_await boost::asio::this_coro::executor;
  auto loaded = co_await loaders_of(context, store, ex).users.load(id);
  co_return value_or_unavailable(std::move(loaded));
}

boost::asio::awaitable<result<domain::room>> load_room(request_context& context,
                                                       ports::store& store, domain::room_id id) {
  auto ex = co_await boost::asio::this_coro::executor;
  auto loaded = co_await loaders_of(context, store, ex).rooms.load(id);
  co_return value_or_unavailable(std::move(loaded));
}

boost::asio::awaitable<result<std::optional<domain::message>>> load_latest_message(
    request_context& context, ports::store& store, domain::room_id room) {
  auto ex = co_await boost::asio::this_coro::executor;
  auto loaded = co_await loaders_of(context, store, ex).latest.load(room);
  co_return value_or_unavailable(std::move(loaded));
}

boost::asio::awaitable<result<std::vector<domain::user>>> load_members(request_context& context,
                                                                       ports::store& store,
                                                                       domain::room_id room) {
  auto ex = co_await boost::asio::this_coro::executor;
  auto loaded = co_await loaders_of(context, store, ex).members.load(room);
  co_return value_or_unavailable(std::move(loaded));
}

void prime_room(request_context& context, ports::store& store, const domain::room& room) {
  if (!context.loaders) return;  // made lazily; nothing cached yet either
  (void)store;
  context.loaders->rooms.clear(room.id);
  context.loaders->rooms.prime(room.id, result<domain::room>(room));
}

void forget_room(request_context& context, domain::room_id room) {
  if (!context.loaders) return;
  context.loaders->rooms.clear(room);
  context.loaders->latest.clear(room);
  context.loaders->members.clear(room);
}

void forget_members(request_context& context, domain::room_id room) {
  if (!context.loaders) return;
  context.loaders->members.clear(room);
}

}  // namespace chat::api
