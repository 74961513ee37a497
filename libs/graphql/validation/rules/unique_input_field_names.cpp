// UniqueInputFieldNamesRule: an input object value gives each field at most once.
// Two values for one field would leave the value to use ambiguous.
// Spec 5.6.3 Input Object Field Uniqueness.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/validation/name_location.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class unique_input_field_names_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (n.kind == node_kind::object_value) {
      known_.emplace_back();  // each object value, nested ones too, has its own names
    } else if (const auto* field = node_cast<object_field_node>(&n)) {
      check(*field);
    }
    return visit_action::proceed;
  }

  void leave(const node& n) override {
    if (n.kind == node_kind::object_value) known_.pop_back();
  }

 private:
  // Every repeat is reported against the first occurrence.
  void check(const object_field_node& field) {
    if (known_.empty()) return;
    const auto [first, added] = known_.back().try_emplace(field.name.value, &field.name);
    if (added) return;
    const node first_at = at_name(*first->second);
    const node repeat_at = at_name(field.name);
    report("There can be only one input field named \"" + std::string(field.name.value) + "\".",
           {&first_at, &repeat_at});
  }

  std::vector<std::unordered_map<std::string_view, const graphql::name*>> known_;
};

}  // namespace

std::unique_ptr<validation_rule> unique_input_field_names(validation_context& context) {
  return std::make_unique<unique_input_field_names_rule>(context);
}

}  // namespace chat::graphql::rules
