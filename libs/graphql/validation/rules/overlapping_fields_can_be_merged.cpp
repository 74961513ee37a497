// OverlappingFieldsCanBeMergedRule: fields that share a response name anywhere in a selection
// (fragments included) must be the same field with the same arguments, and return shapes that
// can be merged, unless their parent objects can never both apply.
// Otherwise one response key would have to hold two different answers.
// Spec section 5.3.2 "Field Selection Merging".
//
// This follows graphql-js 16.15's algorithm step for step (the lettered steps A to J below are
// its comments' letters): the fields of each selection set and fragment are collected once per
// parent type, fragment pairs and field pairs are compared once, and the work is metered by
// the same complexity budget, so pathological documents stop where graphql-js stops.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "graphql/type/inspect.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

// Diagnostic detail stays bounded whatever the document's size (graphql-js constants).
constexpr std::size_t k_max_conflict_detail_length = 1000;
constexpr std::size_t k_max_conflict_nodes = 20;
// Work that grows through repeated comparisons is metered; collecting fields is not.
constexpr long long k_max_complexity_budget = 500'000;

std::string maybe_abbreviate(std::string_view text) {
  if (text.size() <= k_max_conflict_detail_length) return std::string(text);
  std::string out(text.substr(0, k_max_conflict_detail_length));
  out += "...";
  return out;
}

bool is_object(const named_type* t) noexcept {
  return t != nullptr && t->kind() == type_kind::object;
}

const type* type_of(const field_definition* def) noexcept {
  return def == nullptr ? nullptr : def->field_type;
}

struct pair_hash {
  template <typename A, typename B>
  std::size_t operator()(const std::pair<A, B>& p) const noexcept {
    const std::size_t a = std::hash<A>{}(p.first);
    const std::size_t b = std::hash<B>{}(p.second);
    return a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  }
};

// The arguments of a field, by name (the last of a repeated name wins, as in a JS Map).
struct argument_info {
  std::span<argument_node* const> nodes;
  std::unordered_map<std::string_view, const value_node*> values;
};

struct field_info;

using fragment_id = std::uint32_t;

// One field of a collected selection: graphql-js's FieldDetails.
struct field_detail {
  const named_type* parent_type = nullptr;
  const field_node* node = nullptr;
  const field_definition* definition = nullptr;
  bool is_simple_leaf = false;
  field_info* info = nullptr;  // prepared only when the field overlaps another
};

// What comparing an overlapping field needs, prepared once per field.
struct field_info {
  // The reason this field conflicts with another one by name or arguments (nullopt: none).
  std::unordered_map<const field_info*, std::optional<std::string>> comparisons;
  const named_type* named = nullptr;
  std::optional<argument_info> arguments;  // nullopt when the field has none
  std::optional<std::string> type_string;
};

struct field_group {
  std::string_view response_name;
  std::vector<field_detail*> fields;
};

struct overlap {
  std::string_view response_name;
  const std::vector<field_detail*>* fields1;
  const std::vector<field_detail*>* fields2;
};

// The fields of a selection set grouped by response name, in first-seen order, and the names
// of the fragments it spreads (each once, in order): graphql-js's CollectFieldsResult.
struct collect_fields_result {
  std::vector<field_group> groups;
  std::unordered_map<std::string_view, std::size_t> group_index;
  std::vector<fragment_id> fragment_names;
  std::unordered_set<fragment_id> fragment_name_set;
  // Fragments already compared with these fields, and whether that was only as mutually
  // exclusive parents.
  std::unordered_map<fragment_id, bool> compared_fragments;
  std::unordered_map<const collect_fields_result*, std::vector<overlap>> overlapping_fields;
};

struct conflict {
  std::string_view response_name;
  std::string reason;
  std::vector<const field_node*> fields1;
  std::vector<const field_node*> fields2;
};

class overlapping_fields_can_be_merged_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (n.kind == node_kind::inline_fragment) {
      // An inline fragment's fields belong to the enclosing selection set's response level;
      // they are compared there, not as a selection set of their own.
      inline_fragment_set_ = static_cast<const inline_fragment_node&>(n).selection_set;
      return visit_action::proceed;
    }
    if (n.kind != node_kind::selection_set || aborted_) return visit_action::proceed;
    const auto& set = static_cast<const selection_set_node&>(n);
    if (&set == inline_fragment_set_) return visit_action::proceed;
    if (set.selections.size() <= 1 &&
        (set.selections.empty() || set.selections.front()->kind != node_kind::inline_fragment)) {
      return visit_action::proceed;
    }
    std::vector<conflict> conflicts =
        find_conflicts_within_selection_set(types().parent_type(), set);
    if (aborted_) {
      // graphql-js throws here: this selection set's conflicts are dropped and the whole
      // validation ends with this error. A rule cannot end our walk, so only this rule stops.
      context().report("Validation aborted.", std::span<const node* const>{});
      return visit_action::proceed;
    }
    for (const conflict& c : conflicts) {
      std::vector<const node*> nodes;
      nodes.reserve(c.fields1.size() + c.fields2.size());
      nodes.insert(nodes.end(), c.fields1.begin(), c.fields1.end());
      nodes.insert(nodes.end(), c.fields2.begin(), c.fields2.end());
      context().report("Fields \"" + maybe_abbreviate(c.response_name) + "\" conflict because " +
                           c.reason +
                           ". Use different aliases on the fields to fetch both if this was "
                           "intentional.",
                       nodes);
    }
    return visit_action::proceed;
  }

 private:
  // Spends budget; false (and the rule aborted) once it is exhausted. Every caller returns
  // as soon as `aborted_` is set.
  bool spend(long long cost) {
    remaining_budget_ -= cost;
    if (remaining_budget_ < 0) aborted_ = true;
    return !aborted_;
  }

  std::vector<conflict> find_conflicts_within_selection_set(const named_type* parent_type,
                                                            const selection_set_node& set) {
    std::vector<conflict> conflicts;
    collect_fields_result& fields = collect_fields(parent_type, set);
    // (A) Conflicts within the fields of this selection set; the only place this is done.
    collect_conflicts_within(conflicts, fields);
    if (aborted_) return conflicts;
    if (!fields.fragment_names.empty() &&
        (!fields.groups.empty() || fields.fragment_names.size() > 1)) {
      for (std::size_t i = 0; i < fields.fragment_names.size(); ++i) {
        // (B) These fields against each fragment spread here.
        collect_conflicts_between_fields_and_fragment(conflicts, false, fields,
                                                      fields.fragment_names[i]);
        if (aborted_) return conflicts;
        // (C) Each fragment against every other fragment spread here.
        for (std::size_t j = i + 1; j < fields.fragment_names.size(); ++j) {
          collect_conflicts_between_fragments(conflicts, false, fields.fragment_names[i],
                                              fields.fragment_names[j]);
          if (aborted_) return conflicts;
        }
      }
    }
    return conflicts;
  }

  // Conflicts between a set of fields and a fragment, through the fragments it spreads too.
  void collect_conflicts_between_fields_and_fragment(std::vector<conflict>& conflicts,
                                                     bool mutually_exclusive,
                                                     collect_fields_result& fields,
                                                     fragment_id fragment_name) {
    if (!spend(1)) return;
    if (fields.groups.empty()) return;
    // Compare a set of fields with a fragment once; only a non-exclusive comparison also covers
    // an exclusive one.
    const auto compared = fields.compared_fragments.find(fragment_name);
    if (compared != fields.compared_fragments.end() && (!compared->second || mutually_exclusive)) {
      return;
    }
    fields.compared_fragments[fragment_name] = mutually_exclusive;
    collect_fields_result* found = fragment_fields_of(fragment_name);
    if (found == nullptr) return;
    collect_fields_result& fragment_fields = *found;
    if (&fields == &fragment_fields) return;  // never compare fields with themselves
    // (D) The fields against the fragment's own fields.
    collect_conflicts_between(conflicts, mutually_exclusive, fields, fragment_fields);
    if (aborted_) return;
    // (E) The fields against the fragments the fragment spreads.
    for (std::size_t i = 0; i < fragment_fields.fragment_names.size(); ++i) {
      collect_conflicts_between_fields_and_fragment(conflicts, mutually_exclusive, fields,
                                                    fragment_fields.fragment_names[i]);
      if (aborted_) return;
    }
  }

  // Conflicts between two fragments, through the fragments they spread too.
  void collect_conflicts_between_fragments(std::vector<conflict>& conflicts,
                                           bool mutually_exclusive, fragment_id name1,
                                           fragment_id name2) {
    if (!spend(2)) return;
    if (name1 == name2) return;
    if (compared_fragment_pair(name1, name2, mutually_exclusive)) return;
    compared_fragment_pairs_[pair_key(name1, name2)] = mutually_exclusive;
    collect_fields_result* found1 = fragment_fields_of(name1);
    collect_fields_result* found2 = fragment_fields_of(name2);
    if (found1 == nullptr || found2 == nullptr) return;
    collect_fields_result& fields1 = *found1;
    collect_fields_result& fields2 = *found2;
    // (F) The two fragments' own fields.
    collect_conflicts_between(conflicts, mutually_exclusive, fields1, fields2);
    if (aborted_) return;
    // (G) The first fragment against the fragments the second spreads, and the reverse.
    for (std::size_t i = 0; i < fields2.fragment_names.size(); ++i) {
      collect_conflicts_between_fragments(conflicts, mutually_exclusive, name1,
                                          fields2.fragment_names[i]);
      if (aborted_) return;
    }
    for (std::size_t i = 0; i < fields1.fragment_names.size(); ++i) {
      collect_conflicts_between_fragments(conflicts, mutually_exclusive, fields1.fragment_names[i],
                                          name2);
      if (aborted_) return;
    }
  }

  // graphql-js PairSet.has: an exclusive comparison is covered by any earlier one, a
  // non-exclusive one only by a non-exclusive one. Either order of the names counts.
  bool compared_fragment_pair(fragment_id a, fragment_id b, bool mutually_exclusive) const {
    for (const std::uint64_t key : {pair_key(a, b), pair_key(b, a)}) {
      const auto found = compared_fragment_pairs_.find(key);
      if (found != compared_fragment_pairs_.end() &&
          (mutually_exclusive || found->second == mutually_exclusive)) {
        return true;
      }
    }
    return false;
  }

  // Conflicts between the sub-selections of two overlapping fields, fragments included.
  std::vector<conflict> find_conflicts_between_sub_selection_sets(bool mutually_exclusive,
                                                                  const named_type* parent_type1,
                                                                  const selection_set_node& set1,
                                                                  const named_type* parent_type2,
                                                                  const selection_set_node& set2) {
    std::vector<conflict> conflicts;
    collect_fields_result& fields1 = collect_fields(parent_type1, set1);
    collect_fields_result& fields2 = collect_fields(parent_type2, set2);
    // (H) The two sets of fields.
    collect_conflicts_between(conflicts, mutually_exclusive, fields1, fields2);
    if (aborted_) return conflicts;
    // (I) Each set of fields against the fragments the other spreads.
    for (std::size_t i = 0; i < fields2.fragment_names.size(); ++i) {
      collect_conflicts_between_fields_and_fragment(conflicts, mutually_exclusive, fields1,
                                                    fields2.fragment_names[i]);
      if (aborted_) return conflicts;
    }
    for (std::size_t i = 0; i < fields1.fragment_names.size(); ++i) {
      collect_conflicts_between_fields_and_fragment(conflicts, mutually_exclusive, fields2,
                                                    fields1.fragment_names[i]);
      if (aborted_) return conflicts;
    }
    // (J) Every fragment of the first against every fragment of the second.
    for (std::size_t i = 0; i < fields1.fragment_names.size(); ++i) {
      for (std::size_t j = 0; j < fields2.fragment_names.size(); ++j) {
        collect_conflicts_between_fragments(conflicts, mutually_exclusive,
                                            fields1.fragment_names[i], fields2.fragment_names[j]);
        if (aborted_) return conflicts;
      }
    }
    return conflicts;
  }

  // Every pair of fields with the same response name within one selection.
  void collect_conflicts_within(std::vector<conflict>& conflicts, collect_fields_result& fields) {
    for (const field_group& group : fields.groups) {
      for (std::size_t i = 0; i < group.fields.size(); ++i) {
        for (std::size_t j = i + 1; j < group.fields.size(); ++j) {
          auto found =
              find_conflict(false, group.response_name, *group.fields[i], *group.fields[j]);
          if (aborted_) return;
          if (found) conflicts.push_back(std::move(*found));
        }
      }
    }
  }

  // Every field of the first set against every field of the second with the same response
  // name (each set was already compared within itself when its selection set was visited).
  void collect_conflicts_between(std::vector<conflict>& conflicts, bool mutually_exclusive,
                                 collect_fields_result& fields1, collect_fields_result& fields2) {
    if (fields1.groups.empty() || fields2.groups.empty()) return;
    const std::vector<overlap>* overlaps = overlapping_fields(fields1, fields2);
    if (overlaps == nullptr) return;
    for (const overlap& o : *overlaps) {
      for (field_detail* field1 : *o.fields1) {
        for (field_detail* field2 : *o.fields2) {
          auto found = find_conflict(mutually_exclusive, o.response_name, *field1, *field2);
          if (aborted_) return;
          if (found) conflicts.push_back(std::move(*found));
        }
      }
    }
  }

  // The response names two sets share, computed once per pair of sets (null when aborted).
  const std::vector<overlap>* overlapping_fields(collect_fields_result& fields1,
                                                 const collect_fields_result& fields2) {
    const auto cached = fields1.overlapping_fields.find(&fields2);
    if (cached != fields1.overlapping_fields.end()) return &cached->second;
    std::vector<overlap> overlaps;
    for (const field_group& group : fields1.groups) {
      if (!spend(1)) return nullptr;
      const auto other = fields2.group_index.find(group.response_name);
      if (other != fields2.group_index.end()) {
        overlaps.push_back(
            {group.response_name, &group.fields, &fields2.groups[other->second].fields});
      }
    }
    return &fields1.overlapping_fields.emplace(&fields2, std::move(overlaps)).first->second;
  }

  // Whether two fields with the same response name conflict, their sub-fields included.
  std::optional<conflict> find_conflict(bool parent_fields_mutually_exclusive,
                                        std::string_view response_name, field_detail& field1,
                                        field_detail& field2) {
    // Fields of two different object types can never apply together, so they may differ in
    // name and arguments; interfaces and unions might overlap (if not today, later).
    const bool mutually_exclusive =
        parent_fields_mutually_exclusive ||
        (field1.parent_type != field2.parent_type && is_object(field1.parent_type) &&
         is_object(field2.parent_type));
    if (!spend(2)) return std::nullopt;
    const field_node& node1 = *field1.node;
    const field_node& node2 = *field2.node;
    const type* type1 = type_of(field1.definition);
    const type* type2 = type_of(field2.definition);
    if (field1.is_simple_leaf && field2.is_simple_leaf && type1 == type2 &&
        node1.name.value == node2.name.value) {
      return std::nullopt;
    }
    if (!mutually_exclusive) {
      field_info& info1 = get_field_info(field1);
      field_info& info2 = get_field_info(field2);
      auto known = info1.comparisons.find(&info2);
      if (known == info1.comparisons.end()) {
        std::optional<std::string> reason;
        if (node1.name.value != node2.name.value) {
          reason = "\"" + maybe_abbreviate(node1.name.value) + "\" and \"" +
                   maybe_abbreviate(node2.name.value) + "\" are different fields";
        } else {
          const bool same = same_arguments(info1.arguments, info2.arguments);
          if (aborted_) return std::nullopt;
          if (!same) reason = "they have differing arguments";
        }
        known = info1.comparisons.emplace(&info2, std::move(reason)).first;
      }
      if (known->second.has_value()) {
        return conflict{response_name, *known->second, {&node1}, {&node2}};
      }
    }
    if (type1 != nullptr && type2 != nullptr) {
      const bool types_conflict = do_types_conflict(type1, type2);
      if (aborted_) return std::nullopt;
      if (types_conflict) {
        field_info& info1 = get_field_info(field1);
        field_info& info2 = get_field_info(field2);
        if (!info1.type_string) info1.type_string = type1->to_string();
        if (!info2.type_string) info2.type_string = type2->to_string();
        return conflict{response_name,
                        "they return conflicting types \"" + *info1.type_string + "\" and \"" +
                            *info2.type_string + "\"",
                        {&node1},
                        {&node2}};
      }
    }
    // Compare the sub-fields, with one shared record of compared fragments so that fields in
    // a fragment are never compared with themselves.
    if (node1.selection_set != nullptr && node2.selection_set != nullptr) {
      std::vector<conflict> sub = find_conflicts_between_sub_selection_sets(
          mutually_exclusive, get_field_info(field1).named, *node1.selection_set,
          get_field_info(field2).named, *node2.selection_set);
      if (aborted_) return std::nullopt;
      return subfield_conflicts(sub, response_name, node1, node2);
    }
    return std::nullopt;
  }

  field_info& get_field_info(field_detail& field) {
    if (field.info == nullptr) {
      field_info& info = infos_.emplace_back();
      const type* t = type_of(field.definition);
      info.named = t == nullptr ? nullptr : &t->named();
      if (!field.node->arguments.empty()) {
        argument_info args;
        args.nodes = field.node->arguments;
        for (const argument_node* arg : field.node->arguments) {
          args.values[arg->name.value] = arg->value;
        }
        info.arguments = std::move(args);
      }
      field.info = &info;
    }
    return *field.info;
  }

  bool same_arguments(const std::optional<argument_info>& args1,
                      const std::optional<argument_info>& args2) {
    if (!args1) return !args2;
    if (!args2 || args1->nodes.size() != args2->nodes.size()) return false;
    for (const argument_node* arg1 : args1->nodes) {
      if (!spend(1)) return false;
      const auto value2 = args2->values.find(arg1->name.value);
      if (value2 == args2->values.end()) return false;
      if (stringify_value(*arg1->value) != stringify_value(*value2->second)) return false;
    }
    return true;
  }

  // graphql-js compares argument values by a JSON text of their syntax trees in which input
  // object fields are sorted by name (fields are unordered) and a block string differs from a
  // quoted one. The same text is built here, once per value.
  const std::string& stringify_value(const value_node& value) {
    const auto cached = stringified_values_.find(&value);
    if (cached != stringified_values_.end()) return cached->second;
    std::string text;
    stringify_into(value, text);
    return stringified_values_.emplace(&value, std::move(text)).first->second;
  }

  static void stringify_into(const value_node& value, std::string& out) {
    out += "[\"";
    out += kind_name(value.kind);
    out += "\",";
    switch (value.kind) {
      case node_kind::variable:
        out += js_quote(static_cast<const variable_node&>(value).name.value);
        break;
      case node_kind::object_value: {
        const auto& object = static_cast<const object_value_node&>(value);
        std::vector<const object_field_node*> fields(object.fields.begin(), object.fields.end());
        std::stable_sort(fields.begin(), fields.end(),
                         [](const object_field_node* a, const object_field_node* b) {
                           return a->name.value < b->name.value;
                         });
        out += '[';
        for (std::size_t i = 0; i < fields.size(); ++i) {
          if (i != 0) out += ',';
          out += '[';
          out += js_quote(fields[i]->name.value);
          out += ',';
          stringify_into(*fields[i]->value, out);
          out += ']';
        }
        out += ']';
        break;
      }
      case node_kind::list_value: {
        const auto& list = static_cast<const list_value_node&>(value);
        out += '[';
        for (std::size_t i = 0; i < list.values.size(); ++i) {
          if (i != 0) out += ',';
          stringify_into(*list.values[i], out);
        }
        out += ']';
        break;
      }
      case node_kind::string_value: {
        const auto& text = static_cast<const string_value_node&>(value);
        out += js_quote(text.value);
        out += text.block ? ",true" : ",false";
        break;
      }
      case node_kind::int_value:
        out += js_quote(static_cast<const int_value_node&>(value).value);
        break;
      case node_kind::float_value:
        out += js_quote(static_cast<const float_value_node&>(value).value);
        break;
      case node_kind::boolean_value:
        out += static_cast<const boolean_value_node&>(value).value ? "true" : "false";
        break;
      case node_kind::enum_value:
        out += js_quote(static_cast<const enum_value_node&>(value).value);
        break;
      default:  // null
        out += "null";
        break;
    }
    out += ']';
  }

  // Two types conflict when no value could be both: lists and non-null must match level by
  // level, leaf types must be the same; composite types are compared through their fields.
  bool do_types_conflict(const type* type1, const type* type2) {
    if (type1 == type2) return false;
    if (!spend(1)) return false;
    if (type1->is_list()) {
      return type2->is_list() ? do_types_conflict(type1->of_type(), type2->of_type()) : true;
    }
    if (type2->is_list()) return true;
    if (type1->is_non_null()) {
      return type2->is_non_null() ? do_types_conflict(type1->of_type(), type2->of_type()) : true;
    }
    if (type2->is_non_null()) return true;
    if (type1->is_leaf() || type2->is_leaf()) return type1 != type2;
    return false;
  }

  // The fields and fragment names of a selection set, collected once per parent type.
  collect_fields_result& collect_fields(const named_type* parent_type,
                                        const selection_set_node& set) {
    auto& slot = collected_[{parent_type, &set}];
    if (slot == nullptr) {
      slot = std::make_unique<collect_fields_result>();
      collect_fields_impl(parent_type, set, *slot);
    }
    return *slot;
  }

  fragment_id intern_fragment(std::string_view name) {
    const auto [it, inserted] =
        fragment_ids_.try_emplace(name, static_cast<fragment_id>(fragments_.size()));
    if (inserted) fragments_.push_back({name});
    return it->second;
  }

  static std::uint64_t pair_key(fragment_id a, fragment_id b) noexcept {
    return (std::uint64_t{a} << 32) | b;
  }

  // The fields of the fragment a spread names, collected under its type condition; null for
  // an unknown fragment.
  collect_fields_result* fragment_fields_of(fragment_id id) {
    if (!fragments_[id].resolved) {
      fragments_[id].resolved = true;
      if (const fragment_definition_node* fragment = context().fragment(fragments_[id].name)) {
        const type* condition = fragment->type_condition == nullptr
                                    ? nullptr
                                    : type_info::type_from_ast(schema(), *fragment->type_condition);
        // Collecting may add fragment entries: index again afterwards.
        collect_fields_result& fields = collect_fields(
            condition == nullptr ? nullptr : &condition->named(), *fragment->selection_set);
        fragments_[id].fields = &fields;
      }
    }
    return fragments_[id].fields;
  }

  void collect_fields_impl(const named_type* parent_type, const selection_set_node& set,
                           collect_fields_result& out) {
    for (const selection_node* selection : set.selections) {
      if (const auto* field = node_cast<field_node>(selection)) {
        // The type's own fields only: meta-fields such as __typename have no definition here.
        const field_definition* def = nullptr;
        if (parent_type != nullptr && (parent_type->kind() == type_kind::object ||
                                       parent_type->kind() == type_kind::interface)) {
          def = static_cast<const fields_type*>(parent_type)->find_field(field->name.value);
        }
        field_detail& detail = details_.emplace_back();
        detail.parent_type = parent_type;
        detail.node = field;
        detail.definition = def;
        detail.is_simple_leaf = field->arguments.empty() && field->selection_set == nullptr;
        const std::string_view key = field->response_key();
        const auto [it, inserted] = out.group_index.try_emplace(key, out.groups.size());
        if (inserted) out.groups.push_back({key, {}});
        out.groups[it->second].fields.push_back(&detail);
      } else if (const auto* spread = node_cast<fragment_spread_node>(selection)) {
        const fragment_id id = intern_fragment(spread->name.value);
        if (out.fragment_name_set.insert(id).second) out.fragment_names.push_back(id);
      } else if (const auto* fragment = node_cast<inline_fragment_node>(selection)) {
        const named_type* fragment_type = parent_type;
        if (fragment->type_condition != nullptr) {
          const type* condition = type_info::type_from_ast(schema(), *fragment->type_condition);
          fragment_type = condition == nullptr ? nullptr : &condition->named();
        }
        if (fragment->selection_set != nullptr) {
          collect_fields_impl(fragment_type, *fragment->selection_set, out);
        }
      }
    }
  }

  // One conflict for two fields whose sub-fields conflict: the reasons joined (bounded in
  // length) and the locations of the fields, deepest kept when there are too many.
  static std::optional<conflict> subfield_conflicts(const std::vector<conflict>& conflicts,
                                                    std::string_view response_name,
                                                    const field_node& node1,
                                                    const field_node& node2) {
    if (conflicts.empty()) return std::nullopt;
    std::string message;
    for (const conflict& c : conflicts) {
      if (!message.empty()) message += " and ";
      message +=
          "subfields \"" + maybe_abbreviate(c.response_name) + "\" conflict because " + c.reason;
      if (message.size() > k_max_conflict_detail_length) break;
    }
    return conflict{response_name, maybe_abbreviate(message),
                    conflict_nodes(node1, conflicts, &conflict::fields1),
                    conflict_nodes(node2, conflicts, &conflict::fields2)};
  }

  static std::vector<const field_node*> conflict_nodes(
      const field_node& node, const std::vector<conflict>& conflicts,
      std::vector<const field_node*> conflict::*side) {
    std::vector<const field_node*> nodes{&node};
    for (const conflict& c : conflicts) {
      const std::vector<const field_node*>& from = c.*side;
      const std::size_t remaining = k_max_conflict_nodes - nodes.size();
      const std::size_t take = std::min(remaining, from.size());
      nodes.insert(nodes.end(), from.end() - static_cast<std::ptrdiff_t>(take), from.end());
      if (nodes.size() == k_max_conflict_nodes) break;
    }
    return nodes;
  }

  const selection_set_node* inline_fragment_set_ = nullptr;
  long long remaining_budget_ = k_max_complexity_budget;
  bool aborted_ = false;
  std::unordered_map<std::pair<const named_type*, const selection_set_node*>,
                     std::unique_ptr<collect_fields_result>, pair_hash>
      collected_;
  std::deque<field_detail> details_;
  std::deque<field_info> infos_;
  // Fragment names as small numbers, in the order first spread, with what is known of each.
  struct fragment_entry {
    std::string_view name;
    bool resolved = false;
    collect_fields_result* fields = nullptr;  // null for an unknown fragment
  };
  std::unordered_map<std::string_view, fragment_id> fragment_ids_;
  std::vector<fragment_entry> fragments_;
  // graphql-js PairSet: (first, second) → whether compared only as mutually exclusive.
  std::unordered_map<std::uint64_t, bool> compared_fragment_pairs_;
  std::unordered_map<const value_node*, std::string> stringified_values_;
};

}  // namespace

std::unique_ptr<validation_rule> overlapping_fields_can_be_merged(validation_context& context) {
  return std::make_unique<overlapping_fields_can_be_merged_rule>(context);
}

}  // namespace chat::graphql::rules
