// Tests of the GraphiQL explorer's page and embedded files (SPEC HTTP-5).

#include "app/graphiql_page.hpp"

#include <gtest/gtest.h>

#include <string>

namespace chat::app {
namespace {

struct expected_file {
  std::string_view path;
  std::string_view content_type;
  std::string_view starts_with;  // what the npm package's file starts with
  std::size_t min_size;
};

constexpr std::string_view k_js = "text/javascript; charset=utf-8";
constexpr std::string_view k_css = "text/css; charset=utf-8";

const expected_file k_expected[] = {
    {"/graphiql/graphiql.min.css", k_css, "/*!****", 100'000},
    {"/graphiql/react.production.min.js", k_js,
     "/**\n * @license React\n * react.production.min.js", 5'000},
    {"/graphiql/react-dom.production.min.js", k_js,
     "/**\n * @license React\n * react-dom.production.min.js", 50'000},
    {"/graphiql/graphiql.min.js", k_js, "/******/ (function() { // webpackBootstrap", 1'000'000},
};

TEST(GraphiqlPage, EveryAssetIsEmbeddedWhole) {
  ASSERT_EQ(graphiql_asset_paths().size(), std::size(k_expected));
  for (const auto& expected : k_expected) {
    SCOPED_TRACE(expected.path);
    const auto file = graphiql_asset(expected.path);
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ(file->content_type, expected.content_type);
    EXPECT_GE(file->bytes.size(), expected.min_size);
    EXPECT_TRUE(file->bytes.starts_with(expected.starts_with))
        << "starts with: " << file->bytes.substr(0, 80);
    EXPECT_EQ(file->bytes.find('\0'), std::string_view::npos);  // text, nothing appended
  }
}

TEST(GraphiqlPage, ScriptsEndAsTheirPackagesShipThem) {
  // The whole file is there: GraphiQL's bundle ends by setting its global.
  const auto graphiql = graphiql_asset("/graphiql/graphiql.min.js");
  ASSERT_TRUE(graphiql.has_value());
  EXPECT_NE(graphiql->bytes.rfind("window.GraphiQL = "), std::string_view::npos);
  EXPECT_NE(graphiql->bytes.find("module.exports = window[\"React\"]"), std::string_view::npos);
  EXPECT_NE(graphiql->bytes.find("module.exports = window[\"ReactDOM\"]"), std::string_view::npos);
}

TEST(GraphiqlPage, UnknownPathsHaveNoAsset) {
  for (const std::string_view path :
       {"", "/", "/graphiql", "/graphiql/", "/graphiql/nope.js", "/graphiql/graphiql.min.js.map",
        "graphiql.min.js", "/graphiql.min.js", "/graphiql/../graphiql/graphiql.min.js",
        "/GRAPHIQL/graphiql.min.js", "/graphiql/graphiql.min.js/", "/graphiql/graphiql.min.jsx"}) {
    EXPECT_FALSE(graphiql_asset(path).has_value()) << path;
  }
}

TEST(GraphiqlPage, PageLoadsEveryAssetFromThisServerAndNoOtherHost) {
  const std::string page(graphiql_html());
  EXPECT_TRUE(page.starts_with("<!doctype html>"));
  for (const auto path : graphiql_asset_paths()) {
    EXPECT_NE(page.find("\"" + std::string(path) + "\""), std::string::npos) << path;
  }
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_EQ(page.find("//unpkg"), std::string::npos);
  EXPECT_EQ(page.find("src=\"//"), std::string::npos);
  EXPECT_EQ(page.find("href=\"//"), std::string::npos);
}

TEST(GraphiqlPage, PageTalksToGraphqlWithCookiesAndThePreflightHeader) {
  const auto page = graphiql_html();
  EXPECT_NE(page.find("GraphiQL.createFetcher("), std::string_view::npos);
  EXPECT_NE(page.find("url: '/graphql'"), std::string_view::npos);
  EXPECT_NE(page.find("'apollo-require-preflight': 'true'"), std::string_view::npos);
  EXPECT_NE(page.find("credentials: 'include'"), std::string_view::npos);
  EXPECT_NE(page.find("subscriptionUrl: wsScheme + '//' + location.host + '/graphql'"),
            std::string_view::npos);
  EXPECT_NE(page.find("ReactDOM.createRoot("), std::string_view::npos);
}

TEST(GraphiqlPage, OnlyBrowsersAskingForHtmlWithoutAQueryGetThePage) {
  constexpr std::string_view k_browser =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
  EXPECT_TRUE(wants_graphiql("/graphql", k_browser));
  EXPECT_TRUE(wants_graphiql("/graphql?", k_browser));
  EXPECT_TRUE(wants_graphiql("/graphql?foo=bar", k_browser));
  EXPECT_TRUE(wants_graphiql("/graphql", "TEXT/HTML"));
  EXPECT_FALSE(wants_graphiql("/graphql?query={hello}", k_browser));
  EXPECT_FALSE(wants_graphiql("/graphql?operationName=A&query=query%20A{hello}", k_browser));
  EXPECT_FALSE(wants_graphiql("/graphql?%71uery={hello}", k_browser));  // %71 is 'q'
  EXPECT_FALSE(wants_graphiql("/graphql?query", k_browser));
  EXPECT_FALSE(wants_graphiql("/graphql", ""));
  EXPECT_FALSE(wants_graphiql("/graphql", "*/*"));
  EXPECT_FALSE(wants_graphiql("/graphql", "application/json"));
  EXPECT_FALSE(wants_graphiql("/graphql", "application/graphql-response+json, application/json"));
  EXPECT_FALSE(wants_graphiql("/graphql?a=%zz", k_browser));  // malformed: the API answers
}

}  // namespace
}  // namespace chat::app
