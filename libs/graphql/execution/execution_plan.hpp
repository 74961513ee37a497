#pragma once
/// Execution plans: what executing an operation needs to know before any resolver runs
/// (DESIGN.md: "pre-compute what execution of a cached document needs"). For each object
/// type a selection set meets, spec CollectFields's grouped field set, each field's
/// definition, resolver, coerced arguments (spec CoerceArgumentValues) and the plans of
/// its sub-selections, and whether anything below may suspend (an asynchronous
/// resolver). The tree is complete: abstract-typed fields have a plan per possible type.
///
/// A plan depends on the variables only through `@skip`/`@include` conditions (it records
/// the variables they read, see `variable_reads`) and through arguments that use
/// variables (those are coerced again by each execution: `argument_slot`). So one plan
/// serves every execution whose variables agree on the conditions read, and
/// `execution_plans` keeps plans beside a cached document (GQL-4) between executions.
///
/// Thread-safety: an `operation_plan` is immutable once built and may be shared between
/// threads; `execution_plans` may be used from any thread.

#include <atomic>
#include <boost/json/object.hpp>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graphql/error/graphql_error.hpp"
#include "graphql/execution/collect_fields.hpp"
#include "graphql/execution/execute.hpp"
#include "graphql/execution/introspection_resolvers.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/type/scalars.hpp"
#include "graphql/type/schema.hpp"

namespace chat::graphql {

namespace detail {

enum class field_kind : std::uint8_t {
  typename_field,  // __typename
  schema_field,    // __schema
  type_field,      // __type(name:)
  introspection,   // a field of an introspection type
  sync_resolver,
  async_resolver,
  default_resolver,  // the JSON member of the field's name
};

/// Coerced argument values, or why they could not be coerced (spec CoerceArgumentValues;
/// the error has its message, location and code BAD_USER_INPUT, not yet its path).
struct coerced_arguments {
  boost::json::object values;
  std::optional<graphql_error> error;
};

struct object_plan;

struct planned_field {
  const object_type* parent_type = nullptr;
  collected_field field;  // response key and merged nodes
  /// `,"<response key>":`, ready to be written (without the comma for the first member).
  std::string key_json;
  const field_definition* def = nullptr;
  field_kind kind = field_kind::default_resolver;
  const resolver_map::entry* entry = nullptr;
  introspection_field introspection = introspection_field::none;
  /// The field's named type when it is a built-in scalar (leaf completion without looking
  /// the scalar up by name).
  std::optional<builtin_scalar> builtin;
  /// Arguments without variables, coerced once. When they use variables, each execution
  /// coerces them into its slot `argument_slot`.
  coerced_arguments arguments;
  bool arguments_use_variables = false;
  std::size_t argument_slot = 0;
  /// Sub-selection plans: `child` when the named type is an object type, else one per
  /// possible type of the abstract type.
  const object_plan* child = nullptr;
  std::vector<std::pair<const object_type*, const object_plan*>> children;
  /// Something below this field (not its own resolver) may suspend.
  bool subtree_may_suspend = false;

  bool may_suspend() const noexcept {
    return kind == field_kind::async_resolver || subtree_may_suspend;
  }
  const object_plan* plan_for(const object_type& runtime_type) const noexcept;
};

struct object_plan {
  const object_type* type = nullptr;
  std::vector<planned_field> fields;
  bool may_suspend = false;
};

/// The plan of one operation (for given values of the `@skip`/`@include` variables).
struct operation_plan {
  const schema* served = nullptr;
  const operation_definition_node* operation = nullptr;
  const resolver_map* resolvers = nullptr;
  const object_plan* root = nullptr;  // null when the schema has no root type for it
  std::deque<object_plan> plans;      // stable addresses
  std::size_t argument_slots = 0;
  variable_reads reads;
  /// The size of the last response written with this plan (a capacity hint).
  mutable std::atomic<std::size_t> response_size{0};

  /// True when a plan built with `variables` would be this one.
  bool holds_for(const boost::json::object& variables) const noexcept;
};

}  // namespace detail

/// Builds the plan of `operation` with (coerced) `variables`.
std::shared_ptr<const detail::operation_plan> build_operation_plan(
    const schema& served, const document& doc, const operation_definition_node& operation,
    const resolver_map* resolvers, const boost::json::object& variables);

/// The plans of one document's operations, kept between executions (a few per
/// operation when `@skip`/`@include` variables vary). Made by the document cache for each
/// valid document (`prepared_document::plans`) and handed to `execute` in
/// `execution_request::plans`.
class execution_plans {
 public:
  /// Most plans kept; later ones are built for each execution.
  static constexpr std::size_t k_max_plans = 16;

  /// A plan of `operation` (of `doc`, which the caller keeps alive) that holds for
  /// `variables`: a kept one, or a new one, kept when there is room.
  std::shared_ptr<const detail::operation_plan> get(const schema& served, const document& doc,
                                                    const operation_definition_node& operation,
                                                    const resolver_map* resolvers,
                                                    const boost::json::object& variables);

  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<const detail::operation_plan>> plans_;
};

}  // namespace chat::graphql
