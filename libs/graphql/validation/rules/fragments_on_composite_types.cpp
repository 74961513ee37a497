// FragmentsOnCompositeTypesRule: fragments condition only on objects, interfaces and unions.
// Only those types have fields to select, so a fragment on any other type could never apply.
// Spec section 5.5.1.3, "Fragments On Composite Types".

#include "graphql/type/value_printer.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class fragments_on_composite_types_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (const auto* inline_fragment = node_cast<inline_fragment_node>(&n)) {
      const named_type_node* condition = inline_fragment->type_condition;
      if (condition != nullptr && names_non_composite(*condition)) {
        report("Fragment cannot condition on non composite type \"" + print_type_node(*condition) +
                   "\".",
               {condition});
      }
    } else if (const auto* fragment = node_cast<fragment_definition_node>(&n)) {
      const named_type_node* condition = fragment->type_condition;
      if (condition != nullptr && names_non_composite(*condition)) {
        report("Fragment \"" + std::string(fragment->name.value) +
                   "\" cannot condition on non composite type \"" + print_type_node(*condition) +
                   "\".",
               {condition});
      }
    }
    return visit_action::proceed;
  }

 private:
  // Unknown types are KnownTypeNamesRule's to report.
  bool names_non_composite(const named_type_node& condition) const {
    const type* condition_type = type_info::type_from_ast(schema(), condition);
    return condition_type != nullptr && !condition_type->is_composite();
  }
};

}  // namespace

std::unique_ptr<validation_rule> fragments_on_composite_types(validation_context& context) {
  return std::make_unique<fragments_on_composite_types_rule>(context);
}

}  // namespace chat::graphql::rules
