#include "app/store_health.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "observability/logger.hpp"

namespace chat::app {

namespace asio = boost::asio;

store_health::store_health(ports::store& store, asio::any_io_executor ex,
                           std::chrono::milliseconds interval)
    : store_(store), timer_(std::move(ex)), interval_(interval) {}

void store_health::start() {
  asio::co_spawn(timer_.get_executor(), loop(), asio::detached);
}

void store_health::stop() {
  stopped_ = true;
  timer_.cancel();
}

std::string store_health::problem() const {
  const std::lock_guard lock(mutex_);
  return problem_;
}

asio::awaitable<void> store_health::loop() {
  while (!stopped_) {
    const auto pinged = co_await store_.ping();
    std::string now_problem;
    if (!pinged) now_problem = "database " + std::string(ports::name_of(pinged.error().code));
    bool changed = false;
    {
      const std::lock_guard lock(mutex_);
      changed = now_problem != problem_;
      problem_ = now_problem;
    }
    if (changed && !pinged) {
      obs::log(obs::log_level::error, "store", "database unavailable", {},
               {{"error", pinged.error().detail}});
    } else if (changed) {
      obs::log(obs::log_level::info, "store", "database available");
    }
    if (stopped_) break;
    timer_.expires_after(interval_);
    boost::system::error_code ec;
    co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

}  // namespace chat::app
