#include "api/rate_limit_guard.hpp"

#include <algorithm>
#include <atomic>

#include "observability/logger.hpp"

namespace chat::api {

namespace {

void collect(const graphql::document& doc, const graphql::selection_set_node* set,
             std::vector<std::string_view>& out, int depth) {
  if (set == nullptr || depth > 32) return;
  for (const auto* selection : set->selections) {
    if (const auto* field = graphql::node_cast<graphql::field_node>(selection)) {
      const auto name = field->name.value;
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    } else if (const auto* inline_fragment =
                   graphql::node_cast<graphql::inline_fragment_node>(selection)) {
      collect(doc, inline_fragment->selection_set, out, depth + 1);
    } else if (const auto* spread = graphql::node_cast<graphql::fragment_spread_node>(selection)) {
      for (const auto* def : doc.root().definitions) {
        const auto* fragment = graphql::node_cast<graphql::fragment_definition_node>(def);
        if (fragment != nullptr && fragment->name.value == spread->name.value) {
          collect(doc, fragment->selection_set, out, depth + 1);
          break;
        }
      }
    }
  }
}

graphql::graphql_error too_many(std::int64_t retry_after) {
  graphql::graphql_error error;
  error.message = "Too many requests. Please try again later.";
  error.code = std::string(graphql::error_code::too_many_requests);
  error.extra_extensions =
      "\"retryAfter\":" + std::to_string(std::max<std::int64_t>(1, retry_after));
  return error;
}

}  // namespace

std::vector<std::string_view> root_fields(const graphql::document& doc,
                                          const graphql::operation_definition_node& operation) {
  std::vector<std::string_view> out;
  collect(doc, operation.selection_set, out, 0);
  return out;
}

rate_limit_guard::rate_limit_guard(ports::rate_limiter* limiter, ports::limits_table limits)
    : limiter_(limiter), limits_(std::move(limits)) {}

boost::asio::awaitable<std::optional<graphql::graphql_error>> rate_limit_guard::check(
    const graphql::document& doc, const graphql::operation_definition_node& operation,
    const request_context& context) const {
  if (limiter_ == nullptr) co_return std::nullopt;
  const std::string client =
      context.user ? "user:" + std::to_string(*context.user) : "ip:" + context.client_ip;
  const auto fields = root_fields(doc, operation);
  const bool all_exempt = std::all_of(fields.begin(), fields.end(),
                                      [this](std::string_view f) { return limits_.is_exempt(f); });
  // The overall limit first, then each field's own.
  std::vector<std::pair<std::string, ports::limit>> charges;
  if (const auto* overall = limits_.overall(); overall != nullptr && !all_exempt) {
    charges.emplace_back("rl:overall:" + client, *overall);
  }
  for (const auto field : fields) {
    if (const auto* own = limits_.for_field(field)) {
      charges.emplace_back("rl:" + std::string(field) + ":" + client, *own);
    }
  }
  for (const auto& [bucket, l] : charges) {
    const auto decision = co_await limiter_->hit(bucket, l);
    if (decision.refused()) {
      rejections_.fetch_add(1, std::memory_order_relaxed);
      obs::log(obs::log_level::info, "ratelimit", "request refused", context.correlation_id,
               {{"bucket", std::string_view(bucket).substr(0, bucket.find(':', 3))},
                {"retryAfter", decision.retry_after_seconds}});
      co_return too_many(decision.retry_after_seconds);
    }
    if (decision.unavailable()) {
      obs::log(obs::log_level::warn, "ratelimit", "limiter unavailable: allowing",
               context.correlation_id, {{"error", decision.detail}});
      break;
    }
  }
  co_return std::nullopt;
}

}  // namespace chat::api
