#pragma once
/// Messages (SPEC MSG-1..3, ROOM-2, GQL-6): `sendMessage` (with an image through the
/// upload store), `getMessagesForChatroom` (cursor pages, MSG-2), and the nested
/// `MessageEntity.user` / `.chatroom` (batched through the request's loaders).
///
/// Thread-safety: the bound resolvers may run concurrently (each on its request's
/// executor); the stores are thread-safe.

#include "graphql/execution/execute.hpp"
#include "ports/store.hpp"
#include "ports/upload_store.hpp"

namespace chat::api {

/// MSG-1: content is 1–4000 characters after trimming (unless an image is attached).
inline constexpr std::size_t k_message_max = 4000;
/// MSG-2: `take` is capped at this.
inline constexpr int k_page_max = 50;

void bind_message_resolvers(graphql::resolver_map& resolvers, ports::store& store,
                            ports::upload_store& uploads);

}  // namespace chat::api
