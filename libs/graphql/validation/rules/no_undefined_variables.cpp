// NoUndefinedVariablesRule: every variable an operation (or its fragments) uses is defined.
// An undefined variable has no type and no value, so the field using it could not run.
// Spec 5.8.3 All Variable Uses Defined.

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class no_undefined_variables_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (n.kind == node_kind::operation_definition) {
      defined_.clear();
    } else if (const auto* def = node_cast<variable_definition_node>(&n)) {
      if (def->variable != nullptr) defined_.insert(def->variable->name.value);
    }
    return visit_action::proceed;
  }

  void leave(const node& n) override {
    const auto* op = node_cast<operation_definition_node>(&n);
    if (op == nullptr) return;
    // Every use is reported, repeats included, each with the operation.
    const auto check = [&](std::span<const variable_usage> usages) {
      for (const variable_usage& usage : usages) {
        const std::string_view var_name = usage.variable->name.value;
        if (defined_.contains(var_name)) continue;
        report(op->name.empty()
                   ? "Variable \"$" + std::string(var_name) + "\" is not defined."
                   : "Variable \"$" + std::string(var_name) + "\" is not defined by operation \"" +
                         std::string(op->name.value) + "\".",
               {usage.variable, op});
      }
    };
    // Asked for first, as graphql-js asks, so the fragment work budget is spent (and may
    // run out) at the same point.
    const auto usages = context().recursive_variable_usages(*op);
    const operation_definition_node* first = first_with_same_spreads(*op);
    if (first == op) {
      check(usages);
      return;
    }
    // graphql-js 16.15 computes an operation's fragments once per *set* of direct spread
    // names (its SetMap cache): an operation spreading the same fragments as an earlier
    // one, in any order, gets the earlier one's fragment list, so the uses inside
    // fragments come in the earlier operation's order. validation_context caches per
    // operation (reported to its owner); until it caches per set, the order is taken
    // from the earlier operation here.
    const auto own = context().variable_usages(*op);
    const auto earlier = context().recursive_variable_usages(*first);
    const std::size_t earlier_own = context().variable_usages(*first).size();
    check(own);
    check(earlier.subspan(earlier_own));
  }

 private:
  // The first operation (in document order) whose direct spreads name the same fragments.
  const operation_definition_node* first_with_same_spreads(const operation_definition_node& op) {
    std::vector<std::string_view> names;
    if (op.selection_set != nullptr) {
      for (const fragment_spread_node* spread : context().fragment_spreads(*op.selection_set)) {
        names.push_back(spread->name.value);
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return first_by_spreads_.try_emplace(std::move(names), &op).first->second;
  }

  std::set<std::string_view, std::less<>> defined_;
  std::map<std::vector<std::string_view>, const operation_definition_node*> first_by_spreads_;
};

}  // namespace

std::unique_ptr<validation_rule> no_undefined_variables(validation_context& context) {
  return std::make_unique<no_undefined_variables_rule>(context);
}

}  // namespace chat::graphql::rules
