#pragma once
/// HTTP/1.1 server on Boost.Beast: keep-alive, limits and timeouts (SPEC HTTP-6), and a
/// graceful drain for shutdown (OPS-3). It owns connections and bytes; everything a
/// request means is decided by the `http_handler`.
///
/// Thread-safety: `listen()` is called before the pool runs; `drain()`,
/// `open_connections()` and the counters may be called from any thread.

#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "net/http_types.hpp"
#include "net/io_pool.hpp"
#include "net/server_options.hpp"

namespace chat::net {

class http_server {
 public:
  http_server(io_pool& pool, server_options options, http_handler& handler);
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  /// Binds `host:port` (port 0 picks a free one) and starts accepting. Throws
  /// `boost::system::system_error` when the address cannot be bound.
  boost::asio::ip::tcp::endpoint listen(std::string_view host, std::uint16_t port);

  /// Stops accepting, closes idle keep-alive connections, lets requests in flight
  /// finish (their responses carry `Connection: close`), then calls `done` once every
  /// connection is closed, or force-closes the rest once `timeout` has passed and then
  /// calls `done`. `done` runs on one of the pool's threads. Idempotent.
  void drain(std::chrono::milliseconds timeout, std::function<void()> done);

  std::size_t open_connections() const noexcept;
  std::uint64_t accepted_connections() const noexcept;
  /// Connections closed at once because `max_connections` was reached.
  std::uint64_t rejected_connections() const noexcept;

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace chat::net
