// graphql-js `valueFromAST` reduced to the one question validation asks of SDL default values:
// does the literal give a value at all (`utilities/valueFromAST.ts`).
#include "graphql/validation/default_values.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

namespace chat::graphql {
namespace {

// Input objects whose field defaults refer back to themselves would make graphql-js's
// buildSchema recurse without end; here such a chain simply stops counting as a value.
constexpr int k_max_depth = 64;

bool has_value(const value_node& literal, const type& t, int depth);

bool has_default(const input_value& input, int depth) {
  return input.default_value != nullptr && input.value_type != nullptr &&
         has_value(*input.default_value, *input.value_type, depth + 1);
}

bool has_value(const value_node& literal, const type& t, int depth) {
  if (depth > k_max_depth) return false;
  // SDL defaults are constant, so a variable is always a missing one.
  if (literal.kind == node_kind::variable) return false;
  if (t.is_non_null()) {
    return literal.kind != node_kind::null_value && has_value(literal, *t.of_type(), depth);
  }
  if (literal.kind == node_kind::null_value) return true;
  if (t.is_list()) {
    if (literal.kind != node_kind::list_value) return has_value(literal, *t.of_type(), depth);
    for (const value_node* item : static_cast<const list_value_node&>(literal).values) {
      if (item->kind == node_kind::variable) {
        if (t.of_type()->is_non_null()) return false;  // a missing item becomes null
      } else if (!has_value(*item, *t.of_type(), depth)) {
        return false;
      }
    }
    return true;
  }
  switch (t.kind()) {
    case type_kind::input_object: {
      if (literal.kind != node_kind::object_value) return false;
      const auto& object = static_cast<const input_object_type&>(t);
      // One entry per name: the last field of a repeated name wins.
      std::unordered_map<std::string_view, const value_node*> given;
      for (const object_field_node* field : static_cast<const object_value_node&>(literal).fields) {
        given[field->name.value] = field->value;
      }
      std::size_t keys = 0;
      bool only_key_is_null = false;
      for (const input_value& field : object.fields()) {
        const auto found = given.find(field.name);
        if (found == given.end() || found->second->kind == node_kind::variable) {
          if (has_default(field, depth)) {
            ++keys;
            only_key_is_null = field.default_value->kind == node_kind::null_value;
          } else if (field.value_type->is_non_null()) {
            return false;
          }
          continue;
        }
        if (!has_value(*found->second, *field.value_type, depth)) return false;
        ++keys;
        only_key_is_null = found->second->kind == node_kind::null_value;
      }
      return !object.is_one_of() || (keys == 1 && !only_key_is_null);
    }
    case type_kind::enum_type:
      return literal.kind == node_kind::enum_value &&
             static_cast<const enum_type&>(t).find_value(
                 static_cast<const enum_value_node&>(literal).value) != nullptr;
    case type_kind::scalar: {
      const auto& coercion = static_cast<const scalar_type&>(t).coercion();
      if (!coercion.parse_literal) return true;
      std::string error;
      return coercion.parse_literal(literal, error).has_value();
    }
    default:
      return false;
  }
}

}  // namespace

bool literal_has_value(const value_node& literal, const type& t) {
  return has_value(literal, t, 0);
}

bool has_default_value(const input_value& input) {
  return has_default(input, 0);
}

bool is_required_input(const input_value& input) {
  return input.value_type != nullptr && input.value_type->is_non_null() &&
         !has_default_value(input);
}

}  // namespace chat::graphql
