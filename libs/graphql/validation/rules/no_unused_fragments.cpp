// NoUnusedFragmentsRule: every fragment the document defines is spread by some operation.
// A fragment no operation reaches is dead text, usually a leftover or a misspelled spread.
// Spec 5.5.1.4 Fragments Must Be Used.

#include <set>
#include <string_view>
#include <vector>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class no_unused_fragments_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    // Only the definitions are collected: what they use is computed once at the end.
    if (const auto* op = node_cast<operation_definition_node>(&n)) {
      operations_.push_back(op);
      return visit_action::skip;
    }
    if (const auto* fragment = node_cast<fragment_definition_node>(&n)) {
      fragments_.push_back(fragment);
      return visit_action::skip;
    }
    return visit_action::proceed;
  }

  void leave(const node& n) override {
    if (n.kind != node_kind::document) return;
    // One look for all operations together, as graphql-js 16.15 does (it spends the
    // fragment work budget once).
    std::set<std::string_view, std::less<>> used;
    for (const fragment_definition_node* fragment :
         context().recursively_referenced_fragments_for(operations_)) {
      used.insert(fragment->name.value);
    }
    for (const fragment_definition_node* fragment : fragments_) {
      const std::string_view name = fragment->name.value;
      if (!used.contains(name)) {
        report("Fragment \"" + std::string(name) + "\" is never used.", {fragment});
      }
    }
  }

 private:
  std::vector<const operation_definition_node*> operations_;
  std::vector<const fragment_definition_node*> fragments_;
};

}  // namespace

std::unique_ptr<validation_rule> no_unused_fragments(validation_context& context) {
  return std::make_unique<no_unused_fragments_rule>(context);
}

}  // namespace chat::graphql::rules
