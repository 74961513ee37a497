#pragma once
/// A Redis client for the cache, pub/sub publishing, rate limits and presence adapters
/// (MODE-2, CACHE-2, RL-2): one pipelined hiredis connection on the client's own thread
/// and io_context (`redis_connection`), as `postgres_store` does for libpq.
///
/// - Commands are awaited from any executor and resume the awaiting coroutine on that
///   executor (strand, io_context thread). All commands of all callers share the one
///   connection, written together and answered in order.
/// - Failures are values (`redis_result`), never exceptions: `unavailable` while not
///   connected (at once: nothing waits for a connection), `timeout` when no answer
///   came within `command_timeout` (the connection is then reset, since answers come in
///   order), `reply_error` for Redis' error replies.
/// - Connecting: TCP, then AUTH (with the user when there is one), SELECT and PING,
///   within `connect_timeout`. After any disconnect or failed attempt the client
///   reconnects by itself, waiting `reconnect_backoff_min` doubling up to
///   `reconnect_backoff_max` between attempts (reset once connected).
/// - Observability (OBS-3/4, HTTP-5): `connected()` for /readyz and the connection-state
///   gauge, `stats()` for counters, `on_state_change` for the composition root; the
///   client logs its connection events itself (context "redis"; host, port and db only,
///   never the password).
///
/// A pipeline's commands are written contiguously, so a transaction is one `pipeline()`
/// call (`MULTI`, commands, `EXEC`). Not for SUBSCRIBE (pub/sub needs a connection of its
/// own), MONITOR or HELLO: those fail with `reply_error`. Nor may callers send AUTH,
/// SELECT, RESET or CLIENT REPLY (they would change the connection under the other
/// callers) or blocking commands (BLPOP, XREAD BLOCK: they hold up everyone behind them
/// and time out).
///
/// Thread-safety: every member function may be called concurrently from any thread.
/// Lifetime: nothing may call the client once its destructor has begun. Commands still
/// in flight then fail with `unavailable`, posted to their callers' executors, so destroy
/// the client before the callers' io_contexts are destroyed, and best after they stopped
/// running (then no caller can call again). A host name is resolved on Asio's resolver
/// thread: destruction may wait for a DNS lookup in progress to end.

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "adapters/redis/redis_result.hpp"
#include "adapters/redis/redis_script.hpp"
#include "adapters/redis/redis_url.hpp"

namespace chat::adapters::redis {

class redis_connection;

/// A change of the connection state, as `on_state_change` sees it.
struct redis_state_change {
  bool connected = false;
  /// Why the connection was lost; empty when connected. Never contains a password.
  std::string detail;
};

struct redis_options {
  redis_url url;  // from parse_redis_url(REDIS_URL)
  std::chrono::milliseconds connect_timeout{2000};
  std::chrono::milliseconds command_timeout{1000};
  std::chrono::milliseconds reconnect_backoff_min{100};
  std::chrono::milliseconds reconnect_backoff_max{5000};
  /// An idle connection sends a PING this often, so an outage shows in `connected()`
  /// without traffic.
  std::chrono::milliseconds health_check_interval{5000};
  /// Called on the client's own thread when the connection comes up or goes down; must
  /// not block (it may call the client).
  std::function<void(const redis_state_change&)> on_state_change;
};

struct redis_stats {
  std::uint64_t commands = 0;    // commands submitted (each command of a pipeline counts)
  std::uint64_t failures = 0;    // commands answered `unavailable` or `timeout`
  std::uint64_t reconnects = 0;  // connections made after the first one
};

class redis_client {
 public:
  /// Starts connecting in the background on the client's own thread; never blocks.
  /// Throws std::invalid_argument for an empty host or a timeout that is not positive
  /// (programmer errors: the URL comes from `parse_redis_url`).
  static std::unique_ptr<redis_client> create(redis_options options);
  /// Fails the commands in flight with `unavailable`, closes the connection and joins
  /// the thread. See the lifetime note above.
  ~redis_client();
  redis_client(const redis_client&) = delete;
  redis_client& operator=(const redis_client&) = delete;

  /// One command, its arguments binary-safe (`{"SET", key, bytes}`).
  boost::asio::awaitable<redis_result> command(std::vector<std::string> args);
  /// Commands written together; one result per command, in order. A failure fails
  /// only the commands it touches (a `reply_error` is one command's answer).
  boost::asio::awaitable<std::vector<redis_result>> pipeline(
      std::vector<std::vector<std::string>> commands);
  /// EVALSHA of the script, or EVAL (which also loads it) when Redis answers NOSCRIPT
  /// (counted as a second command). `script` must outlive the call (scripts are
  /// typically static or members).
  boost::asio::awaitable<redis_result> eval_script(const redis_script& script,
                                                   std::vector<std::string> keys,
                                                   std::vector<std::string> args);
  /// True once connected, false when `timeout` passed first (polls; for start-up and
  /// tests, not for the request path; must not be pending when the client is destroyed).
  boost::asio::awaitable<bool> wait_connected(std::chrono::milliseconds timeout);

  /// Connected and past AUTH/SELECT/PING (for /readyz and the state gauge).
  bool connected() const noexcept;
  redis_stats stats() const noexcept;
  /// Where the client connects (host, port, db; the URL's password too: do not log it).
  const redis_url& url() const noexcept { return options_.url; }

 private:
  explicit redis_client(redis_options options);
  void start();
  void stop();
  void on_connection_state(bool ready, const std::string& reason);
  void schedule_reconnect();
  redis_result not_connected() const;

  redis_options options_;
  std::string where_;  // host:port/db, for logs and error details
  std::atomic<std::uint64_t> commands_{0};
  std::atomic<std::uint64_t> failures_{0};

  boost::asio::io_context io_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
  // Below: used on io_'s thread only.
  std::unique_ptr<redis_connection> connection_;
  boost::asio::steady_timer retry_timer_;
  std::chrono::milliseconds backoff_;
  bool retry_pending_ = false;
  bool stopping_ = false;
  bool was_connected_ = false;
  std::uint64_t failed_attempts_ = 0;  // since the last successful connection
  std::thread thread_;
};

}  // namespace chat::adapters::redis
