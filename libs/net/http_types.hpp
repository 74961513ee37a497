#pragma once
/// The vocabulary between the HTTP server and the application that handles requests.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace chat::net {

namespace http = boost::beast::http;

using http_request = http::request<http::string_body>;
using http_response = http::response<http::string_body>;

/// What the server knows about a request besides its bytes.
struct request_info {
  /// OBS-2: the client's `x-correlation-id` when well formed, else a new UUIDv4. The
  /// server echoes it in the response header.
  std::string correlation_id;
  boost::asio::ip::address remote_address;
  std::chrono::steady_clock::time_point started;
};

/// One finished exchange, reported to the handler for access logs and metrics.
/// `method` and `target` are empty when the request line could not be parsed.
struct exchange_record {
  std::string_view method;
  std::string_view target;
  unsigned status = 0;
  std::uint64_t bytes_out = 0;  // response body bytes
  std::chrono::steady_clock::duration duration{};
  std::string_view correlation_id;
  const boost::asio::ip::address* remote_address = nullptr;
};

/// Implemented by the application. Calls come from the server's I/O threads, several
/// at once; an implementation must be safe for concurrent use.
class http_handler {
 public:
  virtual ~http_handler() = default;

  /// Produces the response to a complete request. Must not throw; a thrown exception
  /// is answered with a 500 built by `error_response`.
  virtual boost::asio::awaitable<http_response> handle(http_request& request,
                                                       const request_info& info) = 0;

  /// Builds the response the server sends on its own: malformed requests (400),
  /// oversized bodies (413), oversized headers (431), internal failures (500).
  /// `code` is the ERR-1 code (e.g. `PAYLOAD_TOO_LARGE`).
  virtual http_response error_response(http::status status, std::string_view code,
                                       std::string_view message, const request_info& info) = 0;

  /// Called once per response written (or attempted). Must not block.
  virtual void on_complete(const exchange_record& record) noexcept = 0;
};

}  // namespace chat::net
