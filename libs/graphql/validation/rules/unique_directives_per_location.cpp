// UniqueDirectivesPerLocationRule: a non-repeatable directive appears once per location.
// A directive given twice would leave its arguments ambiguous.
// Spec 5.7.3 Directives Are Unique Per Location.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

// The directives `n` carries; nullopt for nodes that cannot carry any.
std::optional<std::span<directive_node* const>> directives_of(const node& n) {
  switch (n.kind) {
    case node_kind::operation_definition:
      return static_cast<const operation_definition_node&>(n).directives;
    case node_kind::variable_definition:
      return static_cast<const variable_definition_node&>(n).directives;
    case node_kind::field:
    case node_kind::fragment_spread:
    case node_kind::inline_fragment:
      return static_cast<const selection_node&>(n).directives;
    case node_kind::fragment_definition:
      return static_cast<const fragment_definition_node&>(n).directives;
    case node_kind::schema_definition:
    case node_kind::schema_extension:
      return static_cast<const schema_definition_node&>(n).directives;
    case node_kind::field_definition:
      return static_cast<const field_definition_node&>(n).directives;
    case node_kind::input_value_definition:
      return static_cast<const input_value_definition_node&>(n).directives;
    case node_kind::enum_value_definition:
      return static_cast<const enum_value_definition_node&>(n).directives;
    default:
      if (is_type_definition(n.kind) || is_type_extension(n.kind)) {
        return static_cast<const type_definition_node&>(n).directives;
      }
      return std::nullopt;
  }
}

using seen_directives = std::map<std::string_view, const directive_node*, std::less<>>;

class unique_directives_per_location_rule final : public validation_rule {
 public:
  explicit unique_directives_per_location_rule(validation_context& context)
      : validation_rule(context) {
    // Unknown directives are left to KnownDirectivesRule: only known ones are checked.
    for (const directive_definition* directive : schema().directives()) {
      unique_[directive->name] = !directive->repeatable;
    }
    for (const definition_node* def : context.doc().root().definitions) {
      if (const auto* directive = node_cast<directive_definition_node>(def)) {
        unique_[std::string(directive->name.value)] = !directive->repeatable;
      }
    }
  }

  visit_action enter(const node& n) override {
    const auto directives = directives_of(n);
    if (!directives) return visit_action::proceed;
    // A schema, and each named type, is one location across its definition and all its
    // extensions; every other node is a location of its own.
    seen_directives local;
    seen_directives* seen = &local;
    if (n.kind == node_kind::schema_definition || n.kind == node_kind::schema_extension) {
      seen = &schema_seen_;
    } else if (is_type_definition(n.kind) || is_type_extension(n.kind)) {
      seen = &type_seen_[static_cast<const type_definition_node&>(n).name.value];
    }
    for (const directive_node* directive : *directives) {
      const std::string_view name = directive->name.value;
      const auto unique = unique_.find(name);
      if (unique == unique_.end() || !unique->second) continue;
      const auto [first, added] = seen->try_emplace(name, directive);
      if (added) continue;
      report("The directive \"@" + std::string(name) + "\" can only be used once at this location.",
             {first->second, directive});
    }
    return visit_action::proceed;
  }

 private:
  std::map<std::string, bool, std::less<>> unique_;
  seen_directives schema_seen_;
  std::map<std::string_view, seen_directives, std::less<>> type_seen_;
};

}  // namespace

std::unique_ptr<validation_rule> unique_directives_per_location(validation_context& context) {
  return std::make_unique<unique_directives_per_location_rule>(context);
}

}  // namespace chat::graphql::rules
