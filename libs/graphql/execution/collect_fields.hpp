#pragma once
/// Spec 6.3.2 CollectFields: the fields a selection set asks of one object type, grouped
/// by response key in the order first seen, after `@skip` / `@include` and fragment type
/// conditions (graphql-js `execution/collectFields.ts`).
///
/// Thread-safety: pure functions over immutable inputs.

#include <boost/json/object.hpp>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "graphql/language/ast.hpp"
#include "graphql/type/schema.hpp"

namespace chat::graphql {

/// The fragment definitions of a document by name.
class fragment_map {
 public:
  explicit fragment_map(const document_node& root);
  const fragment_definition_node* find(std::string_view fragment_name) const noexcept;

 private:
  std::vector<const fragment_definition_node*> fragments_;
};

/// One response key and the field nodes merged under it (in document order).
struct collected_field {
  std::string_view response_key;
  std::vector<const field_node*> nodes;
};
using grouped_field_set = std::vector<collected_field>;

/// The variables `@skip(if:)` / `@include(if:)` conditions read while collecting, with
/// the truth each gave (a missing or non-Boolean value reads as false). A collection
/// depends on the variables only through these, so it holds for any variables that agree
/// on every one (what lets execution plans be kept between executions).
using variable_reads = std::vector<std::pair<std::string_view, bool>>;

/// Spec DoesFragmentTypeApply.
bool does_fragment_type_apply(const schema& served, const object_type& object,
                              const named_type_node& condition);

/// Spec ShouldIncludeNode for `@skip(if:)` and `@include(if:)` (validated documents:
/// `if` is a Boolean literal or a variable in `variables`). Variables read are added to
/// `reads` when given.
bool should_include_node(std::span<directive_node* const> directives,
                         const boost::json::object& variables, variable_reads* reads = nullptr);

/// Spec CollectFields for `selection_set` against `object`, appended to `fields`.
void collect_fields(const schema& served, const fragment_map& fragments, const object_type& object,
                    const selection_set_node& selection_set, const boost::json::object& variables,
                    grouped_field_set& fields, variable_reads* reads = nullptr);

/// Spec CollectSubfields: the merged selection sets of `nodes` against `object`.
grouped_field_set collect_subfields(const schema& served, const fragment_map& fragments,
                                    const object_type& object,
                                    std::span<const field_node* const> nodes,
                                    const boost::json::object& variables,
                                    variable_reads* reads = nullptr);

}  // namespace chat::graphql
