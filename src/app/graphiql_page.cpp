#include "app/graphiql_page.hpp"

#include <array>
#include <boost/url/parse.hpp>
#include <cctype>

#include "app/graphiql_assets.hpp"

namespace chat::app {

namespace {

// Every URL is relative to this server. The fetcher sends cookies (`credentials:
// 'include'`) and `apollo-require-preflight`, which the CSRF prevention (HTTP-3) asks of
// requests a browser could send cross-site; subscriptions use graphql-ws on the same
// host. `data:,` as the icon keeps the browser from asking for /favicon.ico.
constexpr std::string_view k_page = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Futbol Chat - GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<style>
html, body { height: 100%; margin: 0; overflow: hidden; }
#graphiql { height: 100vh; }
</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL...</div>
<noscript>GraphiQL needs JavaScript.</noscript>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script>
(function () {
  'use strict';
  var wsScheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  var fetcher = GraphiQL.createFetcher({
    url: '/graphql',
    subscriptionUrl: wsScheme + '//' + location.host + '/graphql',
    headers: { 'apollo-require-preflight': 'true' },
    fetch: function (input, init) {
      return window.fetch(input, Object.assign({}, init, { credentials: 'include' }));
    }
  });
  var defaultQuery =
    '# Futbol Chat GraphQL API\n' +
    '#\n' +
    '# Requests go to /graphql on this server,\n' +
    '# with your cookies; subscriptions use a\n' +
    '# WebSocket to the same address.\n' +
    '\n' +
    'query Hello {\n' +
    '  hello\n' +
    '}\n';
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: true
    })
  );
})();
</script>
</body>
</html>
)html";

std::string_view content_type_of(std::string_view path) noexcept {
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  return "text/javascript; charset=utf-8";
}

}  // namespace

std::string_view graphiql_html() noexcept {
  return k_page;
}

std::optional<asset> graphiql_asset(std::string_view path) noexcept {
  for (const auto& file : detail::graphiql_embedded_files()) {
    if (file.path == path) return asset{content_type_of(path), file.bytes};
  }
  return std::nullopt;
}

std::span<const std::string_view> graphiql_asset_paths() noexcept {
  static const auto k_paths = [] {
    std::array<std::string_view, detail::k_embedded_file_count> paths{};
    const auto files = detail::graphiql_embedded_files();
    for (std::size_t i = 0; i < paths.size(); ++i)
      paths[i] = files[i].path;
    return paths;
  }();
  return k_paths;
}

bool wants_graphiql(std::string_view target, std::string_view accept) noexcept {
  constexpr std::string_view k_html = "text/html";
  bool html = false;
  for (std::size_t i = 0; !html && i + k_html.size() <= accept.size(); ++i) {
    html = true;
    for (std::size_t j = 0; html && j < k_html.size(); ++j) {
      html = std::tolower(static_cast<unsigned char>(accept[i + j])) == k_html[j];
    }
  }
  if (!html) return false;
  const auto url = boost::urls::parse_origin_form(target);
  // A target that does not parse is left to the GraphQL side, which explains the error.
  return url && !url->encoded_params().contains("query");
}

}  // namespace chat::app
