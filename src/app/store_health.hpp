#pragma once
/// The store's health for `/readyz`: a ping every `interval` on one executor, so a
/// readiness probe reads a remembered state instead of waiting on the database. State
/// changes are logged once each (with the adapter's detail; the probe answer carries
/// none, ERR-3).
///
/// Thread-safety: `problem` may be called from any thread; `start` and `stop` on the
/// executor given at construction.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <mutex>
#include <string>

#include "ports/store.hpp"

namespace chat::app {

class store_health {
 public:
  store_health(ports::store& store, boost::asio::any_io_executor ex,
               std::chrono::milliseconds interval = std::chrono::seconds(1));

  /// Starts pinging; the first answer arrives within one round trip.
  void start();
  /// Stops pinging (drain).
  void stop();

  /// Empty when the last ping succeeded, else why not ("database unavailable").
  std::string problem() const;

 private:
  boost::asio::awaitable<void> loop();

  ports::store& store_;
  boost::asio::steady_timer timer_;
  std::chrono::milliseconds interval_;
  bool stopped_ = false;
  mutable std::mutex mutex_;
  std::string problem_;  // up: start-up has just migrated the database
};

}  // namespace chat::app
