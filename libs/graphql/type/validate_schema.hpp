#pragma once
/// Internal to libs/graphql/type: graphql-js `validateSchema` (type/validate.ts) over a
/// schema just built from SDL, before it is published.
///
/// The schema's own members hold only what a valid schema can hold (an object's
/// interfaces are interfaces, a union's members objects, roots objects), so the draft
/// carries what the SDL declared, whatever its kind, for the checks that reject it.
///
/// Thread-safety: single-threaded, during building.

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "graphql/type/schema.hpp"

namespace chat::graphql::detail {

struct schema_draft {
  const schema* built = nullptr;  // types and wrappers (for IsSubType)
  const named_type* query = nullptr;
  const named_type* mutation = nullptr;
  const named_type* subscription = nullptr;
  /// The type map, in graphql-js order.
  std::vector<const named_type*> types;
  std::vector<const directive_definition*> directives;
  /// The introspection types (exempt from the `__` name rule).
  std::vector<const named_type*> introspection_types;
  /// Per object or interface: the types named after `implements`, in order.
  std::unordered_map<const named_type*, std::vector<const named_type*>> declared_interfaces;
  /// Per union: the member types named, in order.
  std::unordered_map<const named_type*, std::vector<const named_type*>> declared_members;

  std::span<const named_type* const> interfaces_of(const named_type& type) const;
  std::span<const named_type* const> members_of(const named_type& type) const;
};

/// graphql-js's messages, in its order (roots, directives, then types in type map order).
std::vector<std::string> validate_schema(const schema_draft& draft);

}  // namespace chat::graphql::detail
