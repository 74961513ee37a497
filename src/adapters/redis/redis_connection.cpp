#include "adapters/redis/redis_connection.hpp"

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <array>
#include <boost/asio/post.hpp>
#include <iterator>
#include <string_view>
#include <utility>

namespace chat::adapters::redis {

namespace {

using descriptor = boost::asio::posix::stream_descriptor;

redis_value to_value(const redisReply* r) {
  switch (r->type) {
    case REDIS_REPLY_STRING:
      return redis_value::of_string(std::string(r->str, r->len));
    case REDIS_REPLY_STATUS:
      return redis_value::of_status(std::string(r->str, r->len));
    case REDIS_REPLY_ERROR:
      return redis_value::of_error(std::string(r->str, r->len));
    case REDIS_REPLY_INTEGER:
      return redis_value::of_integer(r->integer);
    case REDIS_REPLY_ARRAY: {
      std::vector<redis_value> elements;
      elements.reserve(r->elements);
      for (std::size_t i = 0; i < r->elements; ++i)
        elements.push_back(to_value(r->element[i]));
      return redis_value::of_array(std::move(elements));
    }
    default:
      return redis_value::nil();
  }
}

redis_result to_result(const redisReply* r) {
  if (r->type == REDIS_REPLY_ERROR) {
    return redis_error{redis_errc::reply_error, std::string(r->str, r->len)};
  }
  return to_value(r);
}

bool same_name(std::string_view text, std::string_view upper) {
  if (text.size() != upper.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

/// Commands after which answers no longer come one per command (pub/sub, MONITOR) or in
/// a protocol hiredis 0.14 cannot read (HELLO 3): they would desynchronise the pipeline.
bool breaks_pipeline(const std::string& name) {
  static constexpr std::array<std::string_view, 8> k_names = {
      "SUBSCRIBE",    "PSUBSCRIBE",   "SSUBSCRIBE", "UNSUBSCRIBE",
      "PUNSUBSCRIBE", "SUNSUBSCRIBE", "MONITOR",    "HELLO"};
  for (auto n : k_names) {
    if (same_name(name, n)) return true;
  }
  return false;
}

}  // namespace

std::shared_ptr<redis_batch> make_batch(std::vector<std::vector<std::string>> commands,
                                        batch_completion done) {
  auto batch = std::make_shared<redis_batch>();
  batch->remaining = commands.size();
  batch->results.resize(commands.size());
  batch->commands = std::move(commands);
  batch->done = std::move(done);
  return batch;
}

void settle(redis_batch& batch, std::size_t index, redis_result result) {
  batch.results[index] = std::move(result);
  if (--batch.remaining == 0) batch.done(std::move(batch.results));
}

redis_connection::redis_connection(boost::asio::io_context& io, connection_settings settings,
                                   state_handler on_state)
    : io_(io),
      settings_(std::move(settings)),
      on_state_(std::move(on_state)),
      socket_(io),
      resolver_(io),
      connect_timer_(io),
      deadline_timer_(io),
      health_timer_(io) {}

redis_connection::~redis_connection() {
  on_state_ = nullptr;  // nothing may be posted to a handler that outlives `this`
  shut("the Redis connection is being destroyed");
}

std::string redis_connection::where() const {
  return describe(settings_.url);
}

void redis_connection::connect() {
  if (state_ != state::closed) return;
  state_ = state::connecting;
  const auto generation = generation_;
  connect_timer_.expires_after(settings_.connect_timeout);
  connect_timer_.async_wait([this, generation](boost::system::error_code ec) {
    if (ec || generation != generation_ || state_ != state::connecting) return;
    shut("cannot connect to Redis at " + where() + ": no answer within " +
         std::to_string(settings_.connect_timeout.count()) + " ms");
  });
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(settings_.url.host, ec);
  if (!ec) {
    start(address);
    return;
  }
  // hiredis would resolve a name with a blocking getaddrinfo; Asio's resolver does not
  // hold up this thread (commands keep failing fast while DNS is slow).
  resolver_.async_resolve(settings_.url.host, std::to_string(settings_.url.port),
                          [this, generation](boost::system::error_code rec,
                                             boost::asio::ip::tcp::resolver::results_type results) {
                            if (generation != generation_ || state_ != state::connecting) return;
                            if (rec || results.empty()) {
                              shut("cannot resolve the Redis host of " + where() + ": " +
                                   (rec ? rec.message() : std::string("no address")));
                              return;
                            }
                            // One address per attempt, in turn: a name with an IPv6 and an IPv4
                            // address reaches a server listening on either.
                            auto it = results.begin();
                            std::advance(
                                it, static_cast<std::ptrdiff_t>(next_endpoint_++ % results.size()));
                            start(it->endpoint().address());
                          });
}

void redis_connection::start(const boost::asio::ip::address& address) {
  const std::string ip = address.to_string();
  redisAsyncContext* ac = redisAsyncConnect(ip.c_str(), settings_.url.port);
  if (ac == nullptr) {
    shut("cannot connect to Redis at " + where() + ": out of memory");
    return;
  }
  if (ac->err != 0) {
    const std::string why = ac->c.errstr;
    redisAsyncFree(ac);  // no hooks attached yet: nothing calls back
    shut("cannot connect to Redis at " + where() + ": " + why);
    return;
  }
  boost::system::error_code ec;
  socket_.assign(ac->c.fd, ec);
  if (ec) {
    redisAsyncFree(ac);
    shut("cannot watch the Redis socket: " + ec.message());
    return;
  }
  ac_ = ac;
  ac->data = this;
  ac->ev.data = this;
  ac->ev.addRead = &hook_add_read;
  ac->ev.delRead = &hook_del_read;
  ac->ev.addWrite = &hook_add_write;
  ac->ev.delWrite = &hook_del_write;
  ac->ev.cleanup = &hook_cleanup;
  // Queued now, written as soon as the TCP connection is up (hiredis' first write
  // event completes the connect).
  handshake();
}

void redis_connection::handshake() {
  std::vector<std::vector<std::string>> commands;
  const redis_url& url = settings_.url;
  if (!url.password.empty()) {
    std::vector<std::string> auth{"AUTH"};
    if (!url.username.empty()) auth.push_back(url.username);
    auth.push_back(url.password);
    commands.push_back(std::move(auth));
  }
  if (url.db != 0) {
    std::vector<std::string> select{"SELECT", std::to_string(url.db)};
    commands.push_back(std::move(select));
  }
  std::vector<std::string> ping{"PING"};
  commands.push_back(std::move(ping));
  auto done = [this, generation = generation_](std::vector<redis_result> results) {
    if (generation != generation_ || state_ != state::connecting) return;
    for (const auto& r : results) {
      if (!r) {
        close_later(generation,
                    "Redis at " + where() + " refused the connection: " + r.error().detail);
        return;
      }
    }
    state_ = state::ready;
    connections_made_.fetch_add(1, std::memory_order_relaxed);
    ready_.store(true, std::memory_order_release);
    connect_timer_.cancel();
    last_error_.clear();
    arm_health_check();
    notify(state::ready, {});
  };
  // The connect timer bounds the handshake: no command deadline for it.
  write(make_batch(std::move(commands), batch_completion(std::move(done))),
        clock::time_point::max());
}

void redis_connection::send(std::shared_ptr<redis_batch> batch) {
  if (state_ != state::ready) {
    const std::string why =
        last_error_.empty() ? "not connected to Redis at " + where() : last_error_;
    const std::size_t count = batch->results.size();
    for (std::size_t i = 0; i < count; ++i)
      settle(*batch, i, redis_error{redis_errc::unavailable, why});
    return;
  }
  write(batch, clock::now() + settings_.command_timeout);
}

void redis_connection::write(const std::shared_ptr<redis_batch>& batch,
                             clock::time_point deadline) {
  auto commands = std::move(batch->commands);
  batch->commands.clear();
  std::vector<const char*> argv;
  std::vector<std::size_t> lengths;
  for (std::size_t i = 0; i < commands.size(); ++i) {
    const auto& args = commands[i];
    if (args.empty()) {
      settle(*batch, i, redis_error{redis_errc::reply_error, "ERR empty command"});
      continue;
    }
    if (breaks_pipeline(args.front())) {
      settle(*batch, i,
             redis_error{redis_errc::reply_error,
                         "ERR " + args.front() + " is not supported by redis_client"});
      continue;
    }
    argv.clear();
    lengths.clear();
    for (const auto& arg : args) {
      argv.push_back(arg.data());
      lengths.push_back(arg.size());
    }
    // hiredis copies the arguments into its output buffer; the write happens when the
    // socket is writable, so a batch goes out together.
    if (ac_ == nullptr ||
        redisAsyncCommandArgv(ac_, &on_reply, nullptr, static_cast<int>(argv.size()), argv.data(),
                              lengths.data()) != REDIS_OK) {
      settle(*batch, i, redis_error{redis_errc::unavailable, "cannot send to Redis at " + where()});
      continue;
    }
    in_flight_.push_back({batch, i, deadline});
  }
  arm_deadline();
}

void redis_connection::on_reply(redisAsyncContext* ac, void* reply, void* /*privdata*/) {
  auto* self = static_cast<redis_connection*>(ac->data);
  // While shut() frees the context, hiredis calls back every command with no reply:
  // shut() has taken them over already.
  if (self == nullptr || self->closing_ || self->in_flight_.empty()) return;
  pending p = std::move(self->in_flight_.front());
  self->in_flight_.pop_front();
  if (reply == nullptr) {
    self->ready_.store(false, std::memory_order_release);  // hiredis is giving up
    settle(*p.batch, p.index, redis_error{redis_errc::unavailable, self->failure_reason(ac)});
  } else {
    settle(*p.batch, p.index, to_result(static_cast<const redisReply*>(reply)));
  }
}

std::string redis_connection::failure_reason(const redisAsyncContext* ac) const {
  std::string reason = state_ == state::ready ? "lost the Redis connection to " + where()
                                              : "cannot connect to Redis at " + where();
  reason += ": ";
  reason += ac->c.err != 0 ? std::string(ac->c.errstr) : std::string("connection closed");
  return reason;
}

// ---- the Asio adapter: hiredis asks for read/write readiness through these hooks ----

void redis_connection::hook_add_read(void* self) {
  auto* c = static_cast<redis_connection*>(self);
  c->want_read_ = true;
  c->arm_read();
}

void redis_connection::hook_del_read(void* self) {
  static_cast<redis_connection*>(self)->want_read_ = false;
}

void redis_connection::hook_add_write(void* self) {
  auto* c = static_cast<redis_connection*>(self);
  c->want_write_ = true;
  c->arm_write();
}

void redis_connection::hook_del_write(void* self) {
  static_cast<redis_connection*>(self)->want_write_ = false;
}

void redis_connection::hook_cleanup(void* self) {
  static_cast<redis_connection*>(self)->context_freed();
}

void redis_connection::arm_read() {
  if (reading_ || ac_ == nullptr || !socket_.is_open()) return;
  reading_ = true;
  // A pending wait is left alone by delRead (Asio cannot cancel one direction): when it
  // fires, want_read_ says whether hiredis still wants it. Each async_wait re-arms
  // epoll (EPOLL_CTL_MOD), so bytes hiredis has not read yet (it reads 16 KB a call)
  // signal again.
  socket_.async_wait(descriptor::wait_read,
                     [this, generation = generation_](boost::system::error_code ec) {
                       if (generation != generation_) return;
                       reading_ = false;
                       if (ec) {
                         shut("lost the Redis connection to " + where() + ": " + ec.message());
                         return;
                       }
                       if (want_read_ && ac_ != nullptr) redisAsyncHandleRead(ac_);
                     });
}

void redis_connection::arm_write() {
  if (writing_ || ac_ == nullptr || !socket_.is_open()) return;
  writing_ = true;
  socket_.async_wait(descriptor::wait_write,
                     [this, generation = generation_](boost::system::error_code ec) {
                       if (generation != generation_) return;
                       writing_ = false;
                       if (ec) {
                         shut("lost the Redis connection to " + where() + ": " + ec.message());
                         return;
                       }
                       if (want_write_ && ac_ != nullptr) redisAsyncHandleWrite(ac_);
                     });
}

void redis_connection::context_freed() {
  // hiredis closes the descriptor right after this hook: stop watching it, keep it open.
  if (socket_.is_open()) socket_.release();
  if (closing_) {
    ac_ = nullptr;
    return;  // shut() finishes the job
  }
  // hiredis gave up by itself (connect failed, server closed, read error): it has
  // called back every command in flight already.
  const std::string reason = failure_reason(ac_);
  ac_ = nullptr;
  auto failed = std::move(in_flight_);
  in_flight_.clear();
  last_error_ = reason;
  reset_io();
  for (auto& p : failed)
    settle(*p.batch, p.index, redis_error{redis_errc::unavailable, reason});
  notify(state::closed, reason);
}

// ---- deadlines and health checks ----

void redis_connection::arm_deadline() {
  if (deadline_armed_ || in_flight_.empty()) return;
  const auto deadline = in_flight_.front().deadline;
  if (deadline == clock::time_point::max()) return;  // the handshake: see connect()
  deadline_armed_ = true;
  deadline_timer_.expires_at(deadline);
  deadline_timer_.async_wait([this, generation = generation_](boost::system::error_code ec) {
    if (generation != generation_) return;
    deadline_armed_ = false;
    if (!ec) on_deadline();
  });
}

void redis_connection::on_deadline() {
  if (in_flight_.empty()) return;
  if (in_flight_.front().deadline > clock::now()) {
    arm_deadline();
    return;
  }
  // Answers come in order: the ones behind a late answer cannot come first. Fail the
  // oldest with `timeout` and start over on a fresh connection.
  pending late = std::move(in_flight_.front());
  in_flight_.pop_front();
  const std::string ms = std::to_string(settings_.command_timeout.count());
  shut("a Redis command timed out after " + ms + " ms; reconnecting to " + where());
  settle(*late.batch, late.index,
         redis_error{redis_errc::timeout,
                     "no answer from Redis at " + where() + " within " + ms + " ms"});
}

void redis_connection::arm_health_check() {
  health_timer_.expires_after(settings_.health_check_interval);
  health_timer_.async_wait([this, generation = generation_](boost::system::error_code ec) {
    if (ec || generation != generation_ || state_ != state::ready) return;
    if (in_flight_.empty()) {
      // Only an idle connection needs it: traffic has its own deadlines. A PING without
      // an answer in time resets the connection like any command.
      std::vector<std::vector<std::string>> ping{{"PING"}};
      write(make_batch(std::move(ping), batch_completion([](std::vector<redis_result>) {})),
            clock::now() + settings_.command_timeout);
    }
    arm_health_check();
  });
}

// ---- closing ----

void redis_connection::close(const std::string& reason) {
  shut(reason);
}

void redis_connection::close_later(std::uint64_t generation, std::string reason) {
  boost::asio::post(io_, [this, generation, reason = std::move(reason)] {
    if (generation == generation_) shut(reason);
  });
}

void redis_connection::shut(const std::string& reason) {
  if (state_ == state::closed) return;
  auto failed = std::move(in_flight_);
  in_flight_.clear();
  last_error_ = reason;
  if (ac_ != nullptr) {
    // Never called from inside a hiredis callback (see close_later), so the context can
    // be freed here; its callbacks (with no reply) and cleanup hook run meanwhile.
    closing_ = true;
    redisAsyncFree(ac_);
    closing_ = false;
    ac_ = nullptr;
  }
  reset_io();
  for (auto& p : failed)
    settle(*p.batch, p.index, redis_error{redis_errc::unavailable, reason});
  notify(state::closed, reason);
}

void redis_connection::reset_io() {
  ++generation_;
  state_ = state::closed;
  ready_.store(false, std::memory_order_release);
  want_read_ = want_write_ = reading_ = writing_ = deadline_armed_ = false;
  connect_timer_.cancel();
  deadline_timer_.cancel();
  health_timer_.cancel();
  resolver_.cancel();
  if (socket_.is_open()) socket_.release();
}

void redis_connection::notify(state s, const std::string& reason) {
  if (!on_state_) return;
  // Posted: the handler may connect again, which must not happen inside hiredis.
  boost::asio::post(io_, [this, s, reason] {
    if (on_state_) on_state_(s, reason);
  });
}

}  // namespace chat::adapters::redis
