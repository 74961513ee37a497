// Tests of the HTTP server over real loopback sockets (SPEC HTTP-6, OPS-3).

#include "net/http_server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>

namespace chat::net {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

/// Echoes the body and records every exchange.
class echo_handler final : public http_handler {
 public:
  asio::awaitable<http_response> handle(http_request& request, const request_info&) override {
    http_response response{http::status::ok, request.version()};
    response.set(http::field::content_type, "text/plain");
    const std::string body = "echo:" + request.body();
    if (request.method() == http::verb::head) {
      response.content_length(body.size());  // what GET would send, without the body
    } else {
      response.body() = body;
    }
    co_return response;
  }
  http_response error_response(http::status status, std::string_view code, std::string_view,
                               const request_info&) override {
    http_response response{status, 11};
    response.body() = std::string(code);
    return response;
  }
  void on_complete(const exchange_record& record) noexcept override {
    std::lock_guard lock(mutex);
    statuses.push_back(record.status);
    correlation_ids.emplace_back(record.correlation_id);
  }
  std::mutex mutex;
  std::vector<unsigned> statuses;
  std::vector<std::string> correlation_ids;
};

/// A server on 127.0.0.1:<free port>, its pool running on a background thread.
class running_server {
 public:
  explicit running_server(server_options options = {})
      : pool_(2), server_(pool_, options, handler) {
    port = server_.listen("127.0.0.1", 0).port();
    thread_ = std::thread([this] { pool_.run(); });
  }
  ~running_server() {
    pool_.stop();
    thread_.join();
  }
  /// Drains and returns once the drain's `done` ran.
  std::future<void> drain(std::chrono::milliseconds timeout) {
    auto promise = std::make_shared<std::promise<void>>();
    server_.drain(timeout, [promise] { promise->set_value(); });
    return promise->get_future();
  }
  std::size_t open_connections() const { return server_.open_connections(); }

  echo_handler handler;
  std::uint16_t port = 0;

 private:
  io_pool pool_;
  http_server server_;
  std::thread thread_;
};

tcp::socket connect_to(asio::io_context& ioc, std::uint16_t port) {
  tcp::socket socket(ioc);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  return socket;
}

http_response round_trip(tcp::socket& socket, http_request request) {
  request.prepare_payload();
  http::write(socket, request);
  boost::beast::flat_buffer buffer;
  http_response response;
  http::read(socket, buffer, response);
  return response;
}

http_request post(std::string body, std::string_view content_type = "application/json") {
  http_request request{http::verb::post, "/echo", 11};
  request.set(http::field::host, "localhost");
  request.set(http::field::content_type, content_type);
  request.body() = std::move(body);
  return request;
}

/// Reads until the server closes the connection; returns everything it sent.
std::string read_until_closed(tcp::socket& socket) {
  std::string data;
  boost::system::error_code ec;
  std::array<char, 4096> chunk{};
  for (;;) {
    const std::size_t n = socket.read_some(asio::buffer(chunk), ec);
    if (ec) break;
    data.append(chunk.data(), n);
  }
  return data;
}

TEST(HttpServer, ServesSeveralRequestsOnOneKeepAliveConnection) {
  running_server server;
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  for (int i = 0; i < 3; ++i) {
    const auto response = round_trip(socket, post("n" + std::to_string(i)));
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response.body(), "echo:n" + std::to_string(i));
    EXPECT_TRUE(response.keep_alive());
  }
}

TEST(HttpServer, KeepsTheContentLengthAHandlerSetForAHeadAnswer) {
  running_server server;
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  http_request request{http::verb::head, "/echo", 11};
  request.set(http::field::host, "localhost");
  http::write(socket, request);
  boost::beast::flat_buffer buffer;
  http::response_parser<http::empty_body> parser;
  parser.skip(true);  // a HEAD answer has no body whatever its Content-Length says
  http::read(socket, buffer, parser);
  EXPECT_EQ(parser.get()[http::field::content_length], "5");  // length of "echo:"
}

TEST(HttpServer, EchoesAWellFormedCorrelationIdAndReplacesABadOne) {
  running_server server;
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  auto request = post("{}");
  request.set("x-correlation-id", "abc-123_X.y");
  EXPECT_EQ(round_trip(socket, request)["x-correlation-id"], "abc-123_X.y");
  request.set("x-correlation-id", "has spaces");
  const auto generated = std::string(round_trip(socket, request)["x-correlation-id"]);
  EXPECT_EQ(generated.size(), 36U);
  EXPECT_NE(generated, "has spaces");
}

TEST(HttpServer, Http6RefusesAJsonBodyOverOneMegabyteWith413) {
  running_server server;
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  const auto response = round_trip(socket, post(std::string(2 * 1024 * 1024, 'a')));
  EXPECT_EQ(response.result(), http::status::payload_too_large);
  EXPECT_EQ(response.body(), "PAYLOAD_TOO_LARGE");
  EXPECT_FALSE(response.keep_alive());
}

TEST(HttpServer, Http6RefusesAnOversizedChunkedBodyWith413) {
  running_server server;
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  const std::string head =
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  asio::write(socket, asio::buffer(head));
  const std::string chunk(64 * 1024, 'a');
  boost::system::error_code ec;
  for (int i = 0; i < 20 && !ec; ++i) {  // 1.25 MB in 64 KB chunks
    const std::string frame = "10000\r\n" + chunk + "\r\n";
    asio::write(socket, asio::buffer(frame), ec);
  }
  const std::string reply = read_until_closed(socket);
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 413")) << reply.substr(0, 40);
}

TEST(HttpServer, AllowsALargerBodyForMultipartUploads) {
  server_options options;
  options.max_multipart_body_bytes = 3 * 1024 * 1024;
  running_server server(options);
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  const auto response = round_trip(
      socket, post(std::string(2 * 1024 * 1024, 'a'), "multipart/form-data; boundary=x"));
  EXPECT_EQ(response.result(), http::status::ok);
}

TEST(HttpServer, Http6Answers431ToOversizedHeaders) {
  running_server server;
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  auto request = post("{}");
  request.set("x-padding", std::string(20 * 1024, 'p'));
  const auto response = round_trip(socket, request);
  EXPECT_EQ(response.result(), http::status::request_header_fields_too_large);
}

TEST(HttpServer, AnswersAMalformedRequestLineWith400AndCloses) {
  running_server server;
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  asio::write(socket, asio::buffer(std::string_view("GARBAGE\x01 / HTTP/9\r\n\r\n")));
  const std::string reply = read_until_closed(socket);
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << reply;
}

TEST(HttpServer, Http6DropsAClientThatSendsItsHeadersTooSlowly) {
  server_options options;
  options.header_timeout = 300ms;
  running_server server(options);
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  const std::string request = "GET /echo HTTP/1.1\r\nHost: localhost\r\nX-Slow: yes\r\n\r\n";
  const auto start = std::chrono::steady_clock::now();
  std::size_t sent = 0;
  // One byte every 50 ms would need 2.5 s; the server must hang up long before that
  // (a write to the closed connection then fails).
  for (; sent < request.size(); ++sent) {
    boost::system::error_code write_error;
    asio::write(socket, asio::buffer(request.data() + sent, 1), write_error);
    if (write_error) break;
    std::this_thread::sleep_for(50ms);
  }
  const std::string reply = read_until_closed(socket);
  EXPECT_LT(sent, request.size());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_EQ(reply.find("200 OK"), std::string::npos);
}

TEST(HttpServer, Ops3DrainFinishesTheRequestInFlightThenCloses) {
  running_server server;
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  // Headers and half the body: the request is in flight when the drain starts.
  const std::string head =
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 10\r\n\r\n01234";
  asio::write(socket, asio::buffer(head));
  std::this_thread::sleep_for(100ms);
  auto drained = server.drain(5s);
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(drained.wait_for(0ms), std::future_status::timeout);  // still waiting for us
  asio::write(socket, asio::buffer(std::string_view("56789")));
  const std::string reply = read_until_closed(socket);
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 200")) << reply;
  EXPECT_NE(reply.find("Connection: close"), std::string::npos);
  EXPECT_NE(reply.find("echo:0123456789"), std::string::npos);
  socket.close();
  EXPECT_EQ(drained.wait_for(2s), std::future_status::ready);
}

TEST(HttpServer, Ops3DrainClosesIdleConnectionsAtOnce) {
  running_server server;
  asio::io_context ioc;
  auto idle = connect_to(ioc, server.port);
  auto used = connect_to(ioc, server.port);
  EXPECT_EQ(round_trip(used, post("x")).result(), http::status::ok);
  auto drained = server.drain(5s);
  EXPECT_EQ(drained.wait_for(1s), std::future_status::ready);
  EXPECT_EQ(read_until_closed(idle), "");
  EXPECT_EQ(server.open_connections(), 0U);
}

TEST(HttpServer, Ops3DrainForceClosesARequestThatNeverCompletes) {
  running_server server;
  asio::io_context ioc;
  auto socket = connect_to(ioc, server.port);
  const std::string head = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01";
  asio::write(socket, asio::buffer(head));
  std::this_thread::sleep_for(100ms);
  auto drained = server.drain(200ms);
  EXPECT_EQ(drained.wait_for(3s), std::future_status::ready);
}

TEST(HttpServer, RefusesConnectionsAboveTheLimitAndKeepsServingOthers) {
  server_options options;
  options.max_connections = 2;
  running_server server(options);
  asio::io_context ioc;
  auto first = connect_to(ioc, server.port);
  auto second = connect_to(ioc, server.port);
  EXPECT_EQ(round_trip(first, post("a")).result(), http::status::ok);
  EXPECT_EQ(round_trip(second, post("b")).result(), http::status::ok);
  auto third = connect_to(ioc, server.port);
  EXPECT_EQ(read_until_closed(third), "");  // closed without an answer
  EXPECT_EQ(round_trip(first, post("c")).result(), http::status::ok);
}

}  // namespace
}  // namespace chat::net
