// NoFragmentCyclesRule: no fragment spreads itself, directly or through other fragments.
// A cycle would make the selection infinitely deep, so it could never be executed.
// Spec 5.5.2.2 Fragment Spreads Must Not Form Cycles.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class no_fragment_cycles_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    if (n.kind == node_kind::operation_definition) return visit_action::skip;
    if (const auto* fragment = node_cast<fragment_definition_node>(&n)) {
      detect_cycles(*fragment);
      return visit_action::skip;
    }
    return visit_action::proceed;
  }

 private:
  // A depth-first search over spreads that does not stop at the first cycle, so every
  // cycle is reported, each once: a fragment is explored only the first time it is met.
  void detect_cycles(const fragment_definition_node& fragment) {
    const std::string_view name = fragment.name.value;
    if (!visited_.insert(name).second || fragment.selection_set == nullptr) return;
    // The span stays valid while the search goes deeper: the context caches each
    // selection set's spreads in a vector that later lookups add to but never change.
    const auto spreads = context().fragment_spreads(*fragment.selection_set);
    if (spreads.empty()) return;

    path_index_[name] = path_.size();
    for (const fragment_spread_node* spread : spreads) {
      const std::string_view spread_name = spread->name.value;
      path_.push_back(spread);
      const auto cycle = path_index_.find(spread_name);
      if (cycle == path_index_.end()) {
        if (const fragment_definition_node* next = context().fragment(spread_name)) {
          detect_cycles(*next);
        }
      } else {
        report_cycle(spread_name, cycle->second);
      }
      path_.pop_back();
    }
    path_index_.erase(name);
  }

  // The cycle is the path from the spread that entered `spread_name` to the one that
  // came back to it; the fragments in between are named in the message.
  void report_cycle(std::string_view spread_name, std::size_t from) {
    std::string via;
    for (std::size_t i = from; i + 1 < path_.size(); ++i) {
      if (!via.empty()) via += ", ";
      via += "\"" + std::string(path_[i]->name.value) + "\"";
    }
    std::vector<const node*> nodes(path_.begin() + static_cast<std::ptrdiff_t>(from), path_.end());
    context().report("Cannot spread fragment \"" + std::string(spread_name) + "\" within itself" +
                         (via.empty() ? std::string(".") : " via " + via + "."),
                     nodes);
  }

  std::set<std::string_view, std::less<>> visited_;
  std::vector<const fragment_spread_node*> path_;
  std::map<std::string_view, std::size_t, std::less<>> path_index_;
};

}  // namespace

std::unique_ptr<validation_rule> no_fragment_cycles(validation_context& context) {
  return std::make_unique<no_fragment_cycles_rule>(context);
}

}  // namespace chat::graphql::rules
