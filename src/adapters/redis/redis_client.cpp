#include "adapters/redis/redis_client.hpp"

#include <pthread.h>

#include <algorithm>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <csignal>
#include <iterator>
#include <stdexcept>
#include <utility>

#include "adapters/redis/redis_connection.hpp"
#include "observability/logger.hpp"

namespace chat::adapters::redis {

namespace {

constexpr std::chrono::milliseconds k_connected_poll{20};
/// After the first failed attempt, one in this many is logged at warn (about once a
/// minute at the longest backoff); the others at debug.
constexpr std::uint64_t k_warn_every_attempts = 12;

bool positive(std::chrono::milliseconds d) {
  return d.count() > 0;
}

bool failed_without_answer(const redis_result& r) {
  return r.failed_with(redis_errc::unavailable) || r.failed_with(redis_errc::timeout);
}

/// A batch completion that counts the commands left without an answer (on the client's
/// thread, while the client surely exists) and posts the results to the handler's
/// executor, where the awaiting coroutine resumes.
template <class Handler>
batch_completion deliver_to(Handler handler, std::atomic<std::uint64_t>& failures) {
  auto executor = boost::asio::get_associated_executor(handler);
  return batch_completion([handler = std::move(handler), executor,
                           &failures](std::vector<redis_result> results) mutable {
    const auto failed = std::count_if(results.begin(), results.end(), failed_without_answer);
    if (failed != 0) failures.fetch_add(static_cast<std::uint64_t>(failed));
    boost::asio::post(executor,
                      [handler = std::move(handler), results = std::move(results)]() mutable {
                        std::move(handler)(std::move(results));
                      });
  });
}

}  // namespace

std::unique_ptr<redis_client> redis_client::create(redis_options options) {
  if (options.url.host.empty()) throw std::invalid_argument("redis_client: the host is empty");
  if (options.url.port == 0) throw std::invalid_argument("redis_client: the port is 0");
  if (!positive(options.connect_timeout) || !positive(options.command_timeout) ||
      !positive(options.reconnect_backoff_min) ||
      options.reconnect_backoff_max < options.reconnect_backoff_min ||
      !positive(options.health_check_interval)) {
    throw std::invalid_argument("redis_client: timeouts and backoffs must be positive");
  }
  std::unique_ptr<redis_client> client(new redis_client(std::move(options)));
  client->start();
  return client;
}

redis_client::redis_client(redis_options options)
    : options_(std::move(options)),
      where_(describe(options_.url)),
      retry_timer_(io_),
      backoff_(options_.reconnect_backoff_min) {
  connection_settings settings;
  settings.url = options_.url;
  settings.connect_timeout = options_.connect_timeout;
  settings.command_timeout = options_.command_timeout;
  settings.health_check_interval = options_.health_check_interval;
  connection_ = std::make_unique<redis_connection>(
      io_, std::move(settings), [this](redis_connection::state s, const std::string& reason) {
        on_connection_state(s == redis_connection::state::ready, reason);
      });
  work_.emplace(io_.get_executor());
}

void redis_client::start() {
  boost::asio::post(io_, [this] { connection_->connect(); });
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "chat-redis");
    // hiredis writes with write(2): a connection reset by the server must fail the
    // write with EPIPE, not kill the process. Only this thread writes to Redis.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    io_.run();
  });
}

redis_client::~redis_client() {
  boost::asio::post(io_, [this] { stop(); });
  work_.reset();
  thread_.join();
}

void redis_client::stop() {
  stopping_ = true;
  retry_timer_.cancel();
  connection_->close("the Redis client is shutting down");
  obs::log(obs::log_level::debug, "redis", "closed", {}, {{"redis", where_}});
}

void redis_client::on_connection_state(bool ready, const std::string& reason) {
  if (stopping_) return;
  const auto now_state = connection_->status();
  if (ready) {
    if (now_state != redis_connection::state::ready) return;  // closed since: its notice follows
    const std::uint64_t attempts = failed_attempts_ + 1;
    backoff_ = options_.reconnect_backoff_min;
    failed_attempts_ = 0;
    was_connected_ = true;
    obs::log(obs::log_level::info, "redis", "connected", {},
             {{"host", options_.url.host},
              {"port", options_.url.port},
              {"db", options_.url.db},
              {"attempts", attempts}});
    if (options_.on_state_change) options_.on_state_change(redis_state_change{true, {}});
    return;
  }
  if (now_state != redis_connection::state::closed) return;  // a stale notice
  const auto retry_in = backoff_;
  if (was_connected_) {
    was_connected_ = false;
    obs::log(obs::log_level::warn, "redis", "disconnected", {},
             {{"host", options_.url.host},
              {"port", options_.url.port},
              {"reason", reason},
              {"retryInMs", static_cast<std::int64_t>(retry_in.count())}});
    if (options_.on_state_change) options_.on_state_change(redis_state_change{false, reason});
  } else {
    ++failed_attempts_;
    const bool loud = failed_attempts_ == 1 || failed_attempts_ % k_warn_every_attempts == 0;
    obs::log(loud ? obs::log_level::warn : obs::log_level::debug, "redis", "connect failed", {},
             {{"host", options_.url.host},
              {"port", options_.url.port},
              {"reason", reason},
              {"attempt", failed_attempts_},
              {"retryInMs", static_cast<std::int64_t>(retry_in.count())}});
  }
  schedule_reconnect();
}

void redis_client::schedule_reconnect() {
  if (retry_pending_ || stopping_) return;
  retry_pending_ = true;
  retry_timer_.expires_after(backoff_);
  backoff_ = std::min(backoff_ * 2, options_.reconnect_backoff_max);
  retry_timer_.async_wait([this](boost::system::error_code ec) {
    retry_pending_ = false;
    if (ec || stopping_) return;
    connection_->connect();
  });
}

// The coroutines below touch the client only before they suspend: a caller may be
// resumed (with `unavailable`) by the destructor, after which the client is gone.

boost::asio::awaitable<std::vector<redis_result>> redis_client::pipeline(
    std::vector<std::vector<std::string>> commands) {
  const std::size_t count = commands.size();
  commands_.fetch_add(count, std::memory_order_relaxed);
  if (count == 0) co_return std::vector<redis_result>{};
  if (!connected()) {
    // Fail fast: no thread hop, no waiting for a connection (CACHE-2 falls through).
    failures_.fetch_add(count, std::memory_order_relaxed);
    co_return std::vector<redis_result>(count, not_connected());
  }
  auto initiate = [this](auto handler, std::vector<std::vector<std::string>> cmds) {
    auto batch = make_batch(std::move(cmds), deliver_to(std::move(handler), failures_));
    boost::asio::post(io_, [this, batch = std::move(batch)] { connection_->send(batch); });
  };
  co_return co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&,
                                                 void(std::vector<redis_result>)>(
      std::move(initiate), boost::asio::use_awaitable, std::move(commands));
}

boost::asio::awaitable<redis_result> redis_client::command(std::vector<std::string> args) {
  std::vector<std::vector<std::string>> one;
  one.push_back(std::move(args));
  auto results = co_await pipeline(std::move(one));
  co_return std::move(results.front());
}

boost::asio::awaitable<redis_result> redis_client::eval_script(const redis_script& script,
                                                               std::vector<std::string> keys,
                                                               std::vector<std::string> args) {
  commands_.fetch_add(1, std::memory_order_relaxed);
  if (!connected()) {
    failures_.fetch_add(1, std::memory_order_relaxed);
    co_return not_connected();
  }
  std::vector<std::string> evalsha;
  evalsha.reserve(3 + keys.size() + args.size());
  evalsha.emplace_back("EVALSHA");
  evalsha.push_back(script.sha1());
  evalsha.push_back(std::to_string(keys.size()));
  evalsha.insert(evalsha.end(), keys.begin(), keys.end());
  evalsha.insert(evalsha.end(), args.begin(), args.end());
  std::vector<std::vector<std::string>> first;
  first.push_back(std::move(evalsha));
  auto initiate = [this, &script](auto handler, std::vector<std::vector<std::string>> cmds,
                                  std::vector<std::string> script_keys,
                                  std::vector<std::string> script_args) {
    // NOSCRIPT (first use, a restarted server, SCRIPT FLUSH) is handled on the client's
    // thread: EVAL runs the script and caches it, so the next EVALSHA finds it.
    auto on_first = [this, &script, keys = std::move(script_keys), args = std::move(script_args),
                     done = deliver_to(std::move(handler), failures_)](
                        std::vector<redis_result> results) mutable {
      const redis_result& r = results.front();
      if (!r.failed_with(redis_errc::reply_error) || !r.error().detail.starts_with("NOSCRIPT")) {
        done(std::move(results));
        return;
      }
      commands_.fetch_add(1, std::memory_order_relaxed);
      std::vector<std::string> eval;
      eval.reserve(3 + keys.size() + args.size());
      eval.emplace_back("EVAL");
      eval.push_back(script.source());
      eval.push_back(std::to_string(keys.size()));
      std::move(keys.begin(), keys.end(), std::back_inserter(eval));
      std::move(args.begin(), args.end(), std::back_inserter(eval));
      std::vector<std::vector<std::string>> retry;
      retry.push_back(std::move(eval));
      auto second = make_batch(std::move(retry), std::move(done));
      // Called inside hiredis' reply callback: send from the next turn of the thread.
      boost::asio::post(io_, [this, second = std::move(second)] { connection_->send(second); });
    };
    auto batch = make_batch(std::move(cmds), batch_completion(std::move(on_first)));
    boost::asio::post(io_, [this, batch = std::move(batch)] { connection_->send(batch); });
  };
  auto results = co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&,
                                                      void(std::vector<redis_result>)>(
      std::move(initiate), boost::asio::use_awaitable, std::move(first), std::move(keys),
      std::move(args));
  co_return std::move(results.front());
}

boost::asio::awaitable<bool> redis_client::wait_connected(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
  while (!connected()) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) co_return false;
    timer.expires_after(
        std::min<std::chrono::steady_clock::duration>(k_connected_poll, deadline - now));
    boost::system::error_code ec;
    co_await timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
  }
  co_return true;
}

redis_result redis_client::not_connected() const {
  return redis_error{redis_errc::unavailable, "not connected to Redis at " + where_};
}

bool redis_client::connected() const noexcept {
  return connection_->ready();
}

redis_stats redis_client::stats() const noexcept {
  redis_stats s;
  s.commands = commands_.load(std::memory_order_relaxed);
  s.failures = failures_.load(std::memory_order_relaxed);
  const std::uint64_t made = connection_->connections_made();
  s.reconnects = made > 0 ? made - 1 : 0;
  return s;
}

}  // namespace chat::adapters::redis
