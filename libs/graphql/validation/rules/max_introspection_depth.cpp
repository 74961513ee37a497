// MaxIntrospectionDepthRule: introspection nests its list fields fewer than 3 deep.
// Nested `fields`/`interfaces`/`possibleTypes`/`inputFields` lists grow exponentially.
// Not in the spec: graphql-js 16.9+ specified rule (16.15 `MaxIntrospectionDepthRule`).

#include <map>
#include <string_view>
#include <vector>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

constexpr int k_max_lists_depth = 3;

bool is_introspection_list(std::string_view field_name) {
  return field_name == "fields" || field_name == "interfaces" || field_name == "possibleTypes" ||
         field_name == "inputFields";
}

using depth_by_fragment = std::map<std::string_view, int, std::less<>>;

class max_introspection_depth_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    const auto* field = node_cast<field_node>(&n);
    if (field == nullptr) return visit_action::proceed;
    // Any field so named counts, whatever its parent type (as graphql-js).
    if (field->name.value != "__schema" && field->name.value != "__type") {
      return visit_action::proceed;
    }
    if (!reaches_limit(*field)) return visit_action::proceed;
    report("Maximum introspection depth exceeded", {field});
    return visit_action::skip;
  }

 private:
  // One selection set being read: its next selection, the list depth at which it stands,
  // and, for a fragment's own selection set, the fragment's name.
  struct frame {
    const selection_set_node* set;
    std::size_t next;
    int depth;
    std::string_view fragment;
  };

  // graphql-js checkDepth from one `__schema`/`__type` field, with an explicit stack
  // instead of recursion (fragments can chain far deeper than the parser's nesting
  // limit). A fragment spread is entered at a list depth ("entry depth"); the memos make
  // the work linear:
  //  - checked_: per fragment, the greatest entry depth at which its check finished
  //    without reaching the limit (shared by every root of the document);
  //  - exceeded_: per fragment, the smallest entry depth at which its check reached it
  //    (shared too);
  //  - visited: per fragment, the greatest entry depth it was entered at during this
  //    root's check, finished or not (breaks cycles).
  // A spread is skipped when it is entered no deeper than a visit or a successful check,
  // and reaches the limit at once when entered at least as deep as a failed one.
  bool reaches_limit(const field_node& root) {
    if (root.selection_set == nullptr) return false;
    depth_by_fragment visited;
    stack_.clear();
    stack_.push_back({root.selection_set, 0, 0, {}});
    while (!stack_.empty()) {
      frame& top = stack_.back();
      if (top.next == top.set->selections.size()) {
        if (!top.fragment.empty()) checked_[top.fragment] = top.depth;
        stack_.pop_back();
        continue;
      }
      const selection_node* selection = top.set->selections[top.next++];
      int depth = top.depth;
      if (const auto* spread = node_cast<fragment_spread_node>(selection)) {
        const std::string_view name = spread->name.value;
        if (const auto exceeded = exceeded_.find(name);
            exceeded != exceeded_.end() && exceeded->second <= depth) {
          return unwind();
        }
        const auto seen = visited.find(name);
        const auto checked = checked_.find(name);
        if ((seen != visited.end() && seen->second >= depth) ||
            (checked != checked_.end() && checked->second >= depth)) {
          continue;
        }
        const fragment_definition_node* fragment = context().fragment(name);
        if (fragment == nullptr) continue;  // unknown fragments: KnownFragmentNamesRule
        visited[name] = depth;
        if (fragment->selection_set != nullptr) {
          stack_.push_back({fragment->selection_set, 0, depth, name});
        } else {
          checked_[name] = depth;
        }
      } else if (const auto* field = node_cast<field_node>(selection)) {
        if (is_introspection_list(field->name.value) && ++depth >= k_max_lists_depth) {
          return unwind();
        }
        if (field->selection_set != nullptr) stack_.push_back({field->selection_set, 0, depth, {}});
      } else if (const auto* inline_fragment = node_cast<inline_fragment_node>(selection)) {
        if (inline_fragment->selection_set != nullptr) {
          stack_.push_back({inline_fragment->selection_set, 0, depth, {}});
        }
      }
    }
    return false;
  }

  // The limit was reached: every fragment being checked failed at its entry depth
  // (innermost first, so a fragment entered several times keeps its shallowest depth).
  bool unwind() {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (!it->fragment.empty()) exceeded_[it->fragment] = it->depth;
    }
    stack_.clear();
    return true;
  }

  depth_by_fragment checked_;
  depth_by_fragment exceeded_;
  std::vector<frame> stack_;
};

}  // namespace

std::unique_ptr<validation_rule> max_introspection_depth(validation_context& context) {
  return std::make_unique<max_introspection_depth_rule>(context);
}

}  // namespace chat::graphql::rules
