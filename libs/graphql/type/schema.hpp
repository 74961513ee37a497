#pragma once
/// The GraphQL type system (spec section 3) as the executor and validator see it: a
/// `schema` owns every type, field, argument and directive; everything else holds plain
/// `const` pointers into it. Built once at start-up (`build_schema` from SDL), immutable
/// afterwards.
///
/// Shaped after graphql-js `type/definition.ts` and `type/schema.ts`, minus the parts a
/// schema-first server does not need. Wrapping types (lists and non-null) are interned:
/// the same wrapper of the same type is always the same object, so type equality is
/// pointer equality.
///
/// Thread-safety: immutable after `build_schema` returns; safe to share between threads.

#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/language/ast.hpp"

namespace chat::graphql {

class document;

enum class type_kind : std::uint8_t {
  scalar,
  object,
  interface,
  union_type,
  enum_type,
  input_object,
  list,
  non_null,
};

/// graphql-js's `__TypeKind` name: "SCALAR", "OBJECT", …, "NON_NULL".
std::string_view to_string(type_kind kind) noexcept;

class named_type;

/// Any type, named or wrapping.
class type {
 public:
  virtual ~type() = default;
  type_kind kind() const noexcept { return kind_; }

  /// The type inside list and non-null wrappers (itself for named types).
  const named_type& named() const noexcept;
  /// For list and non-null: the wrapped type; null for named types.
  const type* of_type() const noexcept { return of_type_; }
  bool is_non_null() const noexcept { return kind_ == type_kind::non_null; }
  bool is_list() const noexcept { return kind_ == type_kind::list; }
  /// Spec "IsInputType" / "IsOutputType" / leaf (scalar or enum) / composite
  /// (object, interface, union) / abstract (interface, union).
  bool is_input_type() const noexcept;
  bool is_output_type() const noexcept;
  bool is_leaf() const noexcept;
  bool is_composite() const noexcept;
  bool is_abstract() const noexcept;

  /// The type as written in GraphQL: `[String!]!`.
  std::string to_string() const;

 protected:
  type(type_kind kind, const type* of_type) : kind_(kind), of_type_(of_type) {}

 private:
  type_kind kind_;
  const type* of_type_;
};

/// `@deprecated(reason:)` on a field, argument, input field or enum value.
struct deprecation {
  bool deprecated = false;
  std::string reason;  // "No longer supported" when the directive gives none
};

/// An argument or an input object field.
struct input_value {
  std::string name;
  std::string description;  // empty: none
  const type* value_type = nullptr;
  /// The default as written in the SDL (printed by introspection), or null.
  const value_node* default_value = nullptr;
  deprecation deprecated;
  const input_value_definition_node* ast = nullptr;
};

struct field_definition {
  std::string name;
  std::string description;
  const type* field_type = nullptr;
  std::vector<input_value> arguments;
  deprecation deprecated;
  const field_definition_node* ast = nullptr;
  /// Index of this field among its parent's fields (for resolver tables).
  std::size_t index = 0;

  const input_value* find_argument(std::string_view arg_name) const noexcept;
};

class named_type : public type {
 public:
  const std::string& name() const noexcept { return name_; }
  const std::string& description() const noexcept { return description_; }
  /// Definition and extensions that made this type (empty for built-in types).
  std::span<const type_definition_node* const> ast_nodes() const noexcept { return ast_nodes_; }

 protected:
  named_type(type_kind kind, std::string name, std::string description)
      : type(kind, nullptr), name_(std::move(name)), description_(std::move(description)) {}

 private:
  friend class schema_builder;
  std::string name_;
  std::string description_;
  std::vector<const type_definition_node*> ast_nodes_;
};

/// Coercion of a scalar (spec 3.5): input coercion from a variable's JSON value or from a
/// literal, and result coercion of what a resolver returned. Each returns the coerced
/// value, or nullopt with `error` set to graphql-js's message (e.g. `Int cannot represent
/// non-integer value: 1.5`). An empty `serialize` writes results as they are (graphql-js's
/// default for custom scalars).
struct scalar_coercion {
  std::function<std::optional<boost::json::value>(const boost::json::value& input,
                                                  std::string& error)>
      parse_value;
  std::function<std::optional<boost::json::value>(const value_node& literal, std::string& error)>
      parse_literal;
  std::function<std::optional<boost::json::value>(const boost::json::value& result,
                                                  std::string& error)>
      serialize = {};
};

class scalar_type final : public named_type {
 public:
  scalar_type(std::string name, std::string description, scalar_coercion coercion,
              std::string specified_by_url = {})
      : named_type(type_kind::scalar, std::move(name), std::move(description)),
        coercion_(std::move(coercion)),
        specified_by_url_(std::move(specified_by_url)) {}
  const scalar_coercion& coercion() const noexcept { return coercion_; }
  const std::string& specified_by_url() const noexcept { return specified_by_url_; }
  bool is_builtin() const noexcept;  // Int, Float, String, Boolean, ID

 private:
  friend class schema_builder;
  scalar_coercion coercion_;
  std::string specified_by_url_;
};

class interface_type;

/// Shared by object and interface types: ordered fields and implemented interfaces.
class fields_type : public named_type {
 public:
  std::span<const field_definition> fields() const noexcept { return fields_; }
  const field_definition* find_field(std::string_view field_name) const noexcept;
  std::span<const interface_type* const> interfaces() const noexcept { return interfaces_; }
  bool implements(const interface_type& iface) const noexcept;

 protected:
  using named_type::named_type;

 private:
  friend class schema_builder;
  std::vector<field_definition> fields_;
  std::map<std::string, std::size_t, std::less<>> field_index_;
  std::vector<const interface_type*> interfaces_;
};

class object_type final : public fields_type {
 public:
  object_type(std::string name, std::string description)
      : fields_type(type_kind::object, std::move(name), std::move(description)) {}
};

class interface_type final : public fields_type {
 public:
  interface_type(std::string name, std::string description)
      : fields_type(type_kind::interface, std::move(name), std::move(description)) {}
};

class union_type final : public named_type {
 public:
  union_type(std::string name, std::string description)
      : named_type(type_kind::union_type, std::move(name), std::move(description)) {}
  std::span<const object_type* const> members() const noexcept { return members_; }

 private:
  friend class schema_builder;
  std::vector<const object_type*> members_;
};

struct enum_value {
  std::string name;
  std::string description;
  deprecation deprecated;
  const enum_value_definition_node* ast = nullptr;
};

class enum_type final : public named_type {
 public:
  enum_type(std::string name, std::string description)
      : named_type(type_kind::enum_type, std::move(name), std::move(description)) {}
  std::span<const enum_value> values() const noexcept { return values_; }
  const enum_value* find_value(std::string_view value_name) const noexcept;

 private:
  friend class schema_builder;
  std::vector<enum_value> values_;
};

class input_object_type final : public named_type {
 public:
  input_object_type(std::string name, std::string description)
      : named_type(type_kind::input_object, std::move(name), std::move(description)) {}
  std::span<const input_value> fields() const noexcept { return fields_; }
  const input_value* find_field(std::string_view field_name) const noexcept;
  /// Declared with `@oneOf` (graphql-js 16.15 specifies it): exactly one field must be given,
  /// non-null.
  bool is_one_of() const noexcept { return one_of_; }

 private:
  friend class schema_builder;
  std::vector<input_value> fields_;
  bool one_of_ = false;
};

class list_type final : public type {
 public:
  explicit list_type(const type& of) : type(type_kind::list, &of) {}
};

class non_null_type final : public type {
 public:
  explicit non_null_type(const type& of) : type(type_kind::non_null, &of) {}
};

/// Where a directive may appear (spec 3.13 DirectiveLocation).
enum class directive_location : std::uint8_t {
  query,
  mutation,
  subscription,
  field,
  fragment_definition,
  fragment_spread,
  inline_fragment,
  variable_definition,
  schema,
  scalar,
  object,
  field_definition,
  argument_definition,
  interface,
  union_type,
  enum_type,
  enum_value,
  input_object,
  input_field_definition,
  directive_definition,  // graphql-js 16.15: @deprecated may stand on a directive definition
};
std::string_view to_string(directive_location location) noexcept;  // "QUERY", …
std::optional<directive_location> parse_directive_location(std::string_view text) noexcept;

struct directive_definition {
  std::string name;
  std::string description;
  std::vector<input_value> arguments;
  std::vector<directive_location> locations;
  bool repeatable = false;
  /// graphql-js 16.15 `__Directive.isDeprecated`; SDL cannot set it without the
  /// experimental directives-on-directive-definitions syntax, so it is always false today.
  deprecation deprecated;
  const directive_definition_node* ast = nullptr;

  bool allowed_at(directive_location location) const noexcept;
  const input_value* find_argument(std::string_view arg_name) const noexcept;
};

class schema {
 public:
  schema(const schema&) = delete;
  schema& operator=(const schema&) = delete;
  ~schema();

  const object_type* query_type() const noexcept { return query_; }
  const object_type* mutation_type() const noexcept { return mutation_; }
  const object_type* subscription_type() const noexcept { return subscription_; }
  const object_type* root_type(operation_type operation) const noexcept;

  /// Every named type, built-in and introspection types included, in graphql-js
  /// `getTypeMap()` order (the order of introspection's `types`). The built-in scalars
  /// appear only when referenced, as in graphql-js.
  std::span<const named_type* const> types() const noexcept { return type_list_; }
  const named_type* find_type(std::string_view name) const noexcept;
  std::span<const directive_definition* const> directives() const noexcept {
    return directive_list_;
  }
  const directive_definition* find_directive(std::string_view name) const noexcept;
  const std::string& description() const noexcept { return description_; }

  /// Objects that may stand for an abstract type (union members, interface
  /// implementations), in definition order.
  std::span<const object_type* const> possible_types(const named_type& abstract) const;
  /// Spec IsSubType: `maybe_sub` is `abstract` or one of its possible types or, for an
  /// interface, an interface implementing it. (graphql-js `isSubType` is false for the type
  /// itself; its callers test equality first, so the two agree wherever graphql-js asks.)
  bool is_sub_type(const named_type& abstract, const named_type& maybe_sub) const;

  /// The interned `[of]` and `of!` wrappers. Safe to call from any thread, also after
  /// the schema is built (a wrapper not met before is made under a lock).
  const list_type& list_of(const type& of) const;
  const non_null_type& non_null_of(const type& of) const;

  /// The introspection meta-fields (spec 4.2): `__schema` and `__type` on the query root,
  /// `__typename` on every composite type.
  const field_definition& schema_meta_field() const noexcept;
  const field_definition& type_meta_field() const noexcept;
  const field_definition& typename_meta_field() const noexcept;

 private:
  friend class schema_builder;
  schema();
  struct impl;
  std::unique_ptr<impl> impl_;
  const object_type* query_ = nullptr;
  const object_type* mutation_ = nullptr;
  const object_type* subscription_ = nullptr;
  std::string description_;
  std::vector<const named_type*> type_list_;
  std::vector<const directive_definition*> directive_list_;
};

/// Custom scalars the SDL declares (e.g. `DateTime`, `Upload`) are given their coercion
/// here; a declared scalar without one accepts any value as is (graphql-js behaviour for
/// SDL-built schemas).
struct build_options {
  std::map<std::string, scalar_coercion, std::less<>> scalars;
};

struct build_result {
  std::shared_ptr<const schema> built;  // null on failure
  std::vector<std::string> errors;      // graphql-js messages (validateSDL + validateSchema)
};

/// Builds a schema from SDL text as graphql-js `buildSchema` does, then checks it with
/// the rules of graphql-js `validateSchema`. The built-in scalars, the specified
/// directives (@skip, @include, @deprecated, @specifiedBy) and the introspection types
/// are added.
build_result build_schema(std::string_view sdl, const build_options& options = {});

}  // namespace chat::graphql
