#pragma once
/// A source event stream (spec 6.2.3.1) fed by the application: the in-process way to
/// hand events to one subscription (`subscribe.hpp`), and the stream tests use.
///
/// Thread-safety: single-threaded; `push`, `finish`, `next` and `close` on one executor.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <cstddef>
#include <memory>
#include <optional>

#include "graphql/execution/execute.hpp"

namespace chat::graphql {

/// A source stream fed by the application: `push` an event, `finish` to end the stream.
/// Events wait in order until `next` takes them. Single-threaded: push and next on one
/// executor.
class event_queue final : public source_stream {
 public:
  explicit event_queue(const boost::asio::any_io_executor& ex);
  ~event_queue() override;

  void push(value event);
  /// No more events: `next` returns the queued ones, then nullopt.
  void finish();

  boost::asio::awaitable<std::optional<value>> next() override;
  /// Drops queued events and ends the stream.
  void close() override;

  std::size_t queued() const noexcept;
  bool closed() const noexcept;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace chat::graphql
