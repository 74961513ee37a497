// KnownDirectivesRule: every directive used is defined and allowed where it stands.
// An unknown or misplaced directive would be silently ignored, changing what was meant.
// Spec 5.7.1 Directives Are Defined, 5.7.2 Directives Are In Valid Locations.

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

std::optional<directive_location> location_of_operation(operation_type operation) {
  switch (operation) {
    case operation_type::query:
      return directive_location::query;
    case operation_type::mutation:
      return directive_location::mutation;
    case operation_type::subscription:
      return directive_location::subscription;
  }
  return std::nullopt;
}

// graphql-js getDirectiveLocationForASTPath: where a directive on `applied_to` stands.
// `owner` is the node holding `applied_to` (an input value definition is an input field
// only inside an input object *definition*: graphql-js calls one inside an input object
// extension an argument definition, and so do we).
std::optional<directive_location> location_for(const node& applied_to, const node* owner) {
  switch (applied_to.kind) {
    case node_kind::operation_definition:
      return location_of_operation(
          static_cast<const operation_definition_node&>(applied_to).operation);
    case node_kind::field:
      return directive_location::field;
    case node_kind::fragment_spread:
      return directive_location::fragment_spread;
    case node_kind::inline_fragment:
      return directive_location::inline_fragment;
    case node_kind::fragment_definition:
      return directive_location::fragment_definition;
    case node_kind::variable_definition:
      return directive_location::variable_definition;
    case node_kind::schema_definition:
    case node_kind::schema_extension:
      return directive_location::schema;
    case node_kind::scalar_type_definition:
    case node_kind::scalar_type_extension:
      return directive_location::scalar;
    case node_kind::object_type_definition:
    case node_kind::object_type_extension:
      return directive_location::object;
    case node_kind::field_definition:
      return directive_location::field_definition;
    case node_kind::interface_type_definition:
    case node_kind::interface_type_extension:
      return directive_location::interface;
    case node_kind::union_type_definition:
    case node_kind::union_type_extension:
      return directive_location::union_type;
    case node_kind::enum_type_definition:
    case node_kind::enum_type_extension:
      return directive_location::enum_type;
    case node_kind::enum_value_definition:
      return directive_location::enum_value;
    case node_kind::input_object_type_definition:
    case node_kind::input_object_type_extension:
      return directive_location::input_object;
    case node_kind::input_value_definition:
      return owner != nullptr && owner->kind == node_kind::input_object_type_definition
                 ? directive_location::input_field_definition
                 : directive_location::argument_definition;
    case node_kind::directive_definition:
      return directive_location::directive_definition;
    default:
      return std::nullopt;  // directives stand on no other node
  }
}

class known_directives_rule final : public validation_rule {
 public:
  explicit known_directives_rule(validation_context& context) : validation_rule(context) {
    // The schema's directives, overridden by the document's own definitions.
    for (const directive_definition* directive : schema().directives()) {
      locations_[directive->name] = directive->locations;
    }
    for (const definition_node* def : context.doc().root().definitions) {
      const auto* directive = node_cast<directive_definition_node>(def);
      if (directive == nullptr) continue;
      std::vector<directive_location>& allowed = locations_[std::string(directive->name.value)];
      allowed.clear();
      for (const graphql::name& location : directive->locations) {
        if (const auto parsed = parse_directive_location(location.value)) {
          allowed.push_back(*parsed);
        }
      }
    }
  }

  visit_action enter(const node& n) override {
    if (const auto* directive = node_cast<directive_node>(&n)) check(*directive);
    ancestors_.push_back(&n);
    return visit_action::proceed;
  }

  void leave(const node& n) override {
    (void)n;
    ancestors_.pop_back();
  }

 private:
  void check(const directive_node& directive) {
    const std::string_view name = directive.name.value;
    const auto known = locations_.find(name);
    if (known == locations_.end()) {
      report("Unknown directive \"@" + std::string(name) + "\".", {&directive});
      return;
    }
    if (ancestors_.empty()) return;
    const node* owner = ancestors_.size() >= 2 ? ancestors_[ancestors_.size() - 2] : nullptr;
    const auto location = location_for(*ancestors_.back(), owner);
    if (!location) return;
    const auto& allowed = known->second;
    if (std::find(allowed.begin(), allowed.end(), *location) != allowed.end()) return;
    report("Directive \"@" + std::string(name) + "\" may not be used on " +
               std::string(to_string(*location)) + ".",
           {&directive});
  }

  std::map<std::string, std::vector<directive_location>, std::less<>> locations_;
  std::vector<const node*> ancestors_;
};

}  // namespace

std::unique_ptr<validation_rule> known_directives(validation_context& context) {
  return std::make_unique<known_directives_rule>(context);
}

}  // namespace chat::graphql::rules
