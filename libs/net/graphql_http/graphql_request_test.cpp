// GraphQL over HTTP request handling (SPEC HTTP-1, HTTP-3).

#include "net/graphql_http/graphql_request.hpp"

#include <gtest/gtest.h>

namespace chat::net::graphql_http {
namespace {

http_request post(std::string body, std::string_view content_type = "application/json") {
  http_request request{http::verb::post, "/graphql", 11};
  if (!content_type.empty()) request.set(http::field::content_type, content_type);
  request.body() = std::move(body);
  return request;
}

http_request get(std::string target) {
  return http_request{http::verb::get, target, 11};
}

parsed_request ok(std::variant<parsed_request, request_error> result) {
  if (const auto* error = std::get_if<request_error>(&result)) {
    ADD_FAILURE() << "refused: " << error->message;
    return {};
  }
  return std::get<parsed_request>(std::move(result));
}

request_error refused(const std::variant<parsed_request, request_error>& result) {
  if (const auto* error = std::get_if<request_error>(&result)) return *error;
  ADD_FAILURE() << "accepted";
  return {};
}

TEST(ParseRequest, Http1ReadsAPostBodyWithAllFourMembers) {
  const auto request = ok(parse_request(post(
      R"({"query":"query Q($a:Int){a}","operationName":"Q","variables":{"a":1},"extensions":{"x":true}})")));
  ASSERT_EQ(request.operations.size(), 1U);
  const auto& op = request.operations[0];
  EXPECT_EQ(op.query, "query Q($a:Int){a}");
  EXPECT_EQ(op.operation_name, "Q");
  EXPECT_EQ(op.variables.at("a"), 1);
  EXPECT_EQ(op.extensions.at("x"), true);
  EXPECT_FALSE(request.batched);
  EXPECT_FALSE(request.from_get);
}

TEST(ParseRequest, Http1NullOperationNameVariablesAndExtensionsAreAllowed) {
  const auto request = ok(parse_request(
      post(R"({"query":"{a}","operationName":null,"variables":null,"extensions":null})")));
  EXPECT_FALSE(request.operations.at(0).operation_name.has_value());
  EXPECT_TRUE(request.operations.at(0).variables.empty());
}

TEST(ParseRequest, Http1RefusesMissingOrNonStringQueryWith400) {
  for (const auto* body : {R"({})", R"({"query":""})", R"({"query":{}})", R"({"query":1})",
                           R"({"query":true})", R"({"query":["{a}"]})"}) {
    EXPECT_EQ(refused(parse_request(post(body))).status, http::status::bad_request) << body;
  }
}

TEST(ParseRequest, Http1RefusesWronglyTypedMembersWith400) {
  for (const auto* body :
       {R"({"query":"{a}","operationName":1})", R"({"query":"{a}","variables":"x"})",
        R"({"query":"{a}","variables":[1]})", R"({"query":"{a}","extensions":7})"}) {
    EXPECT_EQ(refused(parse_request(post(body))).status, http::status::bad_request) << body;
  }
}

TEST(ParseRequest, Http1RefusesInvalidJsonAndEmptyBodiesWith400) {
  EXPECT_EQ(refused(parse_request(post("{"))).status, http::status::bad_request);
  EXPECT_EQ(refused(parse_request(post(""))).status, http::status::bad_request);
  EXPECT_EQ(refused(parse_request(post("   "))).status, http::status::bad_request);
  EXPECT_EQ(refused(parse_request(post("42"))).status, http::status::bad_request);
}

TEST(ParseRequest, Http1RefusesOtherContentTypesAndCharsetsWith415) {
  EXPECT_EQ(refused(parse_request(post(R"({"query":"{a}"})", "text/plain"))).status,
            http::status::unsupported_media_type);
  EXPECT_EQ(
      refused(parse_request(post(R"({"query":"{a}"})", "application/json; charset=latin1"))).status,
      http::status::unsupported_media_type);
  ok(parse_request(post(R"({"query":"{a}"})", "Application/JSON; Charset=\"UTF-8\"")));
}

TEST(ParseRequest, Http1AcceptsABatchOfUpToSixteenOperations) {
  std::string batch = "[";
  for (int i = 0; i < 16; ++i)
    batch += std::string(i ? "," : "") + R"({"query":"{a}"})";
  const auto request = ok(parse_request(post(batch + "]")));
  EXPECT_TRUE(request.batched);
  EXPECT_EQ(request.operations.size(), 16U);
  EXPECT_EQ(refused(parse_request(post(batch + R"(,{"query":"{a}"}])"))).status,
            http::status::bad_request);
  EXPECT_EQ(refused(parse_request(post("[]"))).status, http::status::bad_request);
  EXPECT_EQ(refused(parse_request(post(R"([{"query":"{a}"},{}])"))).status,
            http::status::bad_request);
}

TEST(ParseRequest, Http1ReadsAGetQueryStringWithJsonVariables) {
  const auto request = ok(parse_request(get(
      "/graphql?query=query+Q(%24a%3AInt)%7Ba%7D&operationName=Q&variables=%7B%22a%22%3A2%7D")));
  EXPECT_TRUE(request.from_get);
  const auto& op = request.operations.at(0);
  EXPECT_EQ(op.query, "query Q($a:Int){a}");
  EXPECT_EQ(op.operation_name, "Q");
  EXPECT_EQ(op.variables.at("a"), 2);
}

TEST(ParseRequest, Http1RefusesAGetWithoutQueryOrWithBadVariables) {
  EXPECT_EQ(refused(parse_request(get("/graphql"))).status, http::status::bad_request);
  EXPECT_EQ(refused(parse_request(get("/graphql?query={a}&variables={"))).status,
            http::status::bad_request);
}

TEST(ParseRequest, Http1OtherMethodsAre405WithAllow) {
  http_request request{http::verb::put, "/graphql", 11};
  const auto error = refused(parse_request(request));
  EXPECT_EQ(error.status, http::status::method_not_allowed);
  EXPECT_EQ(error.allow, "GET, POST, OPTIONS");
}

TEST(CheckCsrf, Http3BlocksSimpleRequestsWithoutAPreflightHeader) {
  EXPECT_TRUE(check_csrf(post("{}", "")).has_value());
  EXPECT_TRUE(check_csrf(post("{}", "text/plain")).has_value());
  EXPECT_TRUE(check_csrf(post("{}", "application/x-www-form-urlencoded")).has_value());
  EXPECT_TRUE(check_csrf(post("{}", "multipart/form-data; boundary=x")).has_value());
  EXPECT_TRUE(check_csrf(get("/graphql?query={a}")).has_value());
}

TEST(CheckCsrf, Http3LetsThroughPreflightedTypesAndRequestsWithTheHeader) {
  EXPECT_FALSE(check_csrf(post("{}", "application/json")).has_value());
  auto upload = post("{}", "multipart/form-data; boundary=x");
  upload.set("apollo-require-preflight", "true");
  EXPECT_FALSE(check_csrf(upload).has_value());
  auto named = get("/graphql?query={a}");
  named.set("x-apollo-operation-name", "Q");
  EXPECT_FALSE(check_csrf(named).has_value());
  auto empty_header = get("/graphql?query={a}");
  empty_header.set("apollo-require-preflight", "");
  EXPECT_TRUE(check_csrf(empty_header).has_value());
}

TEST(Negotiate, Http1DefaultsToJsonAndHonoursGraphqlResponseJson) {
  EXPECT_EQ(negotiate(""), media_type::json);
  EXPECT_EQ(negotiate("*/*"), media_type::json);
  EXPECT_EQ(negotiate("application/json"), media_type::json);
  EXPECT_EQ(negotiate("application/graphql-response+json"), media_type::graphql_response_json);
  EXPECT_EQ(negotiate("application/graphql-response+json, application/json;q=0.9"),
            media_type::graphql_response_json);
  EXPECT_EQ(negotiate("application/json, application/graphql-response+json;q=0.5"),
            media_type::json);
  EXPECT_EQ(negotiate("text/html, */*;q=0.8"), media_type::json);
  EXPECT_FALSE(negotiate("text/html").has_value());
  EXPECT_FALSE(negotiate("application/json;q=0").has_value());
}

}  // namespace
}  // namespace chat::net::graphql_http
