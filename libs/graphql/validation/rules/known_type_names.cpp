// KnownTypeNamesRule: every type a document names exists (in the schema or the document).
// An unknown type cannot be checked or executed, so it is reported with the closest known names.
// Spec section 5.5.1.2, "Fragment Spread Type Existence" (and 5.8.2 for variable types).

#include <algorithm>
#include <array>
#include <set>

#include "graphql/error/suggestions.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

// graphql-js `specifiedScalarTypes` and `introspectionTypes`: inside type system
// definitions these may be named even when the schema does not list them.
constexpr std::array<std::string_view, 13> k_standard_type_names = {
    "String",    "Int",      "Float",        "Boolean",
    "ID",        "__Schema", "__Directive",  "__DirectiveLocation",
    "__Type",    "__Field",  "__InputValue", "__EnumValue",
    "__TypeKind"};

bool is_sdl_definition(node_kind kind) noexcept {
  return is_type_system_definition(kind) || is_type_system_extension(kind);
}

class known_type_names_rule final : public validation_rule {
 public:
  explicit known_type_names_rule(validation_context& context) : validation_rule(context) {
    for (const named_type* existing : schema().types())
      type_names_.push_back(existing->name());
    for (const definition_node* definition : context.doc().root().definitions) {
      if (!is_type_definition(definition->kind)) continue;  // extensions define nothing
      const std::string_view name =
          static_cast<const type_definition_node*>(definition)->name.value;
      if (defined_types_.insert(name).second) type_names_.emplace_back(name);
    }
  }

  visit_action enter(const node& n) override {
    // graphql-js asks whether the definition the name stands in (the document's child on
    // the path to it) is a type system definition.
    if (is_executable_definition(n.kind) || is_sdl_definition(n.kind)) definition_ = &n;
    const auto* named = node_cast<named_type_node>(&n);
    if (named == nullptr) return visit_action::proceed;
    const std::string_view type_name = named->name.value;
    if (schema().find_type(type_name) != nullptr || defined_types_.contains(type_name)) {
      return visit_action::proceed;
    }
    const bool in_sdl = definition_ != nullptr && is_sdl_definition(definition_->kind);
    if (in_sdl && std::find(k_standard_type_names.begin(), k_standard_type_names.end(),
                            type_name) != k_standard_type_names.end()) {
      return visit_action::proceed;
    }
    std::vector<std::string> suggested;
    if (in_sdl) {
      std::vector<std::string> options(k_standard_type_names.begin(), k_standard_type_names.end());
      options.insert(options.end(), type_names_.begin(), type_names_.end());
      suggested = suggestion_list(type_name, options);
    } else {
      suggested = suggestion_list(type_name, type_names_);
    }
    report("Unknown type \"" + std::string(type_name) + "\"." + did_you_mean(suggested), {named});
    return visit_action::proceed;
  }

 private:
  std::set<std::string_view, std::less<>> defined_types_;
  std::vector<std::string> type_names_;
  const node* definition_ = nullptr;
};

}  // namespace

std::unique_ptr<validation_rule> known_type_names(validation_context& context) {
  return std::make_unique<known_type_names_rule>(context);
}

}  // namespace chat::graphql::rules
