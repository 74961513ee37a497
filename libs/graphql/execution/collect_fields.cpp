// CollectFields as the spec writes it; fragments are visited once per call (graphql-js
// `visitedFragmentNames`), so a fragment spread twice contributes its fields once.
#include "graphql/execution/collect_fields.hpp"

#include <algorithm>
#include <boost/json/value.hpp>

namespace chat::graphql {

namespace {

// The `if` argument of a directive: a Boolean literal or a variable's coerced value.
bool if_argument(const directive_node& directive, const boost::json::object& variables,
                 variable_reads* reads) {
  for (const argument_node* argument : directive.arguments) {
    if (argument->name.value != "if") continue;
    const value_node& literal = *argument->value;
    if (literal.kind == node_kind::boolean_value) {
      return static_cast<const boolean_value_node&>(literal).value;
    }
    if (literal.kind == node_kind::variable) {
      const std::string_view name = static_cast<const variable_node&>(literal).name.value;
      const auto* found = variables.if_contains(name);
      const bool truth = found != nullptr && found->is_bool() && found->get_bool();
      if (reads != nullptr &&
          std::find(reads->begin(), reads->end(), std::pair{name, truth}) == reads->end()) {
        reads->emplace_back(name, truth);
      }
      return truth;
    }
  }
  return false;
}

struct collector {
  const schema& served;
  const fragment_map& fragments;
  const object_type& object;
  const boost::json::object& variables;
  grouped_field_set& fields;
  variable_reads* reads;
  std::vector<std::string_view> visited;

  void add(const field_node& field) {
    const std::string_view key = field.response_key();
    for (collected_field& existing : fields) {
      if (existing.response_key == key) {
        existing.nodes.push_back(&field);
        return;
      }
    }
    fields.push_back(collected_field{key, {&field}});
  }

  void collect(const selection_set_node& selection_set) {
    for (const selection_node* selection : selection_set.selections) {
      if (!should_include_node(selection->directives, variables, reads)) continue;
      switch (selection->kind) {
        case node_kind::field:
          add(static_cast<const field_node&>(*selection));
          break;
        case node_kind::inline_fragment: {
          const auto& fragment = static_cast<const inline_fragment_node&>(*selection);
          if (fragment.type_condition != nullptr &&
              !does_fragment_type_apply(served, object, *fragment.type_condition)) {
            break;
          }
          collect(*fragment.selection_set);
          break;
        }
        case node_kind::fragment_spread: {
          const std::string_view name =
              static_cast<const fragment_spread_node&>(*selection).name.value;
          bool seen = false;
          for (std::string_view visited_name : visited)
            seen = seen || visited_name == name;
          if (seen) break;
          visited.push_back(name);
          const fragment_definition_node* fragment = fragments.find(name);
          if (fragment == nullptr ||
              !does_fragment_type_apply(served, object, *fragment->type_condition)) {
            break;
          }
          collect(*fragment->selection_set);
          break;
        }
        default:
          break;
      }
    }
  }
};

}  // namespace

fragment_map::fragment_map(const document_node& root) {
  for (const definition_node* definition : root.definitions) {
    if (definition->kind == node_kind::fragment_definition) {
      fragments_.push_back(static_cast<const fragment_definition_node*>(definition));
    }
  }
}

const fragment_definition_node* fragment_map::find(std::string_view fragment_name) const noexcept {
  for (const fragment_definition_node* fragment : fragments_) {
    if (fragment->name.value == fragment_name) return fragment;
  }
  return nullptr;
}

bool does_fragment_type_apply(const schema& served, const object_type& object,
                              const named_type_node& condition) {
  const named_type* condition_type = served.find_type(condition.name.value);
  if (condition_type == nullptr) return false;
  if (condition_type == &object) return true;
  if (condition_type->is_abstract()) return served.is_sub_type(*condition_type, object);
  return false;
}

bool should_include_node(std::span<directive_node* const> directives,
                         const boost::json::object& variables, variable_reads* reads) {
  for (const directive_node* directive : directives) {
    if (directive->name.value == "skip" && if_argument(*directive, variables, reads)) return false;
    if (directive->name.value == "include" && !if_argument(*directive, variables, reads)) {
      return false;
    }
  }
  return true;
}

void collect_fields(const schema& served, const fragment_map& fragments, const object_type& object,
                    const selection_set_node& selection_set, const boost::json::object& variables,
                    grouped_field_set& fields, variable_reads* reads) {
  collector c{served, fragments, object, variables, fields, reads, {}};
  c.collect(selection_set);
}

grouped_field_set collect_subfields(const schema& served, const fragment_map& fragments,
                                    const object_type& object,
                                    std::span<const field_node* const> nodes,
                                    const boost::json::object& variables, variable_reads* reads) {
  grouped_field_set fields;
  collector c{served, fragments, object, variables, fields, reads, {}};
  for (const field_node* node : nodes) {
    if (node->selection_set != nullptr) c.collect(*node->selection_set);
  }
  return fields;
}

}  // namespace chat::graphql
