#pragma once
/// What the room and message resolvers share (SPEC ROOM-2, ROOM-4, MSG-1, MSG-2): the
/// access rule for a room, and the JSON a room or a message is answered with. Nested
/// fields (`ChatroomEntity.users`, `.messages`, `MessageEntity.user`, `.chatroom`) are
/// resolved by their own resolvers through the request's loaders (GQL-6); the JSON
/// carries the ids they need.
///
/// Thread-safety: pure functions, or coroutines over one request's state.

#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <variant>

#include "api/request_context.hpp"
#include "graphql/execution/execute.hpp"
#include "ports/store.hpp"

namespace chat::api {

/// Who asks about which room: the start of every operation that takes a `chatroomId`.
struct room_call {
  domain::user_id user = 0;
  domain::room_id room = 0;
};

/// The signed-in caller (else `UNAUTHENTICATED`, ERR-2) and the whole-number
/// `chatroomId` argument (else `BAD_REQUEST`, GQL-3), in that order.
std::variant<room_call, graphql::field_error> room_call_of(const graphql::resolve_info& info);

/// ROOM-2's answers.
graphql::field_error room_not_found();
graphql::field_error room_forbidden();

/// ROOM-2: the room, when `user` may read it (a PUBLIC room: any signed-in user; a
/// PRIVATE room: its members); else `NOT_FOUND` "Chatroom not found" or `FORBIDDEN`
/// "You do not have access to this chatroom".
boost::asio::awaitable<std::variant<domain::room, graphql::field_error>> readable_room(
    request_context& context, ports::store& store, domain::room_id room, domain::user_id user);

/// The room when `user` is one of its members (ROOM-3, ROOM-5): `FORBIDDEN` otherwise
/// (and `NOT_FOUND` for a missing room).
boost::asio::awaitable<std::variant<domain::room, graphql::field_error>> room_of_member(
    request_context& context, ports::store& store, domain::room_id room, domain::user_id user);

/// `ChatroomEntity` without its nested lists: id, name, access, adminId, description,
/// colorHex, image (absolute when stored here), createdAt, updatedAt.
boost::json::value room_json(const domain::room& room, const request_context& context);

/// `MessageEntity` without its nested objects: id, content, imageUrl (absolute),
/// createdAt, updatedAt, and `authorId` and `chatroomId` for the nested resolvers.
boost::json::value message_json(const domain::message& message, const request_context& context);

/// `MessageEdge { cursor: id, node }`.
boost::json::value message_edge_json(const domain::message& message,
                                     const request_context& context);

/// A DateTime value (GQL-3: ISO-8601 UTC with milliseconds).
boost::json::value date_time_json(domain::timestamp t);

}  // namespace chat::api
