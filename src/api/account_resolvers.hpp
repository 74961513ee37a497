#pragma once
/// The account mutations (SPEC AUTH-1..5): `register`, `login`, `logout` and
/// `refreshToken`, over `auth::account_service`, with the session cookies they set or
/// clear (AUTH-3: `access_token` and `refresh_token`, HttpOnly, SameSite=Strict, Path=/,
/// Secure in production).
///
/// Thread-safety: the bound resolvers may run concurrently (each on its request's
/// executor); the service is thread-safe.

#include "auth/account_service.hpp"
#include "graphql/execution/execute.hpp"

namespace chat::api {

struct cookie_policy {
  bool secure = false;  // AUTH-3: production sends cookies over HTTPS only
};

void bind_account_resolvers(graphql::resolver_map& resolvers, auth::account_service& accounts,
                            cookie_policy cookies);

/// The names of the session cookies (AUTH-3).
inline constexpr std::string_view k_access_cookie = "access_token";
inline constexpr std::string_view k_refresh_cookie = "refresh_token";

}  // namespace chat::api
