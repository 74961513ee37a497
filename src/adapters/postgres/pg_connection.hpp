#pragma once
/// One libpq connection driven asynchronously on an Asio io_context, in pipeline mode:
/// every request is sent at once (prepare when needed, execute, sync), so many can be
/// in flight; answers come back in order. Used by `pg_pool` only.
///
/// Thread-safety: none; every member function runs on the io_context's one thread.

#include <libpq-fe.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ports/store.hpp"

namespace chat::adapters::pg {

/// A prepared statement: prepared on a connection the first time it is used there.
struct statement {
  const char* name;
  const char* sql;
};

/// What a request answers: the result of its statement, or an error (SQLSTATE kept for
/// the mapping to `store_errc`).
struct outcome {
  std::shared_ptr<PGresult> result;
  std::optional<ports::store_error> error;
  std::string sqlstate;
  std::string constraint;
};

/// A move-only `void(outcome)` callback (std::move_only_function is C++23).
class completion {
 public:
  completion() = default;
  template <class F>
  explicit completion(F f) : impl_(std::make_unique<model<F>>(std::move(f))) {}
  explicit operator bool() const noexcept { return impl_ != nullptr; }
  void operator()(outcome o) {
    auto impl = std::move(impl_);
    impl->call(std::move(o));
  }

 private:
  struct concept_t {
    virtual ~concept_t() = default;
    virtual void call(outcome o) = 0;
  };
  template <class F>
  struct model final : concept_t {
    explicit model(F f) : fn(std::move(f)) {}
    void call(outcome o) override { fn(std::move(o)); }
    F fn;
  };
  std::unique_ptr<concept_t> impl_;
};

/// One statement with text parameters (null: SQL NULL).
struct query {
  const statement* prepared = nullptr;  // when null, `sql` is sent unprepared
  std::string sql;
  std::vector<std::optional<std::string>> params;
};

struct request {
  query q;
  completion done;
  std::chrono::steady_clock::time_point deadline;
};

/// An error outcome with `store_errc::unavailable`.
outcome unavailable(std::string detail);

class pg_connection {
 public:
  enum class state : std::uint8_t { closed, connecting, ready };
  /// Called (on the io thread) when the connection becomes ready or closed.
  using state_handler = std::function<void(pg_connection&)>;

  /// `keywords`/`values`: libpq connection parameters (dbname may be a URL).
  pg_connection(boost::asio::io_context& io, std::vector<std::string> keywords,
                std::vector<std::string> values, state_handler on_state);
  ~pg_connection();
  pg_connection(const pg_connection&) = delete;
  pg_connection& operator=(const pg_connection&) = delete;

  /// Starts connecting (state `connecting`); never blocks.
  void connect(std::chrono::milliseconds timeout);
  /// Sends a request; only when `status() == ready`.
  void execute(request r);
  /// Closes the connection, failing every request in flight with `unavailable`.
  void close(const std::string& reason);
  /// Closes the connection when its oldest request is past its deadline.
  void check_deadlines(std::chrono::steady_clock::time_point now);

  state status() const noexcept { return state_; }
  std::size_t in_flight() const noexcept { return in_flight_.size(); }
  /// Why the connection last closed or failed to open.
  const std::string& last_error() const noexcept { return last_error_; }

 private:
  struct pending {
    request r;
    bool has_prepare = false;
    int results_seen = 0;
    outcome out;
  };

  void poll_connect(PostgresPollingStatusType status);
  void sync_socket();
  void on_connected();
  void arm_read();
  void on_readable();
  void flush();
  void drain_results();
  void finish_front();
  void fail(const std::string& reason);

  boost::asio::io_context& io_;
  std::vector<std::string> keywords_;
  std::vector<std::string> values_;
  state_handler on_state_;
  PGconn* conn_ = nullptr;
  boost::asio::posix::stream_descriptor socket_;
  int fd_ = -1;
  boost::asio::steady_timer connect_timer_;
  state state_ = state::closed;
  std::uint64_t generation_ = 0;  // bumped on close: stale handlers do nothing
  bool reading_ = false;
  bool writing_ = false;
  std::unordered_set<std::string> prepared_;
  std::deque<pending> in_flight_;
  std::string last_error_;
};

}  // namespace chat::adapters::pg
