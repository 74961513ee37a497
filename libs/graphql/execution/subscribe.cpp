#include "graphql/execution/subscribe.hpp"

#include <exception>

#include "graphql/execution/coerce_values.hpp"
#include "graphql/execution/collect_fields.hpp"
#include "graphql/execution/execution_plan.hpp"
#include "graphql/execution/response_writer.hpp"

namespace chat::graphql {

namespace asio = boost::asio;

// ---- response_stream ----

response_stream::response_stream(execution_request request, std::unique_ptr<source_stream> source)
    : request_(std::move(request)), source_(std::move(source)) {
  // Every event runs the same operation: plan it once, not per event.
  if (!request_.plans) request_.plans = std::make_shared<execution_plans>();
}

response_stream::~response_stream() {
  close();
}

asio::awaitable<std::optional<execution_result>> response_stream::next(std::string_view timestamp) {
  if (closed_) co_return std::nullopt;
  std::optional<value> event = co_await source_->next();
  if (!event || closed_) co_return std::nullopt;
  execution_request request = request_;
  request.root = std::move(*event);
  co_return co_await execute(std::move(request), timestamp);
}

void response_stream::close() {
  if (closed_) return;
  closed_ = true;
  source_->close();
}

// ---- subscribe ----

namespace {

graphql_error located(std::string message, std::span<const field_node* const> nodes,
                      const document& doc, std::string_view response_key, std::string code) {
  graphql_error error;
  error.message = std::move(message);
  for (const field_node* node : nodes)
    error.locations.push_back(doc.position(node->loc.start));
  if (!response_key.empty()) error.path.emplace_back(std::string(response_key));
  error.code = std::move(code);
  return error;
}

}  // namespace

asio::awaitable<subscribe_result> subscribe(execution_request request, std::string_view timestamp) {
  subscribe_result result;
  const auto fail = [&](std::vector<graphql_error> errors, bool request_error) {
    result.failure.body = errors_document(errors, timestamp);
    result.failure.request_error = request_error;
    result.failure.error_count = errors.size();
  };
  const schema& served = *request.served;
  const document& doc = *request.doc;
  const operation_definition_node& operation = *request.operation;

  boost::json::object variables;
  auto variable_errors =
      coerce_variable_values(served, doc, operation, request.variables, variables);
  if (!variable_errors.empty()) {
    fail(std::move(variable_errors), true);
    co_return result;
  }

  // Spec CreateSourceEventStream.
  const object_type* root = served.subscription_type();
  if (root == nullptr) {
    graphql_error error;
    error.message = "Schema is not configured to execute subscription operation.";
    error.locations.push_back(doc.position(operation.loc.start));
    error.code = error_code::internal;
    fail({std::move(error)}, true);
    co_return result;
  }
  const fragment_map fragments(doc.root());
  grouped_field_set fields;
  collect_fields(served, fragments, *root, *operation.selection_set, variables, fields);
  if (fields.empty()) {
    graphql_error error;
    error.message = "The subscription selects no field (every root field was skipped).";
    error.locations.push_back(doc.position(operation.loc.start));
    error.code = error_code::bad_user_input;
    fail({std::move(error)}, true);
    co_return result;
  }
  const collected_field& field = fields.front();
  const field_node& node = *field.nodes.front();
  const field_definition* def = root->find_field(node.name.value);
  if (def == nullptr) {
    fail({located("The subscription field \"" + std::string(node.name.value) + "\" is not defined.",
                  field.nodes, doc, {}, std::string(error_code::internal))},
         false);
    co_return result;
  }
  boost::json::object arguments;
  if (!def->arguments.empty()) {
    if (auto error = coerce_argument_values(def->arguments, node.arguments, node, variables, doc,
                                            arguments)) {
      error->path = {std::string(field.response_key)};
      error->code = error_code::bad_user_input;
      fail({std::move(*error)}, false);
      co_return result;
    }
  }
  const resolver_map::entry* entry =
      request.resolvers != nullptr ? request.resolvers->find(root->name(), def->name) : nullptr;
  if (entry == nullptr || !entry->subscribe) {
    fail({located("Subscription field must return Async Iterable. Received: undefined.",
                  field.nodes, doc, field.response_key, std::string(error_code::internal))},
         false);
    co_return result;
  }

  const resolve_info info{*def,      *root,     node,   arguments,
                          variables, operation, served, request.context};
  subscribe_outcome outcome;
  try {
    outcome = co_await entry->subscribe(request.root, info);
  } catch (const std::exception& e) {
    outcome = field_error{e.what(), std::string(error_code::internal), {}};
  }
  if (auto* error = std::get_if<field_error>(&outcome)) {
    graphql_error located_error =
        located(std::move(error->message), field.nodes, doc, field.response_key,
                error->code.empty() ? std::string(error_code::internal) : std::move(error->code));
    located_error.extra_extensions = std::move(error->extra_extensions);
    fail({std::move(located_error)}, false);
    co_return result;
  }
  auto& source = std::get<std::unique_ptr<source_stream>>(outcome);
  if (!source) {
    fail({located("Subscription field must return Async Iterable. Received: null.", field.nodes,
                  doc, field.response_key, std::string(error_code::internal))},
         false);
    co_return result;
  }
  result.stream = std::make_unique<response_stream>(std::move(request), std::move(source));
  co_return result;
}

}  // namespace chat::graphql
