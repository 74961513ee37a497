// ScalarLeafsRule: leaf fields have no selection set and composite fields a non-empty one.
// A scalar has nothing to select from, and an object without selections would answer nothing.
// Spec section 5.3.3, "Leaf Field Selections".

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class scalar_leafs_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    const auto* field = node_cast<field_node>(&n);
    if (field == nullptr) return visit_action::proceed;
    // Unknown fields are FieldsOnCorrectTypeRule's to report.
    const type* field_type = types().current_type();
    if (field_type == nullptr) return visit_action::proceed;
    const std::string field_name(field->name.value);
    if (field_type->named().is_leaf()) {
      if (field->selection_set != nullptr) {
        report("Field \"" + field_name + "\" must not have a selection since type \"" +
                   field_type->to_string() + "\" has no subfields.",
               {field->selection_set});
      }
    } else if (field->selection_set == nullptr) {
      report("Field \"" + field_name + "\" of type \"" + field_type->to_string() +
                 "\" must have a selection of subfields. Did you mean \"" + field_name +
                 " { ... }\"?",
             {field});
    } else if (field->selection_set->selections.empty()) {
      // The parser never makes an empty selection set; a syntax tree built by hand may.
      report("Field \"" + field_name + "\" of type \"" + field_type->to_string() +
                 "\" must have at least one field selected.",
             {field});
    }
    return visit_action::proceed;
  }
};

}  // namespace

std::unique_ptr<validation_rule> scalar_leafs(validation_context& context) {
  return std::make_unique<scalar_leafs_rule>(context);
}

}  // namespace chat::graphql::rules
