#pragma once
/// The user queries and the profile mutation (SPEC AUTH-7, AUTH-8, MSG-3, HTTP-2):
/// `findUserById`, `findAllUsers`, `searchUsers` and `updateUserProfile`, each for a
/// signed-in user only; `UserEntity.password` is always null.
///
/// Thread-safety: the bound resolvers may run concurrently (each on its request's
/// executor); the store and the upload store are thread-safe.

#include "graphql/execution/execute.hpp"
#include "ports/store.hpp"
#include "ports/upload_store.hpp"

namespace chat::api {

/// AUTH-8: `searchUsers` answers at most this many users.
inline constexpr int k_user_search_limit = 50;

void bind_user_resolvers(graphql::resolver_map& resolvers, ports::store& store,
                         ports::upload_store& uploads);

}  // namespace chat::api
