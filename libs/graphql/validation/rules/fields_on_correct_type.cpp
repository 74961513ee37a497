// FieldsOnCorrectTypeRule: every selected field is defined on the type it is selected on.
// An undefined field has no resolver and no type; the error suggests where it does exist.
// Spec section 5.3.1, "Field Selections".

#include <algorithm>
#include <map>

#include "graphql/error/suggestions.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

/// JavaScript's `Array.prototype.sort` as V8 runs it on fewer than 64 items: the
/// leading ascending (or strictly descending, then reversed) run, then binary insertion.
/// graphql-js's comparator below is not a strict weak order in every schema (interface
/// inheritance can contradict name order), so only V8's exact steps give V8's answer.
/// Longer lists (V8 then merges runs) keep the same steps, which agree with V8 whenever
/// the comparator is consistent.
template <typename T, typename Compare>
void v8_sort(std::vector<T>& items, Compare compare) {
  const std::size_t size = items.size();
  if (size < 2) return;
  std::size_t run = 2;
  const bool descending = compare(items[1], items[0]) < 0;
  for (std::size_t i = 2; i < size; ++i) {
    const int order = compare(items[i], items[i - 1]);
    if (descending ? order >= 0 : order < 0) break;
    ++run;
  }
  if (descending) std::reverse(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(run));
  for (std::size_t start = run; start < size; ++start) {
    T pivot = items[start];
    std::size_t left = 0;
    std::size_t right = start;
    while (left < right) {
      const std::size_t mid = left + ((right - left) >> 1);
      if (compare(pivot, items[mid]) < 0) {
        right = mid;
      } else {
        left = mid + 1;
      }
    }
    for (std::size_t p = start; p > left; --p)
      items[p] = items[p - 1];
    items[left] = pivot;
  }
}

class fields_on_correct_type_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    const auto* field = node_cast<field_node>(&n);
    if (field == nullptr) return visit_action::proceed;
    // Inside an unknown type nothing can be said (KnownTypeNamesRule reports the type).
    const named_type* parent = types().parent_type();
    if (parent == nullptr || types().field_def() != nullptr) return visit_action::proceed;
    const std::string_view field_name = field->name.value;
    // Types to put an inline fragment on come first; only without them, perhaps a typo.
    std::string suggestion =
        did_you_mean(suggested_type_names(*parent, field_name), "to use an inline fragment on");
    if (suggestion.empty()) suggestion = did_you_mean(suggested_field_names(*parent, field_name));
    report("Cannot query field \"" + std::string(field_name) + "\" on type \"" + parent->name() +
               "\"." + suggestion,
           {field});
    return visit_action::proceed;
  }

 private:
  /// The possible types of an abstract `parent` that define the field, and the
  /// interfaces of those that define it too: the most used first, then super types
  /// before their subtypes, then by name.
  std::vector<std::string> suggested_type_names(const named_type& parent,
                                                std::string_view field_name) const {
    if (!parent.is_abstract()) return {};  // an object type has no possible types to offer
    std::vector<const fields_type*> suggested;
    std::map<const fields_type*, int> usage_count;
    for (const object_type* possible : schema().possible_types(parent)) {
      if (possible->find_field(field_name) == nullptr) continue;
      suggested.push_back(possible);  // each possible type comes once
      usage_count[possible] = 1;
      for (const interface_type* iface : possible->interfaces()) {
        if (iface->find_field(field_name) == nullptr) continue;
        auto [count, inserted] = usage_count.emplace(iface, 0);
        if (inserted) suggested.push_back(iface);
        ++count->second;
      }
    }
    v8_sort(suggested, [&](const fields_type* a, const fields_type* b) {
      const int usage_difference = usage_count[b] - usage_count[a];
      if (usage_difference != 0) return usage_difference;
      if (a->kind() == type_kind::interface && schema().is_sub_type(*a, *b)) return -1;
      if (b->kind() == type_kind::interface && schema().is_sub_type(*b, *a)) return 1;
      return natural_compare(a->name(), b->name());
    });
    std::vector<std::string> names;
    names.reserve(suggested.size());
    for (const fields_type* type_def : suggested)
      names.push_back(type_def->name());
    return names;
  }

  /// Fields of `parent` named like `field_name` (a union defines no fields).
  static std::vector<std::string> suggested_field_names(const named_type& parent,
                                                        std::string_view field_name) {
    if (parent.kind() != type_kind::object && parent.kind() != type_kind::interface) return {};
    std::vector<std::string> names;
    for (const field_definition& def : static_cast<const fields_type&>(parent).fields()) {
      names.push_back(def.name);
    }
    return suggestion_list(field_name, names);
  }
};

}  // namespace

std::unique_ptr<validation_rule> fields_on_correct_type(validation_context& context) {
  return std::make_unique<fields_on_correct_type_rule>(context);
}

}  // namespace chat::graphql::rules
