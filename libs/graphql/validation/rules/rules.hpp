#pragma once
/// The validation rules of the specification (spec section 5), one per file in this
/// folder, each named after graphql-js's rule. Each factory makes the rule's visitor for
/// one validation; `specified_rules()` lists them in graphql-js order.

#include <memory>

#include "graphql/validation/validation_context.hpp"

namespace chat::graphql::rules {

#define CHAT_GRAPHQL_RULE(name) std::unique_ptr<validation_rule> name(validation_context& context);

CHAT_GRAPHQL_RULE(executable_definitions)            // 5.1.1
CHAT_GRAPHQL_RULE(unique_operation_names)            // 5.2.1.1
CHAT_GRAPHQL_RULE(lone_anonymous_operation)          // 5.2.2.1
CHAT_GRAPHQL_RULE(single_field_subscriptions)        // 5.2.3.1
CHAT_GRAPHQL_RULE(known_type_names)                  // 5.5.1.2
CHAT_GRAPHQL_RULE(fragments_on_composite_types)      // 5.5.1.3
CHAT_GRAPHQL_RULE(variables_are_input_types)         // 5.8.2
CHAT_GRAPHQL_RULE(scalar_leafs)                      // 5.3.3
CHAT_GRAPHQL_RULE(fields_on_correct_type)            // 5.3.1
CHAT_GRAPHQL_RULE(unique_fragment_names)             // 5.5.1.1
CHAT_GRAPHQL_RULE(known_fragment_names)              // 5.5.2.1
CHAT_GRAPHQL_RULE(no_unused_fragments)               // 5.5.1.4
CHAT_GRAPHQL_RULE(possible_fragment_spreads)         // 5.5.2.3
CHAT_GRAPHQL_RULE(no_fragment_cycles)                // 5.5.2.2
CHAT_GRAPHQL_RULE(unique_variable_names)             // 5.8.1
CHAT_GRAPHQL_RULE(no_undefined_variables)            // 5.8.3
CHAT_GRAPHQL_RULE(no_unused_variables)               // 5.8.4
CHAT_GRAPHQL_RULE(known_directives)                  // 5.7.1
CHAT_GRAPHQL_RULE(unique_directives_per_location)    // 5.7.3
CHAT_GRAPHQL_RULE(known_argument_names)              // 5.4.1
CHAT_GRAPHQL_RULE(unique_argument_names)             // 5.4.2
CHAT_GRAPHQL_RULE(values_of_correct_type)            // 5.6.1
CHAT_GRAPHQL_RULE(provided_required_arguments)       // 5.4.2.1
CHAT_GRAPHQL_RULE(variables_in_allowed_position)     // 5.8.5
CHAT_GRAPHQL_RULE(overlapping_fields_can_be_merged)  // 5.3.2
CHAT_GRAPHQL_RULE(unique_input_field_names)          // 5.6.3
CHAT_GRAPHQL_RULE(max_introspection_depth)           // graphql-js 16.9+ (not in the spec)

#undef CHAT_GRAPHQL_RULE

}  // namespace chat::graphql::rules
