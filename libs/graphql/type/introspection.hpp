#pragma once
/// Internal to libs/graphql/type: the types every schema carries whether its SDL names
/// them or not — the five specified scalars (spec 3.5), the introspection types and
/// meta-fields (spec 4.2, 4.5) and the specified directives (spec 3.13) — made exactly as
/// graphql-js 16 defines them (names, descriptions, fields, arguments, defaults, order),
/// because introspection output must match graphql-js byte for byte.
///
/// Thread-safety: used only while building a schema (single-threaded).

#include <array>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "graphql/type/schema.hpp"

namespace chat::graphql {

class schema_builder;

namespace detail {

/// The standard types of one schema under construction.
struct standard_types {
  const scalar_type* string = nullptr;
  const scalar_type* int_type = nullptr;
  const scalar_type* float_type = nullptr;
  const scalar_type* boolean = nullptr;
  const scalar_type* id = nullptr;
  /// __Schema, __Directive, __DirectiveLocation, __Type, __Field, __InputValue,
  /// __EnumValue, __TypeKind (graphql-js `introspectionTypes` order).
  std::array<const named_type*, 8> introspection{};

  /// graphql-js `stdTypeMap`: the specified scalars and introspection types by name.
  const named_type* find(std::string_view name) const noexcept;
  const object_type& schema_type() const noexcept {
    return static_cast<const object_type&>(*introspection[0]);
  }
};

/// Makes the specified scalars and the introspection types in `builder` and sets the
/// schema's meta-field definitions (`__schema`, `__type`, `__typename`).
standard_types add_standard_types(schema_builder& builder);

/// Makes graphql-js's `specifiedDirectives` (@include, @skip, @deprecated, @specifiedBy,
/// @oneOf), in that order.
std::vector<const directive_definition*> add_specified_directives(schema_builder& builder,
                                                                  const standard_types& std_types);

/// The names of graphql-js `specifiedScalarTypes` followed by `introspectionTypes`
/// (KnownTypeNamesRule's `standardTypeNames`, used for suggestions).
std::span<const std::string_view> standard_type_names() noexcept;

/// The specified directives' names, locations, argument names, required arguments and
/// repeatability, for SDL validation before any schema exists.
struct specified_directive_info {
  std::string_view name;
  std::vector<directive_location> locations;
  std::vector<std::string_view> arguments;
  /// Required arguments (non-null without default) with their type as written.
  std::vector<std::pair<std::string_view, std::string_view>> required;
  bool repeatable = false;
};
std::span<const specified_directive_info> specified_directive_infos();

/// The built-in default reason of `@deprecated`.
inline constexpr std::string_view k_default_deprecation_reason = "No longer supported";

}  // namespace detail
}  // namespace chat::graphql
