#pragma once
/// One hiredis asynchronous connection driven by an Asio io_context. The adapter is
/// written here (hiredis ships none for Asio): hiredis' `ev.addRead/delRead/addWrite/
/// delWrite/cleanup` hooks start and stop `async_wait`s on a `stream_descriptor` over
/// hiredis' socket, whose readiness calls `redisAsyncHandleRead/Write`.
///
/// After the TCP connection come `AUTH` (with the user when there is one), `SELECT` and
/// `PING`; the connection is `ready` when all three succeed within the connect timeout.
/// Commands are pipelined: all are written at once and answered in order, so a command
/// without an answer within the command timeout fails with `timeout` and resets the
/// connection (the commands behind it fail with `unavailable`). An idle connection is
/// PINGed now and then, so a silent outage is noticed without traffic.
///
/// Never calls back into hiredis from hiredis' own callbacks (closing is posted), so
/// the context is only ever freed from Asio handlers or `close()`. Used by
/// `redis_client` only.
///
/// Thread-safety: every member function runs on the io_context's one thread, except
/// `ready()`, which any thread may call.

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "adapters/redis/redis_result.hpp"
#include "adapters/redis/redis_url.hpp"

struct redisAsyncContext;  // <hiredis/async.h>, kept out of this header

namespace chat::adapters::redis {

/// A move-only `void(std::vector<redis_result>)` callback (std::move_only_function is
/// C++23).
class batch_completion {
 public:
  batch_completion() = default;
  template <class F>
  explicit batch_completion(F f) : impl_(std::make_unique<model<F>>(std::move(f))) {}
  explicit operator bool() const noexcept { return impl_ != nullptr; }
  /// Calls the callback once; later calls do nothing.
  void operator()(std::vector<redis_result> results) {
    if (!impl_) return;
    auto impl = std::move(impl_);
    impl->call(std::move(results));
  }

 private:
  struct concept_t {
    virtual ~concept_t() = default;
    virtual void call(std::vector<redis_result> results) = 0;
  };
  template <class F>
  struct model final : concept_t {
    explicit model(F f) : fn(std::move(f)) {}
    void call(std::vector<redis_result> results) override { fn(std::move(results)); }
    F fn;
  };
  std::unique_ptr<concept_t> impl_;
};

/// Commands sent together and answered together, in order (one command: a batch of one).
struct redis_batch {
  std::vector<std::vector<std::string>> commands;  // emptied once written
  std::vector<redis_result> results;               // one per command
  std::size_t remaining = 0;                       // commands without a result yet
  batch_completion done;                           // called once, with every result
};

/// A batch with a result slot per command (each `unavailable` until answered).
std::shared_ptr<redis_batch> make_batch(std::vector<std::vector<std::string>> commands,
                                        batch_completion done);

/// Stores the result of command `index`; calls `done` when it was the last one missing.
void settle(redis_batch& batch, std::size_t index, redis_result result);

struct connection_settings {
  redis_url url;
  std::chrono::milliseconds connect_timeout{2000};
  std::chrono::milliseconds command_timeout{1000};
  /// An idle ready connection sends a PING this often.
  std::chrono::milliseconds health_check_interval{5000};
};

class redis_connection {
 public:
  enum class state : std::uint8_t { closed, connecting, ready };
  /// Posted to the io_context after the connection became `ready` or `closed` (with why).
  using state_handler = std::function<void(state, const std::string& reason)>;

  redis_connection(boost::asio::io_context& io, connection_settings settings,
                   state_handler on_state);
  /// Closes the connection (in-flight commands fail with `unavailable`).
  ~redis_connection();
  redis_connection(const redis_connection&) = delete;
  redis_connection& operator=(const redis_connection&) = delete;

  /// Starts connecting (resolve, TCP, AUTH/SELECT/PING) when `closed`; never blocks.
  void connect();
  /// Writes the batch's commands when `ready`; otherwise every one fails at once with
  /// `unavailable`. Empty commands and SUBSCRIBE-like commands (which would break the
  /// in-order answering) fail with `reply_error` without reaching Redis.
  void send(std::shared_ptr<redis_batch> batch);
  /// Closes the connection; in-flight commands fail with `unavailable` and `reason`.
  void close(const std::string& reason);

  state status() const noexcept { return state_; }
  /// `status() == ready`, readable from any thread. Turns false before the commands of a
  /// lost connection are failed, so a caller that saw a failure never sees it still true.
  bool ready() const noexcept { return ready_.load(std::memory_order_acquire); }
  /// Connections that became ready so far (any thread).
  std::uint64_t connections_made() const noexcept {
    return connections_made_.load(std::memory_order_relaxed);
  }
  /// Why the connection last closed or failed to open.
  const std::string& last_error() const noexcept { return last_error_; }

 private:
  using clock = std::chrono::steady_clock;
  struct pending {
    std::shared_ptr<redis_batch> batch;
    std::size_t index = 0;
    clock::time_point deadline;
  };

  static void on_reply(redisAsyncContext* ac, void* reply, void* privdata);
  static void hook_add_read(void* self);
  static void hook_del_read(void* self);
  static void hook_add_write(void* self);
  static void hook_del_write(void* self);
  static void hook_cleanup(void* self);

  void start(const boost::asio::ip::address& address);
  void handshake();
  void write(const std::shared_ptr<redis_batch>& batch, clock::time_point deadline);
  void arm_read();
  void arm_write();
  void arm_deadline();
  void on_deadline();
  void arm_health_check();
  void context_freed();
  void shut(const std::string& reason);
  /// Closes from an Asio handler later: for decisions taken inside hiredis callbacks.
  void close_later(std::uint64_t generation, std::string reason);
  void reset_io();
  void notify(state s, const std::string& reason);
  /// Why hiredis gave up on `ac` (connecting or connected).
  std::string failure_reason(const redisAsyncContext* ac) const;
  std::string where() const;

  boost::asio::io_context& io_;
  connection_settings settings_;
  state_handler on_state_;
  redisAsyncContext* ac_ = nullptr;
  boost::asio::posix::stream_descriptor socket_;
  boost::asio::ip::tcp::resolver resolver_;
  boost::asio::steady_timer connect_timer_;
  boost::asio::steady_timer deadline_timer_;
  boost::asio::steady_timer health_timer_;
  state state_ = state::closed;
  std::atomic<bool> ready_{false};
  std::atomic<std::uint64_t> connections_made_{0};
  std::uint64_t generation_ = 0;  // bumped on close: stale handlers do nothing
  bool want_read_ = false;
  bool want_write_ = false;
  bool reading_ = false;  // an async_wait(read) is pending
  bool writing_ = false;  // an async_wait(write) is pending
  bool deadline_armed_ = false;
  bool closing_ = false;           // inside shut(): the dying context's callbacks are ignored
  std::size_t next_endpoint_ = 0;  // a name's addresses are tried in turn
  std::deque<pending> in_flight_;  // in hiredis' callback order
  std::string last_error_;
};

}  // namespace chat::adapters::redis
