#pragma once
/// N pipelined PostgreSQL connections with automatic reconnection (exponential backoff,
/// 100 ms → 5 s). A request goes to the ready connection with the fewest requests in
/// flight; while no connection is ready but one is connecting, requests wait for it (at
/// most until their deadline); when every connection is down, they fail at once with
/// `unavailable` (no hanging on a dead database). Per-request deadlines: a connection
/// whose oldest request is overdue is closed and reopened.
///
/// Thread-safety: none; every member function runs on the io_context's one thread.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "adapters/postgres/pg_connection.hpp"

namespace chat::adapters::pg {

struct pool_options {
  std::vector<std::string> keywords;  // libpq connection parameters
  std::vector<std::string> values;
  unsigned connections = 4;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds query_timeout{10000};
};

class pg_pool {
 public:
  pg_pool(boost::asio::io_context& io, pool_options options);
  pg_pool(const pg_pool&) = delete;
  pg_pool& operator=(const pg_pool&) = delete;

  /// Starts connecting every connection.
  void start();
  /// Runs `q`; `done` is called on the io thread.
  void submit(query q, completion done);
  /// Closes every connection and fails every waiting request; no reconnection after.
  void stop();

 private:
  struct slot {
    std::unique_ptr<pg_connection> connection;
    std::unique_ptr<boost::asio::steady_timer> retry;
    std::chrono::milliseconds backoff{100};
  };

  void on_state(std::size_t index);
  void schedule_reconnect(std::size_t index);
  void dispatch_waiting();
  void fail_waiting(const std::string& reason);
  void tick();
  bool any_connecting() const;
  std::string down_reason() const;

  boost::asio::io_context& io_;
  pool_options options_;
  std::vector<slot> slots_;
  std::deque<request> waiting_;
  boost::asio::steady_timer ticker_;
  bool stopped_ = false;
};

}  // namespace chat::adapters::pg
