#pragma once
/// The GraphQL syntax tree (spec section 2, "Language", and section 3's type system
/// definitions), shaped after graphql-js `language/ast.ts`.
///
/// Nodes live in the `arena` of the `document` that owns them and are immutable once
/// parsed. Names and raw numbers are views into the document's source text; decoded
/// string values are copied into the arena. A missing optional part is a null pointer
/// (or an empty name / empty span).
///
/// Every node has a `kind` (for `node_cast`) and a `loc`: the byte offsets of its first
/// and one-past-last character in the source. `source::position` turns an offset into the
/// line and column graphql-js reports.
///
/// Thread-safety: immutable after parsing; safe to read from any thread.

#include <cstdint>
#include <span>
#include <string_view>

namespace chat::graphql {

/// Byte offsets [start, end) into the source text.
struct location {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

enum class node_kind : std::uint8_t {
  document,
  // executable definitions
  operation_definition,
  variable_definition,
  selection_set,
  field,
  argument,
  fragment_spread,
  inline_fragment,
  fragment_definition,
  // values
  variable,
  int_value,
  float_value,
  string_value,
  boolean_value,
  null_value,
  enum_value,
  list_value,
  object_value,
  object_field,
  // directives and type references
  directive,
  named_type,
  list_type,
  non_null_type,
  // type system definitions
  schema_definition,
  operation_type_definition,
  scalar_type_definition,
  object_type_definition,
  field_definition,
  input_value_definition,
  interface_type_definition,
  union_type_definition,
  enum_type_definition,
  enum_value_definition,
  input_object_type_definition,
  directive_definition,
  // type system extensions (same node shapes as their definitions)
  schema_extension,
  scalar_type_extension,
  object_type_extension,
  interface_type_extension,
  union_type_extension,
  enum_type_extension,
  input_object_type_extension,
};

/// graphql-js's `Kind` string for a node kind ("Field", "OperationDefinition", …).
std::string_view kind_name(node_kind kind) noexcept;

struct node {
  node_kind kind;
  location loc;
};

/// A name and where it stands. An absent optional name has an empty `value`.
struct name {
  std::string_view value;
  location loc;
  bool empty() const noexcept { return value.empty(); }
};

// ---- values ----

struct value_node : node {};

struct variable_node : value_node {
  graphql::name name;
};
struct int_value_node : value_node {
  std::string_view value;  // the literal as written, e.g. "-12"
};
struct float_value_node : value_node {
  std::string_view value;  // e.g. "1.5e3"
};
struct string_value_node : value_node {
  std::string_view value;  // decoded (escapes resolved, block strings dedented)
  bool block = false;
};
struct boolean_value_node : value_node {
  bool value = false;
};
struct null_value_node : value_node {};
struct enum_value_node : value_node {
  std::string_view value;
};
struct list_value_node : value_node {
  std::span<value_node* const> values;
};
struct object_field_node : node {
  graphql::name name;
  value_node* value = nullptr;
};
struct object_value_node : value_node {
  std::span<object_field_node* const> fields;
};

// ---- type references ----

struct type_node : node {};

struct named_type_node : type_node {
  graphql::name name;
};
struct list_type_node : type_node {
  type_node* type = nullptr;
};
struct non_null_type_node : type_node {
  type_node* type = nullptr;  // a named or list type, never non-null
};

// ---- directives and arguments ----

struct argument_node : node {
  graphql::name name;
  value_node* value = nullptr;
};
struct directive_node : node {
  graphql::name name;
  std::span<argument_node* const> arguments;
};

// ---- selections ----

struct selection_node : node {
  std::span<directive_node* const> directives;
};
struct selection_set_node : node {
  std::span<selection_node* const> selections;
};
struct field_node : selection_node {
  graphql::name alias;  // empty when none
  graphql::name name;
  std::span<argument_node* const> arguments;
  selection_set_node* selection_set = nullptr;  // null for leaf fields
  /// The response key: the alias when there is one, else the name.
  std::string_view response_key() const noexcept {
    return alias.empty() ? name.value : alias.value;
  }
};
struct fragment_spread_node : selection_node {
  graphql::name name;
};
struct inline_fragment_node : selection_node {
  named_type_node* type_condition = nullptr;  // null when absent
  selection_set_node* selection_set = nullptr;
};

// ---- executable definitions ----

enum class operation_type : std::uint8_t { query, mutation, subscription };
std::string_view to_string(operation_type type) noexcept;  // "query", …

struct definition_node : node {};

struct variable_definition_node : node {
  variable_node* variable = nullptr;
  type_node* type = nullptr;
  value_node* default_value = nullptr;  // null when absent
  std::span<directive_node* const> directives;
  /// Descriptions on executable definitions: spec September 2025, graphql-js 16.12+.
  string_value_node* description = nullptr;
};
struct operation_definition_node : definition_node {
  operation_type operation = operation_type::query;
  graphql::name name;  // empty for anonymous operations (and the `{ … }` shorthand)
  std::span<variable_definition_node* const> variable_definitions;
  std::span<directive_node* const> directives;
  selection_set_node* selection_set = nullptr;
  string_value_node* description = nullptr;  // never set for the `{ … }` shorthand
};
struct fragment_definition_node : definition_node {
  graphql::name name;
  named_type_node* type_condition = nullptr;
  std::span<directive_node* const> directives;
  selection_set_node* selection_set = nullptr;
  string_value_node* description = nullptr;
};

// ---- type system definitions and extensions ----

struct operation_type_definition_node : node {
  operation_type operation = operation_type::query;
  named_type_node* type = nullptr;
};
/// kind: schema_definition or schema_extension (no description).
struct schema_definition_node : definition_node {
  string_value_node* description = nullptr;
  std::span<directive_node* const> directives;
  std::span<operation_type_definition_node* const> operation_types;
};

struct input_value_definition_node : node {
  string_value_node* description = nullptr;
  graphql::name name;
  type_node* type = nullptr;
  value_node* default_value = nullptr;
  std::span<directive_node* const> directives;
};
struct field_definition_node : node {
  string_value_node* description = nullptr;
  graphql::name name;
  std::span<input_value_definition_node* const> arguments;
  type_node* type = nullptr;
  std::span<directive_node* const> directives;
};
struct enum_value_definition_node : node {
  string_value_node* description = nullptr;
  graphql::name name;
  std::span<directive_node* const> directives;
};

/// Common head of every named type definition or extension.
struct type_definition_node : definition_node {
  string_value_node* description = nullptr;  // always null for extensions
  graphql::name name;
  std::span<directive_node* const> directives;
};
/// kind: scalar_type_definition or scalar_type_extension.
struct scalar_type_definition_node : type_definition_node {};
/// kind: object_type_definition / _extension or interface_type_definition / _extension.
struct object_type_definition_node : type_definition_node {
  std::span<named_type_node* const> interfaces;
  std::span<field_definition_node* const> fields;
};
/// kind: union_type_definition or union_type_extension.
struct union_type_definition_node : type_definition_node {
  std::span<named_type_node* const> types;
};
/// kind: enum_type_definition or enum_type_extension.
struct enum_type_definition_node : type_definition_node {
  std::span<enum_value_definition_node* const> values;
};
/// kind: input_object_type_definition or input_object_type_extension.
struct input_object_type_definition_node : type_definition_node {
  std::span<input_value_definition_node* const> fields;
};
struct directive_definition_node : definition_node {
  string_value_node* description = nullptr;
  graphql::name name;
  std::span<input_value_definition_node* const> arguments;
  bool repeatable = false;
  std::span<const graphql::name> locations;  // e.g. FIELD, QUERY, ARGUMENT_DEFINITION
};

struct document_node : node {
  std::span<definition_node* const> definitions;
};

// ---- kind checks ----

bool is_executable_definition(node_kind kind) noexcept;
bool is_type_system_definition(node_kind kind) noexcept;  // includes schema and directive
bool is_type_system_extension(node_kind kind) noexcept;
bool is_type_definition(node_kind kind) noexcept;  // the six named type definitions
bool is_type_extension(node_kind kind) noexcept;   // the six named type extensions
bool is_value(node_kind kind) noexcept;
bool is_selection(node_kind kind) noexcept;
bool is_type_reference(node_kind kind) noexcept;

/// The node as `T` when `kind` matches one `T` may have; null otherwise. For example
/// `node_cast<field_node>(selection)` or `node_cast<object_type_definition_node>(def)`
/// (which accepts objects, interfaces and their extensions).
template <typename T>
const T* node_cast(const node* n) noexcept;

}  // namespace chat::graphql

#include "graphql/language/ast_cast.inl"
