#pragma once
/// Per-request batched lookups (SPEC GQL-6): the nested fields of a result ask for the
/// entities they show through these, so the authors of a page of 50 messages cost one
/// `users_by_ids` round trip, the rooms' latest messages one `latest_messages`, and a
/// room asked for by many messages one lookup. Each lookup is cached for the request.
///
/// The `batch_loader` templates are instantiated in loaders.cpp only (one translation
/// unit keeps the build fast); callers see plain coroutines.
///
/// Thread-safety: one request's loaders are used by that request's execution only (one
/// executor).

#include <boost/asio/awaitable.hpp>
#include <memory>
#include <vector>

#include "api/request_context.hpp"
#include "ports/store.hpp"

namespace chat::api {

class request_loaders;

/// The user `id` (`not_found` when there is none).
boost::asio::awaitable<ports::store_result<domain::user>> load_user(request_context& context,
                                                                    ports::store& store,
                                                                    domain::user_id id);
/// The room `id` (`not_found` when there is none).
boost::asio::awaitable<ports::store_result<domain::room>> load_room(request_context& context,
                                                                    ports::store& store,
                                                                    domain::room_id id);
/// The room's newest message, or none (ROOM-4 `ChatroomEntity.messages`).
boost::asio::awaitable<ports::store_result<std::optional<domain::message>>> load_latest_message(
    request_context& context, ports::store& store, domain::room_id room);
/// The room's members, most recently joined first (ROOM-4).
boost::asio::awaitable<ports::store_result<std::vector<domain::user>>> load_members(
    request_context& context, ports::store& store, domain::room_id room);

/// Tells the loaders a value the request already has (a user just updated, a room just
/// created), or that one changed (`forget_*`).
void prime_room(request_context& context, ports::store& store, const domain::room& room);
void forget_room(request_context& context, domain::room_id room);
void forget_members(request_context& context, domain::room_id room);

}  // namespace chat::api
