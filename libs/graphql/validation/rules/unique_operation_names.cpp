// UniqueOperationNamesRule: no two operations of a document share a name.
// A client picks the operation to run by its name, so a repeated name would be ambiguous.
// Spec section 5.2.1.1, "Operation Name Uniqueness".

#include <map>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class unique_operation_names_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (n.kind == node_kind::fragment_definition) return visit_action::skip;
    const auto* op = node_cast<operation_definition_node>(&n);
    if (op == nullptr) return visit_action::proceed;
    if (!op->name.empty()) {
      const auto [known, inserted] = known_.try_emplace(op->name.value, op->name.loc);
      if (!inserted) {
        // Names are not nodes: the error points at the names' own positions.
        const node first{n.kind, known->second};
        const node again{n.kind, op->name.loc};
        report("There can be only one operation named \"" + std::string(op->name.value) + "\".",
               {&first, &again});
      }
    }
    return visit_action::skip;
  }

 private:
  std::map<std::string_view, location, std::less<>> known_;
};

}  // namespace

std::unique_ptr<validation_rule> unique_operation_names(validation_context& context) {
  return std::make_unique<unique_operation_names_rule>(context);
}

}  // namespace chat::graphql::rules
