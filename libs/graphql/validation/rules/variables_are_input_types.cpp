// VariablesAreInputTypesRule: a variable's type is an input type (scalar, enum, input object).
// Variables carry client input, which only input types can describe.
// Spec section 5.8.2, "Variables Are Input Types".

#include "graphql/type/value_printer.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class variables_are_input_types_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    const auto* definition = node_cast<variable_definition_node>(&n);
    if (definition == nullptr || definition->type == nullptr) return visit_action::proceed;
    // Unknown types are KnownTypeNamesRule's to report.
    const type* declared = type_info::type_from_ast(schema(), *definition->type);
    if (declared != nullptr && !declared->is_input_type()) {
      report("Variable \"$" + std::string(definition->variable->name.value) +
                 "\" cannot be non-input type \"" + print_type_node(*definition->type) + "\".",
             {definition->type});
    }
    return visit_action::proceed;
  }
};

}  // namespace

std::unique_ptr<validation_rule> variables_are_input_types(validation_context& context) {
  return std::make_unique<variables_are_input_types_rule>(context);
}

}  // namespace chat::graphql::rules
