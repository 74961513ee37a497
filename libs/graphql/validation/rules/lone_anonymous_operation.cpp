// LoneAnonymousOperationRule: an anonymous operation is the only operation of its document.
// Without a name a client could not say which of several operations it means.
// Spec section 5.2.2.1, "Lone Anonymous Operation".

#include <algorithm>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class lone_anonymous_operation_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (const auto* doc = node_cast<document_node>(&n)) {
      operation_count_ = static_cast<std::size_t>(std::count_if(
          doc->definitions.begin(), doc->definitions.end(), [](const definition_node* definition) {
            return definition->kind == node_kind::operation_definition;
          }));
    } else if (const auto* op = node_cast<operation_definition_node>(&n)) {
      if (op->name.empty() && operation_count_ > 1) {
        report("This anonymous operation must be the only defined operation.", {op});
      }
    }
    return visit_action::proceed;
  }

 private:
  std::size_t operation_count_ = 0;
};

}  // namespace

std::unique_ptr<validation_rule> lone_anonymous_operation(validation_context& context) {
  return std::make_unique<lone_anonymous_operation_rule>(context);
}

}  // namespace chat::graphql::rules
