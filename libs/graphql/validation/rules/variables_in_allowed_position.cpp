// VariablesInAllowedPositionRule: a variable's declared type must fit every position it is used
// in (a nullable variable may fill a non-null position only when a default covers it), and a
// variable filling a field of a @oneOf input object must be non-null.
// Otherwise a request with valid variables could still hand a field a value it cannot take.
// Spec section 5.8.5 "All Variable Usages Are Allowed".
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graphql/language/visitor.hpp"
#include "graphql/validation/default_values.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

// graphql-js `isTypeSubTypeOf`. Wrapping types are interned, so equal types are equal pointers.
bool is_type_sub_type_of(const schema& s, const type& maybe_sub, const type& super) {
  if (&maybe_sub == &super) return true;
  if (super.is_non_null()) {
    return maybe_sub.is_non_null() &&
           is_type_sub_type_of(s, *maybe_sub.of_type(), *super.of_type());
  }
  if (maybe_sub.is_non_null()) return is_type_sub_type_of(s, *maybe_sub.of_type(), super);
  if (super.is_list()) {
    return maybe_sub.is_list() && is_type_sub_type_of(s, *maybe_sub.of_type(), *super.of_type());
  }
  if (maybe_sub.is_list()) return false;
  return super.is_abstract() &&
         (maybe_sub.kind() == type_kind::interface || maybe_sub.kind() == type_kind::object) &&
         s.is_sub_type(static_cast<const named_type&>(super),
                       static_cast<const named_type&>(maybe_sub));
}

// graphql-js `allowedVariableUsage`: a nullable variable may stand where a non-null value is
// expected when its own default is not null or the position has a default (one that gives a
// value: graphql-js drops an SDL default that does not fit its type).
bool allowed_variable_usage(const schema& s, const type& var_type, const value_node* var_default,
                            const type& location_type, const value_node* location_default) {
  if (location_type.is_non_null() && !var_type.is_non_null()) {
    const bool has_non_null_var_default =
        var_default != nullptr && var_default->kind != node_kind::null_value;
    const bool has_location_default =
        location_default != nullptr && literal_has_value(*location_default, location_type);
    if (!has_non_null_var_default && !has_location_default) return false;
    return is_type_sub_type_of(s, var_type, *location_type.of_type());
  }
  return is_type_sub_type_of(s, var_type, location_type);
}

bool has_one_of_input(const schema& s) {
  for (const named_type* t : s.types()) {
    if (t->kind() == type_kind::input_object &&
        static_cast<const input_object_type*>(t)->is_one_of()) {
      return true;
    }
  }
  return false;
}

class variables_in_allowed_position_rule final : public validation_rule {
 public:
  explicit variables_in_allowed_position_rule(validation_context& context)
      : validation_rule(context), check_one_of_(has_one_of_input(context.schema())) {}

  visit_action enter(const node& n) override {
    if (n.kind == node_kind::operation_definition) {
      variable_definitions_.clear();
    } else if (n.kind == node_kind::variable_definition) {
      const auto& def = static_cast<const variable_definition_node&>(n);
      variable_definitions_[def.variable->name.value] = &def;  // the last of duplicates wins
    }
    return visit_action::proceed;
  }

  void leave(const node& n) override {
    if (n.kind != node_kind::operation_definition) return;
    const auto& op = static_cast<const operation_definition_node&>(n);
    if (check_one_of_) collect_parent_types(op);
    for (const variable_usage& usage : context().recursive_variable_usages(op)) {
      const std::string_view name = usage.variable->name.value;
      const auto found = variable_definitions_.find(name);
      if (found == variable_definitions_.end() || usage.expected_type == nullptr) continue;
      const variable_definition_node& def = *found->second;
      const type* var_type = type_info::type_from_ast(schema(), *def.type);
      if (var_type != nullptr &&
          !allowed_variable_usage(schema(), *var_type, def.default_value, *usage.expected_type,
                                  usage.default_value)) {
        report("Variable \"$" + std::string(name) + "\" of type \"" + var_type->to_string() +
                   "\" used in position expecting type \"" + usage.expected_type->to_string() +
                   "\".",
               {&def, usage.variable});
      }
      if (!check_one_of_) continue;
      const auto parent = parent_types_.find(usage.variable);
      const named_type* one_of = parent == parent_types_.end() ? nullptr : parent->second;
      if (one_of != nullptr && var_type != nullptr && !var_type->is_non_null()) {
        report("Variable \"$" + std::string(name) + "\" is of type \"" + var_type->to_string() +
                   "\" but must be non-nullable to be used for OneOf Input Object \"" +
                   one_of->name() + "\".",
               {&def, usage.variable});
      }
    }
  }

 private:
  // graphql-js's variable usages carry the input type one level up (`parentType`); the
  // context's do not, so the @oneOf objects that variables stand directly in are found here,
  // walking each definition once (as graphql-js getVariableUsages walks it).
  void collect_parent_types(const operation_definition_node& op) {
    walk_definition(op);
    for (const fragment_definition_node* fragment :
         context().recursively_referenced_fragments(op)) {
      walk_definition(*fragment);
    }
  }

  void walk_definition(const node& definition) {
    if (!walked_.insert(&definition).second) return;
    type_info info(schema());
    walk(definition, info);
  }

  void walk(const node& n, type_info& info) {
    if (n.kind == node_kind::variable_definition) return;
    info.enter(n);
    if (n.kind == node_kind::variable) {
      const type* parent = info.parent_input_type();
      if (parent != nullptr && parent->kind() == type_kind::input_object &&
          static_cast<const input_object_type*>(parent)->is_one_of()) {
        parent_types_[static_cast<const variable_node*>(&n)] =
            static_cast<const named_type*>(parent);
      }
    }
    const std::size_t first = scratch_.size();
    append_children(n, scratch_);
    const std::size_t count = scratch_.size() - first;
    for (std::size_t k = 0; k < count; ++k)
      walk(*scratch_[first + k], info);
    scratch_.resize(first);
    info.leave(n);
  }

  const bool check_one_of_;
  std::unordered_map<std::string_view, const variable_definition_node*> variable_definitions_;
  std::unordered_set<const node*> walked_;
  std::unordered_map<const variable_node*, const named_type*> parent_types_;
  std::vector<const node*> scratch_;
};

}  // namespace

std::unique_ptr<validation_rule> variables_in_allowed_position(validation_context& context) {
  return std::make_unique<variables_in_allowed_position_rule>(context);
}

}  // namespace chat::graphql::rules
