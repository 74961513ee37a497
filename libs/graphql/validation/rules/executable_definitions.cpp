// ExecutableDefinitionsRule: a document holds only operations and fragments.
// Type system definitions mean nothing to an executor; accepting them silently would hide a
// client's mistake.
// Spec section 5.1.1, "Executable Definitions".

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class executable_definitions_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    const auto* doc = node_cast<document_node>(&n);
    if (doc == nullptr) return visit_action::proceed;
    for (const definition_node* definition : doc->definitions) {
      if (is_executable_definition(definition->kind)) continue;
      report("The " + definition_name(*definition) + " definition is not executable.",
             {definition});
    }
    // Every check is made here: nothing below the document needs a visit.
    return visit_action::skip;
  }

 private:
  static std::string definition_name(const definition_node& definition) {
    if (definition.kind == node_kind::schema_definition ||
        definition.kind == node_kind::schema_extension) {
      return "schema";
    }
    std::string_view name;
    if (const auto* type_def = node_cast<type_definition_node>(&definition)) {
      name = type_def->name.value;
    } else if (const auto* directive = node_cast<directive_definition_node>(&definition)) {
      name = directive->name.value;
    }
    return "\"" + std::string(name) + "\"";
  }
};

}  // namespace

std::unique_ptr<validation_rule> executable_definitions(validation_context& context) {
  return std::make_unique<executable_definitions_rule>(context);
}

}  // namespace chat::graphql::rules
