// KnownArgumentNamesRule: every argument of a field or directive is one it declares.
// An argument nothing declares would be silently dropped ("Did you mean" helps the typo).
// Spec 5.4.1 Argument Names.

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/error/suggestions.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class known_argument_names_rule final : public validation_rule {
 public:
  explicit known_argument_names_rule(validation_context& context) : validation_rule(context) {
    // Directive arguments: the schema's directives, overridden by the document's own
    // definitions (graphql-js KnownArgumentNamesOnDirectivesRule).
    for (const directive_definition* directive : schema().directives()) {
      std::vector<std::string>& names = directive_args_[directive->name];
      for (const input_value& arg : directive->arguments)
        names.push_back(arg.name);
    }
    for (const definition_node* def : context.doc().root().definitions) {
      const auto* directive = node_cast<directive_definition_node>(def);
      if (directive == nullptr) continue;
      std::vector<std::string>& names = directive_args_[std::string(directive->name.value)];
      names.clear();
      for (const input_value_definition_node* arg : directive->arguments) {
        // graphql-js keeps the names in a Set: a repeated name counts once.
        const std::string arg_name(arg->name.value);
        if (std::find(names.begin(), names.end(), arg_name) == names.end()) {
          names.push_back(arg_name);
        }
      }
    }
  }

  visit_action enter(const node& n) override {
    if (const auto* directive = node_cast<directive_node>(&n)) {
      check_directive(*directive);
      return visit_action::skip;  // its arguments are checked here, not as field arguments
    }
    if (const auto* argument = node_cast<argument_node>(&n)) check_field_argument(*argument);
    return visit_action::proceed;
  }

 private:
  void check_directive(const directive_node& directive) {
    const auto known = directive_args_.find(directive.name.value);
    if (known == directive_args_.end()) return;  // unknown directives: KnownDirectivesRule
    const std::vector<std::string>& names = known->second;
    for (const argument_node* argument : directive.arguments) {
      const std::string_view arg_name = argument->name.value;
      if (std::find(names.begin(), names.end(), arg_name) != names.end()) continue;
      report("Unknown argument \"" + std::string(arg_name) + "\" on directive \"@" +
                 std::string(directive.name.value) + "\"." +
                 did_you_mean(suggestion_list(arg_name, names)),
             {argument});
    }
  }

  void check_field_argument(const argument_node& argument) {
    // Arguments of unknown fields are left to FieldsOnCorrectTypeRule.
    const field_definition* field = types().field_def();
    const named_type* parent = types().parent_type();
    if (types().argument() != nullptr || field == nullptr || parent == nullptr) return;
    std::vector<std::string> names;
    names.reserve(field->arguments.size());
    for (const input_value& arg : field->arguments)
      names.push_back(arg.name);
    const std::string_view arg_name = argument.name.value;
    report("Unknown argument \"" + std::string(arg_name) + "\" on field \"" + parent->name() + "." +
               field->name + "\"." + did_you_mean(suggestion_list(arg_name, names)),
           {&argument});
  }

  std::map<std::string, std::vector<std::string>, std::less<>> directive_args_;
};

}  // namespace

std::unique_ptr<validation_rule> known_argument_names(validation_context& context) {
  return std::make_unique<known_argument_names_rule>(context);
}

}  // namespace chat::graphql::rules
