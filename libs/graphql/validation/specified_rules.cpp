// The ordered list of validation rules: graphql-js 16 `specifiedRules`, whose order
// decides the order errors are reported in.

#include "graphql/validation/rules/rules.hpp"
#include "graphql/validation/validate.hpp"

namespace chat::graphql {

std::span<const rule_factory> specified_rules() {
  static const std::vector<rule_factory> k_rules = {
      rules::executable_definitions,
      rules::unique_operation_names,
      rules::lone_anonymous_operation,
      rules::single_field_subscriptions,
      rules::known_type_names,
      rules::fragments_on_composite_types,
      rules::variables_are_input_types,
      rules::scalar_leafs,
      rules::fields_on_correct_type,
      rules::unique_fragment_names,
      rules::known_fragment_names,
      rules::no_unused_fragments,
      rules::possible_fragment_spreads,
      rules::no_fragment_cycles,
      rules::unique_variable_names,
      rules::no_undefined_variables,
      rules::no_unused_variables,
      rules::known_directives,
      rules::unique_directives_per_location,
      rules::known_argument_names,
      rules::unique_argument_names,
      rules::values_of_correct_type,
      rules::provided_required_arguments,
      rules::variables_in_allowed_position,
      rules::overlapping_fields_can_be_merged,
      rules::unique_input_field_names,
      rules::max_introspection_depth,
  };
  return k_rules;
}

}  // namespace chat::graphql
