// UniqueArgumentNamesRule: a field or directive is given each argument at most once.
// Two values for one argument would leave the value to use ambiguous.
// Spec 5.4.2 Argument Uniqueness.

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graphql/validation/name_location.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class unique_argument_names_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (const auto* field = node_cast<field_node>(&n)) {
      check(field->arguments);
    } else if (const auto* directive = node_cast<directive_node>(&n)) {
      check(directive->arguments);
    }
    return visit_action::proceed;
  }

 private:
  // Grouped by name in order of first appearance (graphql-js groupBy); one error per
  // repeated name, pointing at every occurrence of it.
  void check(std::span<argument_node* const> arguments) {
    std::vector<std::pair<std::string_view, std::vector<node>>> groups;
    std::unordered_map<std::string_view, std::size_t> group_of;
    for (const argument_node* argument : arguments) {
      const auto [it, added] = group_of.try_emplace(argument->name.value, groups.size());
      if (added) groups.emplace_back(argument->name.value, std::vector<node>{});
      groups[it->second].second.push_back(at_name(argument->name));
    }
    for (const auto& [arg_name, names] : groups) {
      if (names.size() < 2) continue;
      std::vector<const node*> nodes;
      for (const node& at : names)
        nodes.push_back(&at);
      context().report("There can be only one argument named \"" + std::string(arg_name) + "\".",
                       nodes);
    }
  }
};

}  // namespace

std::unique_ptr<validation_rule> unique_argument_names(validation_context& context) {
  return std::make_unique<unique_argument_names_rule>(context);
}

}  // namespace chat::graphql::rules
