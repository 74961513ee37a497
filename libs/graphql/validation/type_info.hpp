#pragma once
/// What type the validator is "inside of" while it walks a document: graphql-js
/// `TypeInfo`. `enter` is called before a node's rules run and `leave` after, so a rule
/// reading `parent_type()` in a field's `enter` sees the type that owns the field.
///
/// Every stack entry may be null: unknown types and fields are reported by their own
/// rules, and the others skip what they cannot know.
///
/// Thread-safety: one instance per walk.

#include <vector>

#include "graphql/language/ast.hpp"
#include "graphql/type/schema.hpp"

namespace chat::graphql {

class type_info {
 public:
  explicit type_info(const schema& s) : schema_(s) {}

  void enter(const node& n);
  void leave(const node& n);

  /// The output type of the current field or operation/fragment (null if unknown).
  const type* current_type() const noexcept { return top(type_stack_); }
  /// The composite type whose selection set we are in.
  const named_type* parent_type() const noexcept { return top(parent_type_stack_); }
  /// The expected type of the current input position (argument, list item, object field,
  /// variable definition).
  const type* input_type() const noexcept { return top(input_type_stack_); }
  /// The input type one level up (the object whose field we are in).
  const type* parent_input_type() const noexcept;
  const field_definition* field_def() const noexcept { return top(field_def_stack_); }
  /// The default value that applies at the current input position, if any.
  const value_node* default_value() const noexcept { return top(default_value_stack_); }
  const directive_definition* directive() const noexcept { return directive_; }
  const input_value* argument() const noexcept { return argument_; }
  const enum_value* enum_value_def() const noexcept { return enum_value_; }

  /// graphql-js `getFieldDef`: the field `name` of `parent`, including the meta-fields
  /// `__typename` (any composite), `__schema` and `__type` (query root only).
  static const field_definition* field_def_of(const schema& s, const named_type* parent,
                                              std::string_view name) noexcept;
  /// graphql-js `typeFromAST`: the schema type a type reference names (null if unknown).
  static const type* type_from_ast(const schema& s, const type_node& ref);

 private:
  template <typename T>
  static T top(const std::vector<T>& stack) noexcept {
    return stack.empty() ? nullptr : stack.back();
  }

  const schema& schema_;
  std::vector<const type*> type_stack_;
  std::vector<const named_type*> parent_type_stack_;
  std::vector<const type*> input_type_stack_;
  std::vector<const field_definition*> field_def_stack_;
  std::vector<const value_node*> default_value_stack_;
  const directive_definition* directive_ = nullptr;
  const input_value* argument_ = nullptr;
  const enum_value* enum_value_ = nullptr;
};

}  // namespace chat::graphql
