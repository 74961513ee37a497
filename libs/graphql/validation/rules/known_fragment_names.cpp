// KnownFragmentNamesRule: every fragment spread names a fragment the document defines.
// A spread of an undefined fragment has no selections to stand for.
// Spec section 5.5.2.1, "Fragment Spread Target Defined".

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class known_fragment_names_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    const auto* spread = node_cast<fragment_spread_node>(&n);
    if (spread != nullptr && context().fragment(spread->name.value) == nullptr) {
      // graphql-js points at the name, not at the `...` that starts the spread.
      const node name_at{n.kind, spread->name.loc};
      report("Unknown fragment \"" + std::string(spread->name.value) + "\".", {&name_at});
    }
    return visit_action::proceed;
  }
};

}  // namespace

std::unique_ptr<validation_rule> known_fragment_names(validation_context& context) {
  return std::make_unique<known_fragment_names_rule>(context);
}

}  // namespace chat::graphql::rules
