#include "adapters/postgres/pg_pool.hpp"

#include <algorithm>
#include <utility>

namespace chat::adapters::pg {

namespace {
constexpr std::chrono::milliseconds k_first_backoff{100};
constexpr std::chrono::milliseconds k_max_backoff{5000};
constexpr std::chrono::milliseconds k_tick{100};
}  // namespace

pg_pool::pg_pool(boost::asio::io_context& io, pool_options options)
    : io_(io), options_(std::move(options)), ticker_(io) {
  const unsigned count = std::max(1U, options_.connections);
  slots_.resize(count);
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    slots_[i].connection = std::make_unique<pg_connection>(
        io_, options_.keywords, options_.values, [this, i](pg_connection&) { on_state(i); });
    slots_[i].retry = std::make_unique<boost::asio::steady_timer>(io_);
  }
}

void pg_pool::start() {
  for (auto& s : slots_)
    s.connection->connect(options_.connect_timeout);
  tick();
}

void pg_pool::stop() {
  stopped_ = true;
  ticker_.cancel();
  for (auto& s : slots_) {
    s.retry->cancel();
    s.connection->close("the store is shutting down");
  }
  fail_waiting("the store is shutting down");
}

void pg_pool::submit(query q, completion done) {
  request r{std::move(q), std::move(done),
            std::chrono::steady_clock::now() + options_.query_timeout};
  if (stopped_) {
    r.done(unavailable("the store is shutting down"));
    return;
  }
  pg_connection* best = nullptr;
  for (auto& s : slots_) {
    auto* c = s.connection.get();
    if (c->status() == pg_connection::state::ready &&
        (best == nullptr || c->in_flight() < best->in_flight())) {
      best = c;
    }
  }
  if (best != nullptr) {
    best->execute(std::move(r));
  } else if (any_connecting()) {
    waiting_.push_back(std::move(r));
  } else {
    r.done(unavailable(down_reason()));
  }
}

void pg_pool::on_state(std::size_t index) {
  slot& s = slots_[index];
  if (s.connection->status() == pg_connection::state::ready) {
    s.backoff = k_first_backoff;
    dispatch_waiting();
    return;
  }
  if (s.connection->status() == pg_connection::state::closed) {
    if (!any_connecting() && std::none_of(slots_.begin(), slots_.end(), [](const slot& x) {
          return x.connection->status() == pg_connection::state::ready;
        })) {
      fail_waiting(down_reason());
    }
    if (!stopped_) schedule_reconnect(index);
  }
}

void pg_pool::schedule_reconnect(std::size_t index) {
  slot& s = slots_[index];
  s.retry->expires_after(s.backoff);
  s.backoff = std::min(s.backoff * 2, k_max_backoff);
  s.retry->async_wait([this, index](boost::system::error_code ec) {
    if (ec || stopped_) return;
    slots_[index].connection->connect(options_.connect_timeout);
  });
}

void pg_pool::dispatch_waiting() {
  auto waiting = std::move(waiting_);
  waiting_.clear();
  for (auto& r : waiting)
    submit(std::move(r.q), std::move(r.done));
}

void pg_pool::fail_waiting(const std::string& reason) {
  auto waiting = std::move(waiting_);
  waiting_.clear();
  for (auto& r : waiting)
    r.done(unavailable(reason));
}

void pg_pool::tick() {
  if (stopped_) return;
  const auto now = std::chrono::steady_clock::now();
  for (auto& s : slots_)
    s.connection->check_deadlines(now);
  while (!waiting_.empty() && waiting_.front().deadline < now) {
    auto r = std::move(waiting_.front());
    waiting_.pop_front();
    r.done(unavailable("no PostgreSQL connection within the query timeout"));
  }
  ticker_.expires_after(k_tick);
  ticker_.async_wait([this](boost::system::error_code ec) {
    if (!ec) tick();
  });
}

bool pg_pool::any_connecting() const {
  return std::any_of(slots_.begin(), slots_.end(), [](const slot& s) {
    return s.connection->status() == pg_connection::state::connecting;
  });
}

std::string pg_pool::down_reason() const {
  for (const auto& s : slots_) {
    if (!s.connection->last_error().empty()) {
      return "PostgreSQL unavailable: " + s.connection->last_error();
    }
  }
  return "PostgreSQL unavailable";
}

}  // namespace chat::adapters::pg
