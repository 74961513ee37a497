// CORS policy (SPEC HTTP-4) and the origin check used for WebSocket upgrades (WS-2).

#include "net/cors.hpp"

#include <gtest/gtest.h>

namespace chat::net {
namespace {

http_request request_from(std::string_view origin, http::verb method = http::verb::post) {
  http_request request{method, "/graphql", 11};
  if (!origin.empty()) request.set(http::field::origin, origin);
  return request;
}

TEST(CorsPolicy, Http4AllowsListedOriginsCaseInsensitivelyAndNothingElse) {
  const cors_policy policy({"http://localhost:5173", "https://Chat.Example.com"});
  EXPECT_TRUE(policy.origin_allowed("http://localhost:5173"));
  EXPECT_TRUE(policy.origin_allowed("https://chat.example.com"));
  EXPECT_FALSE(policy.origin_allowed("http://localhost:5174"));
  EXPECT_FALSE(policy.origin_allowed("https://localhost:5173"));
  EXPECT_FALSE(policy.origin_allowed("http://localhost:5173.evil.com"));
  EXPECT_FALSE(policy.origin_allowed(""));
  EXPECT_FALSE(policy.origin_allowed("null"));
}

TEST(CorsPolicy, Http4EchoesAnAllowedOriginWithCredentials) {
  const cors_policy policy({"http://localhost:5173"});
  http_response response{http::status::ok, 11};
  policy.apply(request_from("http://localhost:5173"), response);
  EXPECT_EQ(response[http::field::access_control_allow_origin], "http://localhost:5173");
  EXPECT_EQ(response[http::field::access_control_allow_credentials], "true");
  EXPECT_EQ(response[http::field::vary], "Origin");
}

TEST(CorsPolicy, Http4AddsNoAllowHeadersForAForeignOriginButStillVaries) {
  const cors_policy policy({"http://localhost:5173"});
  http_response response{http::status::ok, 11};
  policy.apply(request_from("https://evil.example"), response);
  EXPECT_TRUE(response[http::field::access_control_allow_origin].empty());
  EXPECT_EQ(response[http::field::vary], "Origin");
}

TEST(CorsPolicy, Http4StarAllowsEveryOriginByEchoingIt) {
  const cors_policy policy({"*"});
  http_response response{http::status::ok, 11};
  policy.apply(request_from("https://anything.example"), response);
  EXPECT_EQ(response[http::field::access_control_allow_origin], "https://anything.example");
}

TEST(CorsPolicy, Http4AnswersAPreflightWithMethodsAndHeaders) {
  const cors_policy policy({"http://localhost:5173"});
  auto request = request_from("http://localhost:5173", http::verb::options);
  request.set(http::field::access_control_request_method, "POST");
  const auto response = policy.preflight(request);
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result(), http::status::no_content);
  EXPECT_EQ((*response)[http::field::access_control_allow_methods], "GET, POST, OPTIONS");
  const auto headers = std::string((*response)[http::field::access_control_allow_headers]);
  for (const auto* wanted :
       {"Content-Type", "Authorization", "Accept", "X-Requested-With", "x-apollo-operation-name",
        "apollo-require-preflight", "x-correlation-id"}) {
    EXPECT_NE(headers.find(wanted), std::string::npos) << wanted;
  }
}

TEST(CorsPolicy, Http4RefusesAPreflightFromAForeignOriginWithoutAllowHeaders) {
  const cors_policy policy({"http://localhost:5173"});
  auto request = request_from("https://evil.example", http::verb::options);
  request.set(http::field::access_control_request_method, "POST");
  const auto response = policy.preflight(request);
  ASSERT_TRUE(response.has_value());
  EXPECT_TRUE((*response)[http::field::access_control_allow_origin].empty());
}

TEST(CorsPolicy, PlainOptionsWithoutPreflightHeadersIsNotAPreflight) {
  const cors_policy policy({"http://localhost:5173"});
  EXPECT_FALSE(policy.preflight(request_from("http://localhost:5173", http::verb::options)));
  EXPECT_FALSE(policy.preflight(request_from("", http::verb::options)));
}

}  // namespace
}  // namespace chat::net
