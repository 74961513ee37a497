// UniqueFragmentNamesRule: no two fragment definitions of a document share a name.
// A spread names the fragment it includes, so a repeated name would be ambiguous.
// Spec section 5.5.1.1, "Fragment Name Uniqueness".

#include <map>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class unique_fragment_names_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (n.kind == node_kind::operation_definition) return visit_action::skip;
    const auto* fragment = node_cast<fragment_definition_node>(&n);
    if (fragment == nullptr) return visit_action::proceed;
    const auto [known, inserted] = known_.try_emplace(fragment->name.value, fragment->name.loc);
    if (!inserted) {
      // Names are not nodes: the error points at the names' own positions.
      const node first{n.kind, known->second};
      const node again{n.kind, fragment->name.loc};
      report("There can be only one fragment named \"" + std::string(fragment->name.value) + "\".",
             {&first, &again});
    }
    return visit_action::skip;
  }

 private:
  std::map<std::string_view, location, std::less<>> known_;
};

}  // namespace

std::unique_ptr<validation_rule> unique_fragment_names(validation_context& context) {
  return std::make_unique<unique_fragment_names_rule>(context);
}

}  // namespace chat::graphql::rules
