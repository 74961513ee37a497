#pragma once
/// The GraphiQL explorer served at `GET /graphql` to browsers (SPEC HTTP-5). Its files
/// come from the npm `graphiql`, `react` and `react-dom` packages (web/graphiql) and
/// are compiled into chatd at build time, so the page works with no other host
/// reachable: every URL it loads is on this server.
///
/// Thread-safety: pure functions over constant data.

#include <optional>
#include <span>
#include <string_view>

namespace chat::app {

/// One embedded file: its Content-Type and its bytes (static storage, never freed).
struct asset {
  std::string_view content_type;
  std::string_view bytes;
};

/// The HTML page: loads the assets from `/graphiql/<name>` and renders GraphiQL against
/// `/graphql` (cookies included, `apollo-require-preflight` set, subscriptions over
/// `ws(s)://<host>/graphql`).
std::string_view graphiql_html() noexcept;

/// The asset at a request path such as `/graphiql/graphiql.min.js`; nullopt for any
/// other path.
std::optional<asset> graphiql_asset(std::string_view path) noexcept;

/// The request paths of every asset, in the order the page loads them.
std::span<const std::string_view> graphiql_asset_paths() noexcept;

/// Whether a `GET /graphql` is a browser asking for the explorer: its `Accept` header
/// mentions `text/html` and its query string has no `query` parameter (a GraphQL
/// request by GET always has one).
bool wants_graphiql(std::string_view target, std::string_view accept) noexcept;

}  // namespace chat::app
