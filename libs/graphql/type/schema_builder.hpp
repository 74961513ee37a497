#pragma once
/// Internal to libs/graphql/type: the one place that writes the private parts of a
/// `schema` and its types while it is being built (the types name it as a friend).
/// `build_schema` drives it from SDL; `introspection.cpp` and `directives.cpp` use it to
/// add the built-in types and directives.
///
/// Thread-safety: single-threaded; the schema is published (shared as const) only by
/// `finish`.

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/type/schema.hpp"

namespace chat::graphql {

/// What a schema owns besides its public members.
struct schema::impl {
  /// The SDL document the AST pointers of types, fields and defaults point into.
  std::shared_ptr<const document> doc;
  /// Every named type made for this schema, referenced or not (the five built-in
  /// scalars always exist; graphql-js lists only the referenced ones in the type map).
  std::vector<std::unique_ptr<named_type>> owned_types;
  std::vector<std::unique_ptr<directive_definition>> owned_directives;
  /// The type map: only the types listed in `schema::types()`.
  std::unordered_map<std::string_view, const named_type*> types_by_name;
  /// Interface → objects and interfaces that implement it, in type map order.
  std::unordered_map<const named_type*, std::vector<const object_type*>> implementing_objects;
  std::unordered_map<const named_type*, std::vector<const interface_type*>> implementing_interfaces;
  field_definition schema_meta_field;
  field_definition type_meta_field;
  field_definition typename_meta_field;

  /// Interned wrappers. Readers after publication may add wrappers (a validator meeting
  /// `[Int!]` in a variable definition), so the maps are guarded.
  mutable std::shared_mutex wrappers_mutex;
  mutable std::unordered_map<const type*, std::unique_ptr<list_type>> lists;
  mutable std::unordered_map<const type*, std::unique_ptr<non_null_type>> non_nulls;
};

class schema_builder {
 public:
  schema_builder();
  ~schema_builder();
  schema_builder(const schema_builder&) = delete;
  schema_builder& operator=(const schema_builder&) = delete;

  /// Makes a named type owned by the schema under construction (not yet in its type map).
  template <typename T, typename... Args>
  T& make_type(Args&&... args) {
    auto owned = std::make_unique<T>(std::forward<Args>(args)...);
    T& made = *owned;
    impl().owned_types.push_back(std::move(owned));
    return made;
  }
  directive_definition& make_directive();

  const list_type& list_of(const type& of) const { return schema_->list_of(of); }
  const non_null_type& non_null_of(const type& of) const { return schema_->non_null_of(of); }

  // ---- writers of private members ----
  static void set_description(named_type& type, std::string description) {
    type.description_ = std::move(description);
  }
  static void add_ast_node(named_type& type, const type_definition_node* node) {
    type.ast_nodes_.push_back(node);
  }
  /// Appends a field and indexes it (a later field of the same name wins the index, as
  /// graphql-js's field map; SDL validation rejects duplicates anyway).
  static void add_field(fields_type& type, field_definition field);
  static void add_interface(fields_type& type, const interface_type& iface) {
    type.interfaces_.push_back(&iface);
  }
  static void add_member(union_type& type, const object_type& member) {
    type.members_.push_back(&member);
  }
  static void add_value(enum_type& type, enum_value value) {
    type.values_.push_back(std::move(value));
  }
  static void add_input_field(input_object_type& type, input_value field) {
    type.fields_.push_back(std::move(field));
  }
  static void set_one_of(input_object_type& type, bool one_of) { type.one_of_ = one_of; }
  static void set_specified_by_url(scalar_type& type, std::string url) {
    type.specified_by_url_ = std::move(url);
  }

  schema& target() noexcept { return *schema_; }
  schema::impl& impl() noexcept { return *schema_->impl_; }
  void keep_document(std::shared_ptr<const document> doc) { impl().doc = std::move(doc); }
  void set_description(std::string description) { schema_->description_ = std::move(description); }
  void set_roots(const object_type* query, const object_type* mutation,
                 const object_type* subscription) {
    schema_->query_ = query;
    schema_->mutation_ = mutation;
    schema_->subscription_ = subscription;
  }
  void set_directives(std::vector<const directive_definition*> directives) {
    schema_->directive_list_ = std::move(directives);
  }
  /// Sets the type map (in graphql-js `getTypeMap()` order) and derives the
  /// implementations of each interface from it.
  void set_types(std::vector<const named_type*> types);

  /// Hands the finished schema over; the builder is empty afterwards.
  std::shared_ptr<const schema> finish();

 private:
  std::unique_ptr<schema> schema_;
};

}  // namespace chat::graphql
