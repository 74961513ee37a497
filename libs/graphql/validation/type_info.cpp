#include "graphql/validation/type_info.hpp"

namespace chat::graphql {
namespace {

const type* nullable(const type* t) noexcept {
  return (t != nullptr && t->is_non_null()) ? t->of_type() : t;
}

const named_type* named_of(const type* t) noexcept {
  return t == nullptr ? nullptr : &t->named();
}

}  // namespace

const type* type_info::parent_input_type() const noexcept {
  return input_type_stack_.size() < 2 ? nullptr : input_type_stack_[input_type_stack_.size() - 2];
}

const field_definition* type_info::field_def_of(const schema& s, const named_type* parent,
                                                std::string_view name) noexcept {
  if (parent == nullptr) return nullptr;
  if (name == "__schema" && s.query_type() == parent) return &s.schema_meta_field();
  if (name == "__type" && s.query_type() == parent) return &s.type_meta_field();
  if (name == "__typename" && parent->is_composite()) return &s.typename_meta_field();
  if (parent->kind() == type_kind::object || parent->kind() == type_kind::interface) {
    return static_cast<const fields_type*>(parent)->find_field(name);
  }
  return nullptr;
}

const type* type_info::type_from_ast(const schema& s, const type_node& ref) {
  switch (ref.kind) {
    case node_kind::named_type:
      return s.find_type(static_cast<const named_type_node&>(ref).name.value);
    case node_kind::list_type: {
      const type* inner = type_from_ast(s, *static_cast<const list_type_node&>(ref).type);
      return inner == nullptr ? nullptr : &s.list_of(*inner);
    }
    case node_kind::non_null_type: {
      const type* inner = type_from_ast(s, *static_cast<const non_null_type_node&>(ref).type);
      return inner == nullptr ? nullptr : &s.non_null_of(*inner);
    }
    default:
      return nullptr;
  }
}

void type_info::enter(const node& n) {
  switch (n.kind) {
    case node_kind::selection_set: {
      const named_type* named = named_of(current_type());
      parent_type_stack_.push_back(named != nullptr && named->is_composite() ? named : nullptr);
      break;
    }
    case node_kind::field: {
      const auto& field = static_cast<const field_node&>(n);
      const field_definition* def = field_def_of(schema_, parent_type(), field.name.value);
      const type* field_type = def == nullptr ? nullptr : def->field_type;
      field_def_stack_.push_back(def);
      type_stack_.push_back(field_type != nullptr && field_type->is_output_type() ? field_type
                                                                                  : nullptr);
      break;
    }
    case node_kind::directive:
      directive_ = schema_.find_directive(static_cast<const directive_node&>(n).name.value);
      break;
    case node_kind::operation_definition: {
      const auto& op = static_cast<const operation_definition_node&>(n);
      type_stack_.push_back(schema_.root_type(op.operation));
      break;
    }
    case node_kind::inline_fragment:
    case node_kind::fragment_definition: {
      const named_type_node* condition =
          n.kind == node_kind::inline_fragment
              ? static_cast<const inline_fragment_node&>(n).type_condition
              : static_cast<const fragment_definition_node&>(n).type_condition;
      const type* output =
          condition != nullptr ? type_from_ast(schema_, *condition) : named_of(current_type());
      type_stack_.push_back(output != nullptr && output->is_output_type() ? output : nullptr);
      break;
    }
    case node_kind::variable_definition: {
      const type* input =
          type_from_ast(schema_, *static_cast<const variable_definition_node&>(n).type);
      input_type_stack_.push_back(input != nullptr && input->is_input_type() ? input : nullptr);
      break;
    }
    case node_kind::argument: {
      const auto& arg = static_cast<const argument_node&>(n);
      const input_value* def = nullptr;
      if (directive_ != nullptr) {
        def = directive_->find_argument(arg.name.value);
      } else if (const field_definition* field = field_def(); field != nullptr) {
        def = field->find_argument(arg.name.value);
      }
      argument_ = def;
      default_value_stack_.push_back(def == nullptr ? nullptr : def->default_value);
      const type* arg_type = def == nullptr ? nullptr : def->value_type;
      input_type_stack_.push_back(arg_type != nullptr && arg_type->is_input_type() ? arg_type
                                                                                   : nullptr);
      break;
    }
    case node_kind::list_value: {
      const type* list = nullable(input_type());
      const type* item = (list != nullptr && list->is_list()) ? list->of_type() : list;
      default_value_stack_.push_back(nullptr);
      input_type_stack_.push_back(item != nullptr && item->is_input_type() ? item : nullptr);
      break;
    }
    case node_kind::object_field: {
      const named_type* object = named_of(input_type());
      const input_value* field = nullptr;
      if (object != nullptr && object->kind() == type_kind::input_object) {
        field = static_cast<const input_object_type*>(object)->find_field(
            static_cast<const object_field_node&>(n).name.value);
      }
      default_value_stack_.push_back(field == nullptr ? nullptr : field->default_value);
      const type* field_type = field == nullptr ? nullptr : field->value_type;
      input_type_stack_.push_back(field_type != nullptr && field_type->is_input_type() ? field_type
                                                                                       : nullptr);
      break;
    }
    case node_kind::enum_value: {
      const named_type* enum_t = named_of(input_type());
      enum_value_ = (enum_t != nullptr && enum_t->kind() == type_kind::enum_type)
                        ? static_cast<const enum_type*>(enum_t)->find_value(
                              static_cast<const enum_value_node&>(n).value)
                        : nullptr;
      break;
    }
    default:
      break;
  }
}

void type_info::leave(const node& n) {
  switch (n.kind) {
    case node_kind::selection_set:
      parent_type_stack_.pop_back();
      break;
    case node_kind::field:
      field_def_stack_.pop_back();
      type_stack_.pop_back();
      break;
    case node_kind::directive:
      directive_ = nullptr;
      break;
    case node_kind::operation_definition:
    case node_kind::inline_fragment:
    case node_kind::fragment_definition:
      type_stack_.pop_back();
      break;
    case node_kind::variable_definition:
      input_type_stack_.pop_back();
      break;
    case node_kind::argument:
      argument_ = nullptr;
      default_value_stack_.pop_back();
      input_type_stack_.pop_back();
      break;
    case node_kind::list_value:
    case node_kind::object_field:
      default_value_stack_.pop_back();
      input_type_stack_.pop_back();
      break;
    case node_kind::enum_value:
      enum_value_ = nullptr;
      break;
    default:
      break;
  }
}

}  // namespace chat::graphql
