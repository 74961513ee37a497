// The /graphql endpoint before execution: schema, cache, limits and HTTP answers
// (SPEC GQL-2, GQL-4, GQL-5, HTTP-1, ERR-1).

#include "api/graphql_endpoint.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>

namespace chat::api {
namespace {

namespace gh = net::graphql_http;
namespace http = net::http;

class GraphqlEndpoint : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> errors;
    endpoint_ = graphql_endpoint::create(served_schema_sdl(), {}, errors);
    ASSERT_NE(endpoint_, nullptr) << (errors.empty() ? "" : errors.front());
  }

  graphql_http_result run(const gh::parsed_request& request, gh::media_type media) {
    boost::asio::io_context ioc;
    request_context context;
    auto future = boost::asio::co_spawn(
        ioc, [&]() { return endpoint_->run(request, media, context); }, boost::asio::use_future);
    ioc.run();
    return future.get();
  }

  graphql_http_result post(std::string query, gh::media_type media = gh::media_type::json,
                           std::optional<std::string> name = std::nullopt) {
    gh::parsed_request request;
    request.operations.push_back({std::move(query), std::move(name), {}, {}});
    return run(request, media);
  }

  static boost::json::object first_error(const graphql_http_result& result) {
    return boost::json::parse(result.body).at("errors").at(0).as_object();
  }

  std::unique_ptr<graphql_endpoint> endpoint_;
};

TEST_F(GraphqlEndpoint, Gql2TheServedSchemaBuildsWithItsRootTypes) {
  EXPECT_NE(endpoint_->schema().query_type(), nullptr);
  EXPECT_NE(endpoint_->schema().mutation_type(), nullptr);
  EXPECT_NE(endpoint_->schema().subscription_type(), nullptr);
}

TEST_F(GraphqlEndpoint, Err1ASyntaxErrorIsParseFailedWithItsLocation) {
  const auto result = post("{ hello ");
  EXPECT_EQ(result.status, http::status::ok);  // application/json: 200 with errors
  const auto error = first_error(result);
  EXPECT_EQ(error.at("extensions").at("code"), "GRAPHQL_PARSE_FAILED");
  EXPECT_EQ(error.at("message"), "Syntax Error: Expected Name, found <EOF>.");
  EXPECT_EQ(error.at("locations").at(0).at("column"), 9);
}

TEST_F(GraphqlEndpoint, Http1GraphqlResponseJsonAnswersInvalidDocumentsWith400) {
  const auto result = post("{ nope }", gh::media_type::graphql_response_json);
  EXPECT_EQ(result.status, http::status::bad_request);
  const auto error = first_error(result);
  EXPECT_EQ(error.at("extensions").at("code"), "GRAPHQL_VALIDATION_FAILED");
  EXPECT_EQ(error.at("message"), "Cannot query field \"nope\" on type \"Query\".");
  EXPECT_FALSE(boost::json::parse(result.body).as_object().contains("data"));
}

TEST_F(GraphqlEndpoint, Gql5RefusesADocumentDeeperThanTwelve) {
  std::string deep = "{ getChatroomById(chatroomId: 1) { users { id } } }";
  const auto ok = post(deep);
  EXPECT_NE(first_error(ok).at("extensions").at("code"), "GRAPHQL_VALIDATION_FAILED");
  // 13 nested selection sets: root, getMessagesForChatroom, edges, node, then
  // chatroom/messages alternating down to `id`.
  std::string query = "{ getMessagesForChatroom(chatroomId: 1) { edges { node {";
  for (int i = 0; i < 4; ++i)
    query += " chatroom { messages {";
  query += " chatroom { id }";
  for (int i = 0; i < 4; ++i)
    query += " } }";
  query += " } } } }";
  const auto error = first_error(post(query));
  EXPECT_EQ(error.at("extensions").at("code"), "GRAPHQL_VALIDATION_FAILED");
  EXPECT_NE(std::string(error.at("message").as_string()).find("exceeds the maximum of 12"),
            std::string::npos);
}

TEST_F(GraphqlEndpoint, HelloAnswersTheOldBackendsString) {
  const auto result = post("{ hello }");
  EXPECT_EQ(result.status, http::status::ok);
  EXPECT_EQ(result.body, R"({"data":{"hello":"hello brah! u mirin? "}})");
}

TEST_F(GraphqlEndpoint, RootFieldsOfLaterIssuesAnswerNotImplementedWithTheirPath) {
  const auto doc = boost::json::parse(post("{ findAllUsers { id } }").body);
  const auto& error = doc.at("errors").at(0);
  EXPECT_EQ(error.at("extensions").at("code"), "NOT_IMPLEMENTED");
  EXPECT_EQ(error.at("path").at(0), "findAllUsers");
  EXPECT_TRUE(doc.at("data").is_null());  // findAllUsers is non-null
}

TEST_F(GraphqlEndpoint, Gql1IntrospectionAndTypenameExecute) {
  const auto doc = boost::json::parse(post("{ __typename __schema { queryType { name } } }").body);
  EXPECT_EQ(doc.at("data").at("__typename"), "Query");
  EXPECT_EQ(doc.at("data").at("__schema").at("queryType").at("name"), "Query");
}

TEST_F(GraphqlEndpoint, Http1AVariableCoercionFailureIs400ForGraphqlResponseJson) {
  gh::parsed_request request;
  request.operations.push_back(
      {"query Q($id: Int!) { findUserById(id: $id) { id } }", std::nullopt, {}, {}});
  const auto result = run(request, gh::media_type::graphql_response_json);
  EXPECT_EQ(result.status, http::status::bad_request);
  EXPECT_EQ(first_error(result).at("extensions").at("code"), "BAD_USER_INPUT");
}

TEST_F(GraphqlEndpoint, Gql4CachesPreparedDocuments) {
  post("{ hello }");
  post("{ hello }");
  EXPECT_EQ(endpoint_->cache().misses(), 1U);
  EXPECT_EQ(endpoint_->cache().hits(), 1U);
}

TEST_F(GraphqlEndpoint, SelectsTheOperationByNameLikeGraphqlJs) {
  const std::string two = "query A { hello } query B { hello }";
  EXPECT_EQ(first_error(post(two)).at("message"),
            "Must provide operation name if query contains multiple operations.");
  EXPECT_EQ(first_error(post(two, gh::media_type::json, "C")).at("message"),
            "Unknown operation named \"C\".");
  EXPECT_EQ(boost::json::parse(post(two, gh::media_type::json, "B").body).at("data").at("hello"),
            "hello brah! u mirin? ");
}

TEST_F(GraphqlEndpoint, Http1AMutationByGetIs405) {
  gh::parsed_request request;
  request.from_get = true;
  request.operations.push_back({"mutation { logout }", std::nullopt, {}, {}});
  const auto result = run(request, gh::media_type::json);
  EXPECT_EQ(result.status, http::status::method_not_allowed);
  EXPECT_EQ(result.allow, "POST");  // RFC 9110: a 405 names the methods that work
  EXPECT_EQ(first_error(result).at("message"),
            "Can only perform a mutation operation from a POST request.");
}

TEST_F(GraphqlEndpoint, Http1ABatchAnswersAnArrayInOrder) {
  gh::parsed_request request;
  request.batched = true;
  request.operations.push_back({"{ nope }", std::nullopt, {}, {}});
  request.operations.push_back({"{ hello", std::nullopt, {}, {}});
  const auto result = run(request, gh::media_type::graphql_response_json);
  const auto doc = boost::json::parse(result.body).as_array();
  ASSERT_EQ(doc.size(), 2U);
  EXPECT_EQ(doc[0].at("errors").at(0).at("extensions").at("code"), "GRAPHQL_VALIDATION_FAILED");
  EXPECT_EQ(doc[1].at("errors").at(0).at("extensions").at("code"), "GRAPHQL_PARSE_FAILED");
}

}  // namespace
}  // namespace chat::api

namespace chat::api {
namespace {

TEST_F(GraphqlEndpoint, Http1ASubscriptionOverHttpIsARequestError) {
  const char* query = "subscription { newMessage(chatroomId: 1) { cursor } }";
  const auto strict = post(query, gh::media_type::graphql_response_json);
  EXPECT_EQ(strict.status, http::status::bad_request);
  EXPECT_EQ(post(query).status, http::status::ok);  // application/json: 200 with errors
  const auto error = first_error(strict);
  EXPECT_EQ(error.at("message"),
            "Subscriptions are not served over HTTP; subscribe over WebSocket at /graphql.");
  EXPECT_EQ(error.at("extensions").at("code"), "BAD_REQUEST");
  EXPECT_FALSE(boost::json::parse(strict.body).as_object().contains("data"));
}

TEST_F(GraphqlEndpoint, Gql3DateTimeAndUploadAreTheCustomScalars) {
  // An Upload literal is refused by validation (graphql-upload's message).
  const auto upload =
      first_error(post("mutation { updateUserProfile(file: \"x.png\", fullname: \"A\") { id } }"));
  EXPECT_EQ(upload.at("extensions").at("code"), "GRAPHQL_VALIDATION_FAILED");
  EXPECT_NE(std::string_view(upload.at("message").as_string()).find("Upload literal unsupported."),
            std::string_view::npos)
      << upload.at("message");
}

}  // namespace
}  // namespace chat::api

namespace chat::api {
namespace {

TEST_F(GraphqlEndpoint, Gql5LimitsNeverHideGraphqlJsFirstError) {
  // The cycle makes the root-field count pass 20; graphql-js reports the cycle.
  const auto cycle = first_error(post("{ ...A } fragment A on Query { hello ...A }"));
  EXPECT_EQ(cycle.at("message"), "Cannot spread fragment \"A\" within itself.");
  // A document graphql-js accepts still meets the limits.
  std::string wide = "{";
  for (int i = 0; i < 21; ++i)
    wide += " a" + std::to_string(i) + ": hello";
  wide += " }";
  const auto limit = first_error(post(wide));
  EXPECT_EQ(limit.at("extensions").at("code"), "GRAPHQL_VALIDATION_FAILED");
  EXPECT_NE(std::string_view(limit.at("message").as_string()).find("21 root fields"),
            std::string_view::npos)
      << limit.at("message");
}

}  // namespace
}  // namespace chat::api
