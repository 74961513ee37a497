// ValuesOfCorrectTypeRule: every value literal must be valid for the input type expected where
// it stands (scalars and enums by their literal parser, input objects field by field).
// A literal the executor could not coerce would fail every request, so it is refused up front.
// Spec section 5.6.1 "Values of Correct Type".
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/error/suggestions.hpp"
#include "graphql/type/value_printer.hpp"
#include "graphql/validation/default_values.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

const type* nullable_of(const type* t) noexcept {
  return (t != nullptr && t->is_non_null()) ? t->of_type() : t;
}

const named_type* named_of(const type* t) noexcept {
  return t == nullptr ? nullptr : &t->named();
}

const input_object_type* as_input_object(const named_type* t) noexcept {
  return (t != nullptr && t->kind() == type_kind::input_object)
             ? static_cast<const input_object_type*>(t)
             : nullptr;
}

class values_of_correct_type_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    switch (n.kind) {
      case node_kind::list_value: {
        // type_info has already stepped into the item type: the list's own position is one
        // level up.
        const type* list = nullable_of(types().parent_input_type());
        if (list == nullptr || !list->is_list()) {
          check_leaf(static_cast<const value_node&>(n));
          return visit_action::skip;
        }
        return visit_action::proceed;
      }
      case node_kind::object_value:
        return enter_object(static_cast<const object_value_node&>(n));
      case node_kind::object_field:
        enter_object_field(static_cast<const object_field_node&>(n));
        return visit_action::proceed;
      case node_kind::null_value: {
        const type* expected = types().input_type();
        if (expected != nullptr && expected->is_non_null()) {
          report("Expected value of type \"" + expected->to_string() + "\", found null.", {&n});
        }
        return visit_action::proceed;
      }
      case node_kind::enum_value:
      case node_kind::int_value:
      case node_kind::float_value:
      case node_kind::string_value:
      case node_kind::boolean_value:
        check_leaf(static_cast<const value_node&>(n));
        return visit_action::proceed;
      default:
        return visit_action::proceed;
    }
  }

 private:
  visit_action enter_object(const object_value_node& object) {
    const input_object_type* input = as_input_object(named_of(types().input_type()));
    if (input == nullptr) {
      check_leaf(object);
      return visit_action::skip;
    }
    // graphql-js keyMap: one entry per name, the last field of a repeated name wins, names in
    // the order they first appear.
    std::vector<std::string_view> names;
    std::unordered_map<std::string_view, const object_field_node*> by_name;
    for (const object_field_node* field : object.fields) {
      auto [it, inserted] = by_name.try_emplace(field->name.value, field);
      if (inserted) {
        names.push_back(field->name.value);
      } else {
        it->second = field;
      }
    }
    for (const input_value& field : input->fields()) {
      if (!by_name.contains(field.name) && is_required_input(field)) {
        report("Field \"" + input->name() + "." + field.name + "\" of required type \"" +
                   field.value_type->to_string() + "\" was not provided.",
               {&object});
      }
    }
    if (input->is_one_of()) check_one_of(object, *input, names, by_name);
    return visit_action::proceed;
  }

  void check_one_of(const object_value_node& object, const input_object_type& input,
                    const std::vector<std::string_view>& names,
                    const std::unordered_map<std::string_view, const object_field_node*>& by_name) {
    if (names.size() != 1) {
      report("OneOf Input Object \"" + input.name() + "\" must specify exactly one key.",
             {&object});
      return;
    }
    const value_node* value = by_name.at(names.front())->value;
    if (value == nullptr || value->kind == node_kind::null_value) {
      report("Field \"" + input.name() + "." + std::string(names.front()) + "\" must be non-null.",
             {&object});
    }
  }

  void enter_object_field(const object_field_node& field) {
    const input_object_type* parent = as_input_object(named_of(types().parent_input_type()));
    if (types().input_type() != nullptr || parent == nullptr) return;
    std::vector<std::string> options;
    options.reserve(parent->fields().size());
    for (const input_value& known : parent->fields())
      options.push_back(known.name);
    report("Field \"" + std::string(field.name.value) + "\" is not defined by type \"" +
               parent->name() + "\"." + did_you_mean(suggestion_list(field.name.value, options)),
           {&field});
  }

  // graphql-js `isValidValueNode`: a literal where a scalar or enum is expected is checked by
  // that type's literal parser; anywhere else (an object or list expected) it is wrong.
  void check_leaf(const value_node& value) {
    const type* location = types().input_type();
    if (location == nullptr) return;
    const named_type& expected = location->named();
    if (expected.kind() == type_kind::enum_type) {
      check_enum(value, static_cast<const enum_type&>(expected));
      return;
    }
    if (expected.kind() != type_kind::scalar) {
      report_unexpected(*location, value);
      return;
    }
    const auto& coercion = static_cast<const scalar_type&>(expected).coercion();
    if (!coercion.parse_literal) return;
    std::string error;
    if (coercion.parse_literal(value, error).has_value()) return;
    if (error.empty()) {
      // The scalar refused the literal without a message of its own.
      report_unexpected(*location, value);
    } else {
      report(std::move(error), {&value});
    }
  }

  void report_unexpected(const type& location, const value_node& value) {
    report("Expected value of type \"" + location.to_string() + "\", found " + print_value(value) +
               ".",
           {&value});
  }

  // graphql-js GraphQLEnumType.parseLiteral (the message it throws is reported as it is).
  void check_enum(const value_node& value, const enum_type& expected) {
    if (value.kind == node_kind::enum_value &&
        expected.find_value(static_cast<const enum_value_node&>(value).value) != nullptr) {
      return;
    }
    const std::string printed = print_value(value);
    std::vector<std::string> options;
    options.reserve(expected.values().size());
    for (const enum_value& known : expected.values())
      options.push_back(known.name);
    const std::string hint = did_you_mean(suggestion_list(printed, options), "the enum value");
    if (value.kind != node_kind::enum_value) {
      report("Enum \"" + expected.name() + "\" cannot represent non-enum value: " + printed + "." +
                 hint,
             {&value});
    } else {
      report("Value \"" + printed + "\" does not exist in \"" + expected.name() + "\" enum." + hint,
             {&value});
    }
  }
};

}  // namespace

std::unique_ptr<validation_rule> values_of_correct_type(validation_context& context) {
  return std::make_unique<values_of_correct_type_rule>(context);
}

}  // namespace chat::graphql::rules
