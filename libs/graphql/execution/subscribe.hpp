#pragma once
/// Subscriptions (spec 6.2.3, graphql-js `execution/subscribe.ts`): a source event stream
/// from the subscription root field's subscriber, mapped to a response stream that
/// executes the operation's selection set once per event, with the event as root value.
///
/// The transport (graphql-ws, subscriptions-transport-ws) owns a `response_stream` per
/// subscription: it awaits `next` in a loop and sends each result, and calls `close` when
/// the client stops the subscription or goes away.
///
/// Thread-safety: a response stream belongs to one connection's executor; `close` must
/// be called on that executor.

#include <boost/asio/awaitable.hpp>
#include <memory>
#include <optional>
#include <string_view>

#include "graphql/execution/execute.hpp"

namespace chat::graphql {

class response_stream {
 public:
  response_stream(execution_request request, std::unique_ptr<source_stream> source);
  response_stream(const response_stream&) = delete;
  response_stream& operator=(const response_stream&) = delete;
  ~response_stream();

  /// The response to the next event (spec MapSourceToResponseEvent), or nullopt once the
  /// source has ended or the stream was closed. Each error gets
  /// `extensions.timestamp = timestamp`.
  boost::asio::awaitable<std::optional<execution_result>> next(std::string_view timestamp);

  /// Ends the subscription: closes the source, so a pending `next` completes with nullopt.
  void close();

 private:
  execution_request request_;
  std::unique_ptr<source_stream> source_;
  bool closed_ = false;
};

struct subscribe_result {
  /// The subscription; null when it could not start.
  std::unique_ptr<response_stream> stream;
  /// When `stream` is null: the response to send instead, `{"errors":[…]}` (variable
  /// coercion, an unknown field, bad arguments, or the subscriber's field error).
  execution_result failure;
};

/// Spec Subscribe: coerces the variables and calls the root field's subscriber
/// (CreateSourceEventStream). `request.operation` must be a subscription.
boost::asio::awaitable<subscribe_result> subscribe(execution_request request,
                                                   std::string_view timestamp);

}  // namespace chat::graphql
