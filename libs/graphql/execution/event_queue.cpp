#include "graphql/execution/event_queue.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <deque>

namespace chat::graphql {

namespace asio = boost::asio;

struct event_queue::state {
  explicit state(const asio::any_io_executor& ex) : wake(ex) {
    wake.expires_at(asio::steady_timer::time_point::max());
  }
  std::deque<value> events;
  bool finished = false;
  bool closed = false;
  asio::steady_timer wake;  // never expires; cancelled when an event or the end arrives
};

event_queue::event_queue(const asio::any_io_executor& ex) : state_(std::make_unique<state>(ex)) {}

event_queue::~event_queue() = default;

void event_queue::push(value event) {
  if (state_->finished || state_->closed) return;
  state_->events.push_back(std::move(event));
  state_->wake.cancel();
}

void event_queue::finish() {
  state_->finished = true;
  state_->wake.cancel();
}

asio::awaitable<std::optional<value>> event_queue::next() {
  state& s = *state_;
  while (s.events.empty() && !s.finished && !s.closed) {
    boost::system::error_code ec;
    co_await s.wake.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  if (s.closed || s.events.empty()) co_return std::nullopt;
  value event = std::move(s.events.front());
  s.events.pop_front();
  co_return event;
}

void event_queue::close() {
  state_->closed = true;
  state_->events.clear();
  state_->wake.cancel();
}

std::size_t event_queue::queued() const noexcept {
  return state_->events.size();
}

bool event_queue::closed() const noexcept {
  return state_->closed;
}

}  // namespace chat::graphql
