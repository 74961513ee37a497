#pragma once
/// How `sqlite_store` runs an operation: a `job` on one of its threads whose result is
/// posted back to the awaiting coroutine's own executor. Private to the adapter.

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "adapters/sqlite/sqlite_connection.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_workers.hpp"

namespace chat::adapters {

namespace detail {

using ports::store_errc;
using ports::store_error;
using ports::store_result;

/// A job that runs `fn` on a store thread and posts the result to the handler's own
/// executor (keeping that executor's io_context busy meanwhile).
template <class T, class Fn, class Handler>
class bound_job final : public job {
 public:
  bound_job(Fn fn, Handler handler, bool grouped)
      : fn_(std::move(fn)),
        handler_(std::move(handler)),
        work_(boost::asio::get_associated_executor(handler_)),
        grouped_(grouped) {}

  bool grouped() const override { return grouped_; }

  bool execute(connection& db) override {
    try {
      result_.emplace(fn_(db));
    } catch (const sqlite_failure& e) {
      result_.emplace(e.error());
    } catch (const std::exception& e) {
      result_.emplace(store_error{store_errc::unavailable, std::string("sqlite: ") + e.what()});
    }
    return result_->has_value();
  }

  void complete(std::optional<store_error> failure) override {
    store_result<T> result = failure ? store_result<T>(std::move(*failure)) : std::move(*result_);
    // The guard travels with the handler: once posted, the caller may resume, finish and
    // destroy its io_context before this thread runs another line.
    auto executor = work_.get_executor();
    boost::asio::post(executor, [handler = std::move(handler_), work = std::move(work_),
                                 result = std::move(result)]() mutable {
      work.reset();
      std::move(handler)(std::move(result));
    });
  }

 private:
  Fn fn_;
  Handler handler_;
  boost::asio::executor_work_guard<boost::asio::associated_executor_t<Handler>> work_;
  std::optional<store_result<T>> result_;
  bool grouped_;
};

template <class T, class Fn, class Submit>
ports::store::task<T> run_on(Fn fn, Submit submit, bool grouped) {
  co_return co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&,
                                                 void(store_result<T>)>(
      [&fn, &submit, grouped](auto handler) {
        using handler_type = decltype(handler);
        submit(std::make_unique<bound_job<T, Fn, handler_type>>(std::move(fn), std::move(handler),
                                                                grouped));
      },
      boost::asio::use_awaitable);
}

}  // namespace detail

template <class T, class Fn>
ports::store::task<T> sqlite_store::read(Fn fn) {
  return detail::run_on<T>(
      std::move(fn), [this](std::unique_ptr<job> j) { readers_->submit(std::move(j)); }, true);
}

template <class T, class Fn>
ports::store::task<T> sqlite_store::write(Fn fn, bool grouped) {
  return detail::run_on<T>(
      std::move(fn), [this](std::unique_ptr<job> j) { writer_->submit(std::move(j)); }, grouped);
}

}  // namespace chat::adapters
