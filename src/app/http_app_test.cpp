// Tests of the application's HTTP routes (SPEC HTTP-5, ERR-1, OBS-4).

#include "app/http_app.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>

namespace chat::app {
namespace {

namespace http = net::http;

class HttpApp : public ::testing::Test {
 protected:
  net::http_response call(http::verb method, std::string target) {
    return call(net::http_request{method, target, 11});
  }
  net::http_response call(net::http_request request) {
    net::request_info info;
    info.correlation_id = "test-cid";
    auto future = boost::asio::co_spawn(
        ioc_, [&]() { return app_.handle(request, info); }, boost::asio::use_future);
    ioc_.run();
    ioc_.restart();
    return future.get();
  }

  static std::unique_ptr<api::graphql_endpoint> make_endpoint() {
    std::vector<std::string> errors;
    return api::graphql_endpoint::create(api::served_schema_sdl(), {}, errors);
  }

  obs::metrics_registry metrics_;
  bool database_up_ = true;
  std::unique_ptr<api::graphql_endpoint> endpoint_ = make_endpoint();
  http_app app_{
      metrics_,
      {{"database", [this] { return database_up_ ? std::string() : "connection refused"; }}},
      net::cors_policy({"http://localhost:5173"}),
      *endpoint_};
  boost::asio::io_context ioc_;
};

TEST_F(HttpApp, Http5HealthzAnswersOkAsJson) {
  const auto response = call(http::verb::get, "/healthz");
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response[http::field::content_type], "application/json");
  EXPECT_EQ(response.body(), R"({"status":"ok"})");
}

TEST_F(HttpApp, Http5ReadyzReportsEachCheckAndTurns503WhenOneIsDown) {
  auto response = call(http::verb::get, "/readyz");
  EXPECT_EQ(response.result(), http::status::ok);
  auto doc = boost::json::parse(response.body()).as_object();
  EXPECT_EQ(doc["status"], "ready");
  EXPECT_EQ(doc["checks"].as_object()["database"].as_object()["status"], "up");

  database_up_ = false;
  response = call(http::verb::get, "/readyz");
  EXPECT_EQ(response.result(), http::status::service_unavailable);
  doc = boost::json::parse(response.body()).as_object();
  EXPECT_EQ(doc["status"], "not ready");
  EXPECT_EQ(doc["checks"].as_object()["database"].as_object()["error"], "connection refused");
}

TEST_F(HttpApp, HeadGetsTheLengthOfGetWithoutABody) {
  const auto response = call(http::verb::head, "/healthz");
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_TRUE(response.body().empty());
  EXPECT_EQ(response[http::field::content_length], "15");
}

TEST_F(HttpApp, WrongMethodOnAProbeIs405WithAllow) {
  const auto response = call(http::verb::post, "/healthz");
  EXPECT_EQ(response.result(), http::status::method_not_allowed);
  EXPECT_EQ(response[http::field::allow], "GET, HEAD");
}

TEST_F(HttpApp, Err1UnknownPathIs404WithCodeAndTimestamp) {
  const auto response = call(http::verb::get, "/nope?x=1");
  EXPECT_EQ(response.result(), http::status::not_found);
  auto doc = boost::json::parse(response.body()).as_object();
  auto& error = doc["errors"].as_array().at(0).as_object();
  EXPECT_EQ(error["extensions"].as_object()["code"], "NOT_FOUND");
  const auto timestamp = std::string(error["extensions"].as_object()["timestamp"].as_string());
  EXPECT_EQ(timestamp.size(), 24U);  // 2025-11-10T20:00:00.000Z
  EXPECT_EQ(timestamp.back(), 'Z');
}

net::http_request graphql_post(std::string body,
                               std::string_view content_type = "application/json") {
  net::http_request request{http::verb::post, "/graphql", 11};
  if (!content_type.empty()) request.set(http::field::content_type, content_type);
  request.body() = std::move(body);
  return request;
}

TEST_F(HttpApp, Err1GraphqlAnswersAnInvalidDocumentWithValidationErrors) {
  const auto response = call(graphql_post(R"({"query":"{ nope }"})"));
  EXPECT_EQ(response.result(), http::status::ok);  // application/json
  EXPECT_EQ(response[http::field::content_type], "application/json; charset=utf-8");
  auto doc = boost::json::parse(response.body()).as_object();
  auto& error = doc["errors"].as_array().at(0).as_object();
  EXPECT_EQ(error["extensions"].as_object()["code"], "GRAPHQL_VALIDATION_FAILED");
  EXPECT_EQ(error["message"], "Cannot query field \"nope\" on type \"Query\".");
}

TEST_F(HttpApp, GraphqlExecutesHelloOverPost) {
  const auto response = call(graphql_post(R"({"query":"{ hello }"})"));
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response.body(), R"({"data":{"hello":"hello brah! u mirin? "}})");
}

TEST_F(HttpApp, Http3GraphqlRefusesASimpleRequestWithoutAPreflightHeader) {
  const auto response = call(graphql_post(R"({"query":"{ hello }"})", "text/plain"));
  EXPECT_EQ(response.result(), http::status::bad_request);
  auto doc = boost::json::parse(response.body()).as_object();
  auto& error = doc["errors"].as_array().at(0).as_object();
  EXPECT_EQ(error["extensions"].as_object()["code"], "BAD_REQUEST");
  EXPECT_NE(std::string(error["message"].as_string()).find("Cross-Site Request Forgery"),
            std::string::npos);
}

TEST_F(HttpApp, Http1GraphqlRefusesInvalidJsonWith400AndAnUnacceptableAcceptWith406) {
  EXPECT_EQ(call(graphql_post("{nope")).result(), http::status::bad_request);
  auto request = graphql_post(R"({"query":"{ hello }"})");
  request.set(http::field::accept, "text/csv");
  EXPECT_EQ(call(request).result(), http::status::not_acceptable);
}

TEST_F(HttpApp, Http1AMutationByGetIs405WithAllowPost) {
  net::http_request request{http::verb::get, "/graphql?query=mutation%20%7B%20logout%20%7D", 11};
  request.set("apollo-require-preflight", "true");
  const auto response = call(request);
  EXPECT_EQ(response.result(), http::status::method_not_allowed);
  EXPECT_EQ(response[http::field::allow], "POST");
  EXPECT_EQ(response[http::field::content_type], "application/json; charset=utf-8");
}

TEST_F(HttpApp, Http4AnswersAPreflightAndAddsCorsHeadersForAnAllowedOrigin) {
  net::http_request preflight{http::verb::options, "/graphql", 11};
  preflight.set(http::field::origin, "http://localhost:5173");
  preflight.set(http::field::access_control_request_method, "POST");
  const auto answer = call(preflight);
  EXPECT_EQ(answer.result(), http::status::no_content);
  EXPECT_EQ(answer[http::field::access_control_allow_origin], "http://localhost:5173");

  auto request = graphql_post(R"({"query":"{ hello }"})");
  request.set(http::field::origin, "http://localhost:5173");
  EXPECT_EQ(call(request)[http::field::access_control_allow_credentials], "true");
  request.set(http::field::origin, "https://evil.example");
  EXPECT_TRUE(call(request)[http::field::access_control_allow_origin].empty());
}

TEST_F(HttpApp, Obs4MetricsCountRequestsByRouteAndStatus) {
  net::exchange_record record;
  record.method = "GET";
  record.target = "/healthz?probe=1";
  record.status = 200;
  record.duration = std::chrono::milliseconds(2);
  app_.on_complete(record);
  app_.on_complete(record);
  record.target = "/some/unknown/path";
  record.status = 404;
  app_.on_complete(record);
  const auto text = call(http::verb::get, "/metrics").body();
  EXPECT_NE(text.find(R"(chat_http_requests_total{route="/healthz",status="200"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(chat_http_requests_total{route="other",status="404"} 1)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(chat_http_request_duration_seconds_count{route="/healthz"} 2)"),
            std::string::npos);
}

TEST(RouteLabel, KnownPathsKeepTheirNameAndEverythingElseIsOther) {
  EXPECT_EQ(route_label("/graphql?query={hello}"), "/graphql");
  EXPECT_EQ(route_label("/"), "/");
  EXPECT_EQ(route_label("/healthz/extra"), "other");
  EXPECT_EQ(route_label(""), "other");
}

TEST(ErrorBody, EscapesTheMessageIntoValidJson) {
  const auto body = error_body("BAD_REQUEST", "bad \"quote\"\nnewline");
  auto doc = boost::json::parse(body).as_object();
  EXPECT_EQ(doc["errors"].as_array().at(0).as_object()["message"], "bad \"quote\"\nnewline");
}

}  // namespace
}  // namespace chat::app
