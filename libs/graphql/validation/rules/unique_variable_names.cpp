// UniqueVariableNamesRule: an operation defines each variable name once.
// Two definitions of one variable would leave its type and default ambiguous.
// Spec 5.8.1 Variable Uniqueness.

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graphql/validation/name_location.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class unique_variable_names_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    const auto* op = node_cast<operation_definition_node>(&n);
    if (op == nullptr) return visit_action::proceed;
    // Grouped by name in order of first appearance, as graphql-js groupBy does; the
    // error points at every name of the group.
    std::vector<std::pair<std::string_view, std::vector<node>>> groups;
    std::unordered_map<std::string_view, std::size_t> group_of;
    for (const variable_definition_node* def : op->variable_definitions) {
      if (def->variable == nullptr) continue;
      const graphql::name& var_name = def->variable->name;
      const auto [it, added] = group_of.try_emplace(var_name.value, groups.size());
      if (added) groups.emplace_back(var_name.value, std::vector<node>{});
      groups[it->second].second.push_back(at_name(var_name));
    }
    for (const auto& [var_name, names] : groups) {
      if (names.size() < 2) continue;
      std::vector<const node*> nodes;
      for (const node& at : names)
        nodes.push_back(&at);
      context().report("There can be only one variable named \"$" + std::string(var_name) + "\".",
                       nodes);
    }
    return visit_action::proceed;
  }
};

}  // namespace

std::unique_ptr<validation_rule> unique_variable_names(validation_context& context) {
  return std::make_unique<unique_variable_names_rule>(context);
}

}  // namespace chat::graphql::rules
