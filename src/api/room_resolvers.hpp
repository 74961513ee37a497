#pragma once
/// Chatrooms (SPEC ROOM-1..4, GQL-6): `createChatroom`, `addUsersToChatroom`,
/// `deleteChatroom`, `getChatroomById`, `getChatroomsForUser`, `getChatroomsForSearch`,
/// `getUsersOfChatroom`, ROOM-5's `removeUsersFromChatroom` and `updateChatroom`, and the
/// nested `ChatroomEntity.users` / `.messages` (batched
/// through the request's loaders). Every field that takes a room applies ROOM-2.
///
/// Thread-safety: the bound resolvers may run concurrently (each on its request's
/// executor); the store is thread-safe.

#include "graphql/execution/execute.hpp"
#include "ports/store.hpp"

namespace chat::api {

void bind_room_resolvers(graphql::resolver_map& resolvers, ports::store& store);

}  // namespace chat::api
