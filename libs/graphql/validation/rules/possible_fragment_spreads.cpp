// PossibleFragmentSpreadsRule: a fragment's type condition can match where it is spread.
// A spread whose type never overlaps its parent's could never contribute a field.
// Spec 5.5.2.3 Fragment Spread Is Possible.

#include <algorithm>
#include <string>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

// graphql-js doTypesOverlap: some object type could be both `a` and `b`.
bool do_types_overlap(const schema& s, const named_type& a, const named_type& b) {
  if (&a == &b) return true;
  if (a.is_abstract()) {
    if (b.is_abstract()) {
      const auto possible = s.possible_types(a);
      return std::any_of(possible.begin(), possible.end(),
                         [&](const object_type* t) { return s.is_sub_type(b, *t); });
    }
    return s.is_sub_type(a, b);
  }
  if (b.is_abstract()) return s.is_sub_type(b, a);
  return false;
}

const named_type* composite(const type* t) {
  return t != nullptr && t->is_composite() ? &t->named() : nullptr;
}

class possible_fragment_spreads_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (n.kind == node_kind::inline_fragment) {
      check_inline_fragment(n);
    } else if (const auto* spread = node_cast<fragment_spread_node>(&n)) {
      check_spread(*spread);
    }
    return visit_action::proceed;
  }

 private:
  void check_inline_fragment(const node& fragment) {
    // Unknown or non-composite types are the business of other rules: stay silent.
    const named_type* fragment_type = composite(types().current_type());
    const named_type* parent_type = composite(types().parent_type());
    if (fragment_type == nullptr || parent_type == nullptr) return;
    if (do_types_overlap(schema(), *fragment_type, *parent_type)) return;
    report("Fragment cannot be spread here as objects of type \"" + parent_type->name() +
               "\" can never be of type \"" + fragment_type->name() + "\".",
           {&fragment});
  }

  void check_spread(const fragment_spread_node& spread) {
    const fragment_definition_node* fragment = context().fragment(spread.name.value);
    if (fragment == nullptr || fragment->type_condition == nullptr) return;
    const named_type* fragment_type =
        composite(type_info::type_from_ast(schema(), *fragment->type_condition));
    const named_type* parent_type = types().parent_type();
    if (fragment_type == nullptr || parent_type == nullptr) return;
    if (do_types_overlap(schema(), *fragment_type, *parent_type)) return;
    report("Fragment \"" + std::string(spread.name.value) +
               "\" cannot be spread here as objects of type \"" + parent_type->name() +
               "\" can never be of type \"" + fragment_type->name() + "\".",
           {&spread});
  }
};

}  // namespace

std::unique_ptr<validation_rule> possible_fragment_spreads(validation_context& context) {
  return std::make_unique<possible_fragment_spreads_rule>(context);
}

}  // namespace chat::graphql::rules
