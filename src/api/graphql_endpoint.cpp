#include "api/graphql_endpoint.hpp"

#include <chrono>

#include "api/loaders.hpp"
#include "api/message_resolvers.hpp"
#include "api/room_resolvers.hpp"
#include "api/user_resolvers.hpp"
#include "graphql/execution/response_writer.hpp"
#include "graphql/execution/subscribe.hpp"
#include "graphql/type/custom_scalars.hpp"
#include "graphql/validation/validate.hpp"
#include "text/json_text.hpp"

namespace chat::api {

namespace http = net::http;
namespace gh = net::graphql_http;

namespace {

std::string now_timestamp() {
  std::string out;
  text::append_iso8601_utc(out, std::chrono::system_clock::now());
  return out;
}

graphql::graphql_error request_error(std::string message, std::string_view code) {
  graphql::graphql_error error;
  error.message = std::move(message);
  error.code = std::string(code);
  return error;
}

/// graphql-js `buildExecutionContext`'s operation choice: the named operation, or the
/// only one. Sets `error` when there is none to run.
const graphql::operation_definition_node* select_operation(const graphql::document& doc,
                                                           const std::optional<std::string>& name,
                                                           std::string& error) {
  const graphql::operation_definition_node* found = nullptr;
  for (const auto* def : doc.root().definitions) {
    const auto* op = graphql::node_cast<graphql::operation_definition_node>(def);
    if (op == nullptr) continue;
    if (!name) {
      if (found != nullptr) {
        error = "Must provide operation name if query contains multiple operations.";
        return nullptr;
      }
      found = op;
    } else if (op->name.value == *name) {
      found = op;
    }
  }
  if (found == nullptr) {
    error = name ? "Unknown operation named \"" + *name + "\"." : "Must provide an operation.";
  }
  return found;
}

/// The answer of the old backend's `hello`, kept byte for byte.
constexpr std::string_view k_hello = "hello brah! u mirin? ";

/// Object types resolved from JSON members by default: the resolvers answer them as JSON
/// objects (`user_json`), or their root fields answer NOT_IMPLEMENTED until their
/// capability lands.
const std::vector<std::string> k_json_types = {
    "ChatroomEntity",   "LogInResponse",    "MessageEdge",           "MessageEntity", "PageInfo",
    "PaginatedMessage", "RegisterResponse", "SearchChatroomsResult", "UserEntity"};

/// Binds every root field: `hello`, and the accounts, users, rooms and messages when their
/// services are given; the others (typing and presence), whose capability lands with the
/// real-time issue, answer NOT_IMPLEMENTED.
graphql::resolver_map bind_resolvers(const graphql::schema& s, const endpoint_services& services) {
  graphql::resolver_map resolvers;
  resolvers.bind("Query.hello", [](const graphql::value&, const graphql::resolve_info&) {
    return graphql::value(boost::json::value(k_hello));
  });
  if (services.accounts != nullptr) {
    bind_account_resolvers(resolvers, *services.accounts, services.cookies);
  }
  if (services.store != nullptr && services.uploads != nullptr) {
    bind_user_resolvers(resolvers, *services.store, *services.uploads);
    bind_room_resolvers(resolvers, *services.store);
    bind_message_resolvers(resolvers, *services.store, *services.uploads);
  }
  const auto not_implemented = [](const std::string& coordinate) {
    return graphql::field_error{coordinate + " is not implemented yet in this build",
                                std::string(graphql::error_code::not_implemented),
                                {}};
  };
  for (const graphql::object_type* root : {s.query_type(), s.mutation_type()}) {
    if (root == nullptr) continue;
    for (const auto& field : root->fields()) {
      const std::string coordinate = root->name() + "." + field.name;
      if (resolvers.find(root->name(), field.name) != nullptr) continue;
      resolvers.bind(coordinate, [coordinate, not_implemented](const graphql::value&,
                                                               const graphql::resolve_info&) {
        return graphql::value(not_implemented(coordinate));
      });
    }
  }
  if (const graphql::object_type* root = s.subscription_type()) {
    for (const auto& field : root->fields()) {
      const std::string coordinate = root->name() + "." + field.name;
      resolvers.bind_subscribe(
          coordinate,
          [coordinate, not_implemented](const graphql::value&, const graphql::resolve_info&)
              -> boost::asio::awaitable<graphql::subscribe_outcome> {
            co_return not_implemented(coordinate);
          });
    }
  }
  return resolvers;
}

}  // namespace

graphql_endpoint::graphql_endpoint(std::shared_ptr<const graphql::schema> s, const options& opts,
                                   const endpoint_services& services)
    : schema_(std::move(s)),
      resolvers_(bind_resolvers(*schema_, services)),
      limit_rules_(graphql::limits::rules_for(opts.limits)),
      parse_options_(opts.parse),
      cache_(
          [this](std::string_view text) {
            graphql::prepared_document prepared;
            auto parsed = graphql::parse(text, parse_options_);
            if (!parsed.doc) {
              prepared.parse_failed = true;
              prepared.errors.push_back(std::move(*parsed.error));
              return prepared;
            }
            prepared.doc = std::move(parsed.doc);
            graphql::validation_options validation;
            validation.extra_rules = limit_rules_;
            prepared.errors = graphql::validate(*schema_, *prepared.doc, validation);
            return prepared;
          },
          opts.cache_entries),
      limits_(services.limits) {}

std::unique_ptr<graphql_endpoint> graphql_endpoint::create(std::string_view sdl,
                                                           const options& opts,
                                                           std::vector<std::string>& errors,
                                                           const endpoint_services& services) {
  graphql::build_options build;
  build.scalars["DateTime"] = graphql::date_time_coercion();  // GQL-3
  build.scalars["Upload"] = graphql::upload_coercion();       // GQL-3, HTTP-2
  auto built = graphql::build_schema(sdl, build);
  if (!built.built) {
    errors = std::move(built.errors);
    return nullptr;
  }
  std::unique_ptr<graphql_endpoint> endpoint(
      new graphql_endpoint(std::move(built.built), opts, services));
  errors = endpoint->resolvers_.unbound_fields(*endpoint->schema_, k_json_types);
  for (auto& error : errors)
    error = "Field " + error + " has neither a resolver nor a default";
  if (!errors.empty()) return nullptr;
  return endpoint;
}

boost::asio::awaitable<graphql_endpoint::operation_result> graphql_endpoint::run_one(
    const gh::operation_request& op, bool from_get, request_context& context) {
  const std::string timestamp = now_timestamp();
  const auto prepared = cache_.get(op.query);
  if (!prepared->valid()) {
    co_return operation_result{graphql::errors_document(prepared->errors, timestamp), true,
                               http::status::bad_request};
  }
  std::string selection_error;
  const auto* operation = select_operation(*prepared->doc, op.operation_name, selection_error);
  if (operation == nullptr) {
    const graphql::graphql_error errors[] = {
        request_error(selection_error, graphql::error_code::bad_request)};
    co_return operation_result{graphql::errors_document(errors, timestamp), true,
                               http::status::bad_request};
  }
  if (operation->operation == graphql::operation_type::subscription) {
    const graphql::graphql_error errors[] = {request_error(
        "Subscriptions are not served over HTTP; subscribe over WebSocket at /graphql.",
        graphql::error_code::bad_request)};
    co_return operation_result{graphql::errors_document(errors, timestamp), true,
                               http::status::bad_request};
  }
  if (from_get && operation->operation != graphql::operation_type::query) {
    const graphql::graphql_error errors[] = {request_error(
        "Can only perform a " + std::string(graphql::to_string(operation->operation)) +
            " operation from a POST request.",
        graphql::error_code::bad_request)};
    co_return operation_result{graphql::errors_document(errors, timestamp), true,
                               http::status::method_not_allowed};
  }
  if (limits_ != nullptr) {
    // RL-1: charged once the operation is known to run; a refusal runs nothing.
    if (auto refused = co_await limits_->check(*prepared->doc, *operation, context)) {
      const graphql::graphql_error errors[] = {std::move(*refused)};
      co_return operation_result{graphql::errors_document(errors, timestamp), true,
                                 http::status::too_many_requests};
    }
  }
  graphql::execution_request request;
  request.served = schema_.get();
  request.doc = prepared->doc;
  request.operation = operation;
  request.variables = op.variables;
  request.resolvers = &resolvers_;
  request.plans = prepared->plans;  // plans kept with the cached document (GQL-4)
  request.context = &context;
  auto result = co_await graphql::execute(std::move(request), timestamp);
  co_return operation_result{std::move(result.body), result.request_error,
                             result.request_error ? http::status::bad_request : http::status::ok};
}

boost::asio::awaitable<graphql_http_result> graphql_endpoint::run(const gh::parsed_request& request,
                                                                  gh::media_type media,
                                                                  request_context& context) {
  const bool strict = media == gh::media_type::graphql_response_json;
  if (!request.batched) {
    auto result = co_await run_one(request.operations.front(), request.from_get, context);
    http::status status = result.status;
    // application/json answers GraphQL errors with 200 (GraphQL over HTTP; Apollo
    // clients read a rate-limit refusal from `errors`, not from a 429); the
    // GET-mutation refusal is an HTTP matter and keeps its 405 either way.
    if (!strict && result.request_error &&
        (status == http::status::bad_request || status == http::status::too_many_requests)) {
      status = http::status::ok;
    }
    // RFC 9110: a 405 names the methods that would work; a mutation needs POST.
    std::string allow = status == http::status::method_not_allowed ? "POST" : "";
    context.loaders.reset();  // the request's lookups end with it (their timers too)
    co_return graphql_http_result{status, std::move(result.body), std::move(allow)};
  }
  std::string body = "[";
  for (std::size_t i = 0; i < request.operations.size(); ++i) {
    if (i > 0) body += ',';
    body += (co_await run_one(request.operations[i], request.from_get, context)).body;
  }
  body += ']';
  context.loaders.reset();
  co_return graphql_http_result{http::status::ok, std::move(body), {}};
}

}  // namespace chat::api
