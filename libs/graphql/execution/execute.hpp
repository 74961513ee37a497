#pragma once
/// Executing an operation (spec section 6) against resolvers bound by `Type.field`
/// (SPEC GQL-2), writing the response JSON straight into a buffer.
///
/// The value model. A resolver returns a `value`:
///  - leaves and plain data as JSON (`boost::json::value`): scalars, enum names, and
///    objects that need no resolvers (a JSON object's members resolve fields of the same
///    name: graphql-js's default resolver);
///  - application objects as `object_value`: an opaque shared pointer the executor hands
///    to the resolvers of the object's fields, with the GraphQL type name it stands for
///    (needed when the field's type is an interface or union);
///  - lists of values;
///  - an error (`field_error`), which becomes a field error with the field's path.
///
/// Resolvers come in two kinds: synchronous (`sync_resolver`: reading a member of the
/// parent; no coroutine frame is made) and asynchronous (`async_resolver`: a C++20
/// coroutine on the executor, for I/O). Independent fields of a query run concurrently
/// (all started before any is awaited); mutation root fields run one after another, in
/// order (GQL-6).
///
/// Batching (GQL-6): asynchronous resolvers of sibling objects are all started before
/// any completes, so a loader that collects the keys requested during one turn of the
/// executor and fetches them together (see `batch_loader`) costs one round trip per
/// level of the result instead of one per object.
///
/// Thread-safety: a `resolver_map` is built at start-up and read-only afterwards. One
/// execution runs on one executor (strand); resolvers of one execution are never called
/// concurrently from two threads.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graphql/error/graphql_error.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/type/schema.hpp"

namespace chat::graphql {

class value;
class execution_plans;  // execution_plan.hpp

/// An application object standing for a GraphQL object type.
struct object_value {
  std::shared_ptr<const void> object;
  /// The concrete object type's name; required when the field's type is abstract.
  std::string_view type_name;
};

/// A resolver's failure: becomes `{message, locations, path, extensions.code}`.
struct field_error {
  std::string message;
  std::string code;              // e.g. "UNAUTHENTICATED", "NOT_FOUND"; empty: none
  std::string extra_extensions;  // more members of `extensions`, as JSON text
};

class value {
 public:
  using list = std::vector<value>;
  value() : data_(boost::json::value(nullptr)) {}
  value(boost::json::value json) : data_(std::move(json)) {}  // NOLINT: implicit on purpose
  value(object_value object) : data_(std::move(object)) {}    // NOLINT
  value(list items) : data_(std::move(items)) {}              // NOLINT
  value(field_error error) : data_(std::move(error)) {}       // NOLINT

  bool is_null() const noexcept;
  const boost::json::value* json() const noexcept {
    return std::get_if<boost::json::value>(&data_);
  }
  const object_value* object() const noexcept { return std::get_if<object_value>(&data_); }
  const list* items() const noexcept { return std::get_if<list>(&data_); }
  const field_error* error() const noexcept { return std::get_if<field_error>(&data_); }

 private:
  std::variant<boost::json::value, object_value, list, field_error> data_;
};

/// What a resolver knows about the field it resolves.
struct resolve_info {
  const field_definition& field;
  const object_type& parent_type;
  const field_node& node;                // the first field node of the merged set
  const boost::json::object& arguments;  // coerced, defaults applied
  const boost::json::object& variables;  // coerced variable values
  const operation_definition_node& operation;
  const schema& served;
  /// The application's per-request state (the signed-in user, loaders, …).
  void* context = nullptr;
};

using sync_resolver = std::function<value(const value& parent, const resolve_info& info)>;
using async_resolver =
    std::function<boost::asio::awaitable<value>(const value& parent, const resolve_info& info)>;

/// A source event stream (spec 6.2.3.1 CreateSourceEventStream): the events a
/// subscription root field delivers, each the root value of one execution of the
/// subscription's selection set (see `subscribe.hpp`).
class source_stream {
 public:
  virtual ~source_stream() = default;
  /// The next event, or nullopt once the stream has ended. One call at a time.
  virtual boost::asio::awaitable<std::optional<value>> next() = 0;
  /// Ends the stream (the client unsubscribed): a pending `next` completes with nullopt,
  /// later ones too. Idempotent.
  virtual void close() = 0;
};

/// A subscription root field's subscriber: its source stream, or why there is none.
using subscribe_outcome = std::variant<std::unique_ptr<source_stream>, field_error>;
using subscribe_resolver = std::function<boost::asio::awaitable<subscribe_outcome>(
    const value& root, const resolve_info& info)>;

/// Resolvers by "Type.field".
class resolver_map {
 public:
  void bind(std::string coordinate, sync_resolver resolver);
  void bind_async(std::string coordinate, async_resolver resolver);
  /// The subscriber of a subscription root field. Its events resolve the field with the
  /// field's resolver when one is bound, else with the event's member of the field's name.
  void bind_subscribe(std::string coordinate, subscribe_resolver subscriber);

  /// GQL-2: the fields of object types that have neither a resolver nor a default. An
  /// object type in `json_types` is resolved from JSON members by default (for
  /// example the response wrappers `LogInResponse`); introspection types and
  /// `__typename` are the executor's own. A subscription root field needs a subscriber
  /// (its resolver defaults to reading the event).
  std::vector<std::string> unbound_fields(const schema& s,
                                          const std::vector<std::string>& json_types) const;

  struct entry {
    sync_resolver sync;
    async_resolver async;
    subscribe_resolver subscribe;
    bool resolves() const noexcept { return sync || async; }
  };
  const entry* find(std::string_view type_name, std::string_view field_name) const;

 private:
  std::map<std::string, entry, std::less<>> entries_;
};

struct execution_request {
  const schema* served = nullptr;
  std::shared_ptr<const document> doc;
  const operation_definition_node* operation = nullptr;
  /// Raw variables from the request; coerced against the operation's definitions
  /// (failures: BAD_USER_INPUT errors and no `data`).
  boost::json::object variables;
  const resolver_map* resolvers = nullptr;
  value root;               // the root value handed to root field resolvers
  void* context = nullptr;  // resolve_info::context
  /// Where plans of `doc`'s operations are kept between executions (the document cache
  /// makes one per valid document: `prepared_document::plans`); null: the operation is
  /// planned again by this execution.
  std::shared_ptr<execution_plans> plans;
};

struct execution_result {
  /// The whole response document: `{"data":…}` or `{"errors":[…],"data":…}`.
  std::string body;
  /// True when the request failed before execution (variable coercion): no `data`.
  bool request_error = false;
  std::size_t error_count = 0;
};

/// Executes `request.operation` (spec 6.2 ExecuteRequest for queries and mutations).
/// Each error gets `extensions.timestamp = timestamp`.
boost::asio::awaitable<execution_result> execute(execution_request request,
                                                 std::string_view timestamp);

}  // namespace chat::graphql
