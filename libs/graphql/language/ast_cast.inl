// node_cast: which node kinds each node struct stands for. Included by ast.hpp.
#pragma once

#include <initializer_list>

namespace chat::graphql::detail {

template <typename T>
struct kinds_of;

#define CHAT_GRAPHQL_KINDS(type, ...)                          \
  template <>                                                  \
  struct kinds_of<type> {                                      \
    static bool matches(node_kind k) noexcept {                \
      for (const node_kind candidate : {__VA_ARGS__}) {        \
        if (candidate == k) return true;                       \
      }                                                        \
      return false;                                            \
    }                                                          \
  };

CHAT_GRAPHQL_KINDS(document_node, node_kind::document)
CHAT_GRAPHQL_KINDS(operation_definition_node, node_kind::operation_definition)
CHAT_GRAPHQL_KINDS(variable_definition_node, node_kind::variable_definition)
CHAT_GRAPHQL_KINDS(selection_set_node, node_kind::selection_set)
CHAT_GRAPHQL_KINDS(field_node, node_kind::field)
CHAT_GRAPHQL_KINDS(argument_node, node_kind::argument)
CHAT_GRAPHQL_KINDS(fragment_spread_node, node_kind::fragment_spread)
CHAT_GRAPHQL_KINDS(inline_fragment_node, node_kind::inline_fragment)
CHAT_GRAPHQL_KINDS(fragment_definition_node, node_kind::fragment_definition)
CHAT_GRAPHQL_KINDS(variable_node, node_kind::variable)
CHAT_GRAPHQL_KINDS(int_value_node, node_kind::int_value)
CHAT_GRAPHQL_KINDS(float_value_node, node_kind::float_value)
CHAT_GRAPHQL_KINDS(string_value_node, node_kind::string_value)
CHAT_GRAPHQL_KINDS(boolean_value_node, node_kind::boolean_value)
CHAT_GRAPHQL_KINDS(null_value_node, node_kind::null_value)
CHAT_GRAPHQL_KINDS(enum_value_node, node_kind::enum_value)
CHAT_GRAPHQL_KINDS(list_value_node, node_kind::list_value)
CHAT_GRAPHQL_KINDS(object_value_node, node_kind::object_value)
CHAT_GRAPHQL_KINDS(object_field_node, node_kind::object_field)
CHAT_GRAPHQL_KINDS(directive_node, node_kind::directive)
CHAT_GRAPHQL_KINDS(named_type_node, node_kind::named_type)
CHAT_GRAPHQL_KINDS(list_type_node, node_kind::list_type)
CHAT_GRAPHQL_KINDS(non_null_type_node, node_kind::non_null_type)
CHAT_GRAPHQL_KINDS(schema_definition_node, node_kind::schema_definition,
                   node_kind::schema_extension)
CHAT_GRAPHQL_KINDS(operation_type_definition_node, node_kind::operation_type_definition)
CHAT_GRAPHQL_KINDS(scalar_type_definition_node, node_kind::scalar_type_definition,
                   node_kind::scalar_type_extension)
CHAT_GRAPHQL_KINDS(object_type_definition_node, node_kind::object_type_definition,
                   node_kind::object_type_extension, node_kind::interface_type_definition,
                   node_kind::interface_type_extension)
CHAT_GRAPHQL_KINDS(field_definition_node, node_kind::field_definition)
CHAT_GRAPHQL_KINDS(input_value_definition_node, node_kind::input_value_definition)
CHAT_GRAPHQL_KINDS(union_type_definition_node, node_kind::union_type_definition,
                   node_kind::union_type_extension)
CHAT_GRAPHQL_KINDS(enum_type_definition_node, node_kind::enum_type_definition,
                   node_kind::enum_type_extension)
CHAT_GRAPHQL_KINDS(enum_value_definition_node, node_kind::enum_value_definition)
CHAT_GRAPHQL_KINDS(input_object_type_definition_node, node_kind::input_object_type_definition,
                   node_kind::input_object_type_extension)
CHAT_GRAPHQL_KINDS(directive_definition_node, node_kind::directive_definition)

#undef CHAT_GRAPHQL_KINDS

}  // namespace chat::graphql::detail

namespace chat::graphql {

template <typename T>
const T* node_cast(const node* n) noexcept {
  if (n == nullptr) return nullptr;
  if constexpr (std::is_same_v<T, value_node>) {
    return is_value(n->kind) ? static_cast<const T*>(n) : nullptr;
  } else if constexpr (std::is_same_v<T, selection_node>) {
    return is_selection(n->kind) ? static_cast<const T*>(n) : nullptr;
  } else if constexpr (std::is_same_v<T, type_node>) {
    return is_type_reference(n->kind) ? static_cast<const T*>(n) : nullptr;
  } else if constexpr (std::is_same_v<T, type_definition_node>) {
    return is_type_definition(n->kind) || is_type_extension(n->kind) ? static_cast<const T*>(n)
                                                                     : nullptr;
  } else {
    return detail::kinds_of<T>::matches(n->kind) ? static_cast<const T*>(n) : nullptr;
  }
}

}  // namespace chat::graphql
