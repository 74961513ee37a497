// NoUnusedVariablesRule: every variable an operation defines is used (maybe in fragments).
// A variable nothing reads is a mistake in the operation, often a misspelled use.
// Spec 5.8.4 All Variables Used.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class no_unused_variables_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (n.kind == node_kind::operation_definition) {
      definitions_.clear();
    } else if (const auto* def = node_cast<variable_definition_node>(&n)) {
      definitions_.push_back(def);
    }
    return visit_action::proceed;
  }

  void leave(const node& n) override {
    const auto* op = node_cast<operation_definition_node>(&n);
    if (op == nullptr) return;
    std::set<std::string_view, std::less<>> used;
    for (const variable_usage& usage : context().recursive_variable_usages(*op)) {
      used.insert(usage.variable->name.value);
    }
    for (const variable_definition_node* def : definitions_) {
      if (def->variable == nullptr) continue;
      const std::string_view var_name = def->variable->name.value;
      if (used.contains(var_name)) continue;
      report(op->name.empty()
                 ? "Variable \"$" + std::string(var_name) + "\" is never used."
                 : "Variable \"$" + std::string(var_name) + "\" is never used in operation \"" +
                       std::string(op->name.value) + "\".",
             {def});
    }
  }

 private:
  std::vector<const variable_definition_node*> definitions_;
};

}  // namespace

std::unique_ptr<validation_rule> no_unused_variables(validation_context& context) {
  return std::make_unique<no_unused_variables_rule>(context);
}

}  // namespace chat::graphql::rules
