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
    net::http_request request{method, target, 11};
    net::request_info info;
    info.correlation_id = "test-cid";
    auto future = boost::asio::co_spawn(
        ioc_, [&]() { return app_.handle(request, info); }, boost::asio::use_future);
    ioc_.run();
    ioc_.restart();
    return future.get();
  }

  obs::metrics_registry metrics_;
  bool database_up_ = true;
  http_app app_{
      metrics_,
      {{"database", [this] { return database_up_ ? std::string() : "connection refused"; }}}};
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

TEST_F(HttpApp, GraphqlAnswersAWellFormedGraphqlErrorUntilTheEngineLands) {
  const auto response = call(http::verb::post, "/graphql");
  EXPECT_EQ(response.result(), http::status::not_implemented);
  auto doc = boost::json::parse(response.body()).as_object();
  EXPECT_FALSE(doc["errors"].as_array().at(0).as_object()["message"].as_string().empty());
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
