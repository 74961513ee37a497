#pragma once
/// RL-1 and RL-2 for GraphQL operations: before an operation runs, its client (the
/// signed-in user, else the client IP) is charged once against the overall limit and
/// once per root field that has a limit of its own; the first refusal answers
/// `TOO_MANY_REQUESTS` "Too many requests. Please try again later." with
/// `extensions.retryAfter` in seconds, and nothing runs. Exempt fields (subscriptions,
/// typing, presence, logout, refreshToken) are not charged at all; an operation made
/// only of exempt fields is not charged against the overall limit either.
///
/// A limiter outage (Redis down) lets the operation through (fail open, logged): limits
/// protect the service, they must not take it down.
///
/// Thread-safety: `check` may be called concurrently; the limiter is thread-safe.

#include <boost/asio/awaitable.hpp>
#include <optional>

#include "api/request_context.hpp"
#include "graphql/error/graphql_error.hpp"
#include "graphql/language/parser.hpp"
#include "ports/rate_limiter.hpp"
#include "ports/rate_limits.hpp"

namespace chat::api {

class rate_limit_guard {
 public:
  /// `limiter` null: no limits (`RATE_LIMITS=off`).
  rate_limit_guard(ports::rate_limiter* limiter, ports::limits_table limits);

  /// Null when `operation` may run; else the error answering it.
  boost::asio::awaitable<std::optional<graphql::graphql_error>> check(
      const graphql::document& doc, const graphql::operation_definition_node& operation,
      const request_context& context) const;

  /// Operations refused so far (OBS-4 `chat_rate_limit_rejections_total`).
  std::uint64_t rejections() const noexcept { return rejections_.load(); }

  bool enabled() const noexcept { return limiter_ != nullptr; }

 private:
  ports::rate_limiter* limiter_;
  ports::limits_table limits_;
  mutable std::atomic<std::uint64_t> rejections_{0};
};

/// The root field names an operation selects (through fragments), each once, in order.
std::vector<std::string_view> root_fields(const graphql::document& doc,
                                          const graphql::operation_definition_node& operation);

}  // namespace chat::api
