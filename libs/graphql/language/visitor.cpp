#include "graphql/language/visitor.hpp"

namespace chat::graphql {
namespace {

template <typename T>
void add_all(std::vector<const node*>& out, std::span<T* const> items) {
  for (const T* item : items)
    out.push_back(item);
}

void add(std::vector<const node*>& out, const node* item) {
  if (item != nullptr) out.push_back(item);
}

}  // namespace

void append_children(const node& n, std::vector<const node*>& out, bool with_descriptions) {
  switch (n.kind) {
    case node_kind::document:
      add_all(out, static_cast<const document_node&>(n).definitions);
      break;
    case node_kind::operation_definition: {
      const auto& op = static_cast<const operation_definition_node&>(n);
      if (with_descriptions) add(out, op.description);
      add_all(out, op.variable_definitions);
      add_all(out, op.directives);
      add(out, op.selection_set);
      break;
    }
    case node_kind::variable_definition: {
      const auto& def = static_cast<const variable_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add(out, def.variable);
      add(out, def.type);
      add(out, def.default_value);
      add_all(out, def.directives);
      break;
    }
    case node_kind::selection_set:
      add_all(out, static_cast<const selection_set_node&>(n).selections);
      break;
    case node_kind::field: {
      const auto& field = static_cast<const field_node&>(n);
      add_all(out, field.arguments);
      add_all(out, field.directives);
      add(out, field.selection_set);
      break;
    }
    case node_kind::argument:
      add(out, static_cast<const argument_node&>(n).value);
      break;
    case node_kind::fragment_spread:
      add_all(out, static_cast<const fragment_spread_node&>(n).directives);
      break;
    case node_kind::inline_fragment: {
      const auto& fragment = static_cast<const inline_fragment_node&>(n);
      add(out, fragment.type_condition);
      add_all(out, fragment.directives);
      add(out, fragment.selection_set);
      break;
    }
    case node_kind::fragment_definition: {
      const auto& fragment = static_cast<const fragment_definition_node&>(n);
      if (with_descriptions) add(out, fragment.description);
      add(out, fragment.type_condition);
      add_all(out, fragment.directives);
      add(out, fragment.selection_set);
      break;
    }
    case node_kind::list_value:
      add_all(out, static_cast<const list_value_node&>(n).values);
      break;
    case node_kind::object_value:
      add_all(out, static_cast<const object_value_node&>(n).fields);
      break;
    case node_kind::object_field:
      add(out, static_cast<const object_field_node&>(n).value);
      break;
    case node_kind::directive:
      add_all(out, static_cast<const directive_node&>(n).arguments);
      break;
    case node_kind::list_type:
      add(out, static_cast<const list_type_node&>(n).type);
      break;
    case node_kind::non_null_type:
      add(out, static_cast<const non_null_type_node&>(n).type);
      break;
    case node_kind::schema_definition:
    case node_kind::schema_extension: {
      const auto& def = static_cast<const schema_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add_all(out, def.directives);
      add_all(out, def.operation_types);
      break;
    }
    case node_kind::operation_type_definition:
      add(out, static_cast<const operation_type_definition_node&>(n).type);
      break;
    case node_kind::scalar_type_definition:
    case node_kind::scalar_type_extension: {
      const auto& def = static_cast<const scalar_type_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add_all(out, def.directives);
      break;
    }
    case node_kind::object_type_definition:
    case node_kind::object_type_extension:
    case node_kind::interface_type_definition:
    case node_kind::interface_type_extension: {
      const auto& def = static_cast<const object_type_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add_all(out, def.interfaces);
      add_all(out, def.directives);
      add_all(out, def.fields);
      break;
    }
    case node_kind::field_definition: {
      const auto& def = static_cast<const field_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add_all(out, def.arguments);
      add(out, def.type);
      add_all(out, def.directives);
      break;
    }
    case node_kind::input_value_definition: {
      const auto& def = static_cast<const input_value_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add(out, def.type);
      add(out, def.default_value);
      add_all(out, def.directives);
      break;
    }
    case node_kind::union_type_definition:
    case node_kind::union_type_extension: {
      const auto& def = static_cast<const union_type_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add_all(out, def.directives);
      add_all(out, def.types);
      break;
    }
    case node_kind::enum_type_definition:
    case node_kind::enum_type_extension: {
      const auto& def = static_cast<const enum_type_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add_all(out, def.directives);
      add_all(out, def.values);
      break;
    }
    case node_kind::enum_value_definition: {
      const auto& def = static_cast<const enum_value_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add_all(out, def.directives);
      break;
    }
    case node_kind::input_object_type_definition:
    case node_kind::input_object_type_extension: {
      const auto& def = static_cast<const input_object_type_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add_all(out, def.directives);
      add_all(out, def.fields);
      break;
    }
    case node_kind::directive_definition: {
      const auto& def = static_cast<const directive_definition_node&>(n);
      if (with_descriptions) add(out, def.description);
      add_all(out, def.arguments);
      break;
    }
    case node_kind::variable:
    case node_kind::int_value:
    case node_kind::float_value:
    case node_kind::string_value:
    case node_kind::boolean_value:
    case node_kind::null_value:
    case node_kind::enum_value:
    case node_kind::named_type:
      break;  // leaves
  }
}

}  // namespace chat::graphql
