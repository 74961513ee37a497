// ProvidedRequiredArgumentsRule: every required argument (non-null, no default) of a field or
// directive must be given, directives declared in the document itself included.
// A field or directive cannot run without its required inputs.
// Spec section 5.4.2.1 "Required Arguments".
#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/type/value_printer.hpp"
#include "graphql/validation/default_values.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

class provided_required_arguments_rule final : public validation_rule {
 public:
  explicit provided_required_arguments_rule(validation_context& context)
      : validation_rule(context) {
    // graphql-js ProvidedRequiredArgumentsOnDirectivesRule also knows the directives the
    // document defines (SDL); such a definition replaces a schema directive of the same name.
    for (const definition_node* def : context.doc().root().definitions) {
      const auto* directive = node_cast<directive_definition_node>(def);
      if (directive == nullptr) continue;
      auto& required = defined_directives_[directive->name.value];
      required.clear();
      for (const input_value_definition_node* arg : directive->arguments) {
        if (arg->type->kind != node_kind::non_null_type || arg->default_value != nullptr) continue;
        // A later argument of a repeated name replaces the earlier one in its place.
        auto same = std::find_if(required.begin(), required.end(), [&](const required_argument& r) {
          return r.name == arg->name.value;
        });
        if (same != required.end()) {
          same->type = print_type_node(*arg->type);
        } else {
          required.push_back({arg->name.value, print_type_node(*arg->type)});
        }
      }
    }
  }

  // Both are checked on leave, so that errors deeper in the arguments come first.
  void leave(const node& n) override {
    if (n.kind == node_kind::field) {
      leave_field(static_cast<const field_node&>(n));
    } else if (n.kind == node_kind::directive) {
      leave_directive(static_cast<const directive_node&>(n));
    }
  }

 private:
  struct required_argument {
    std::string_view name;
    std::string type;  // as the message prints it
  };

  void leave_field(const field_node& field) {
    const field_definition* def = types().field_def();
    if (def == nullptr) return;
    for (const input_value& arg : def->arguments) {
      if (is_required_input(arg) && !provided(field.arguments, arg.name)) {
        report("Field \"" + def->name + "\" argument \"" + arg.name + "\" of type \"" +
                   arg.value_type->to_string() + "\" is required, but it was not provided.",
               {&field});
      }
    }
  }

  void leave_directive(const directive_node& directive) {
    const std::string_view name = directive.name.value;
    if (const auto defined = defined_directives_.find(name); defined != defined_directives_.end()) {
      for (const required_argument& arg : defined->second) {
        if (!provided(directive.arguments, arg.name)) report_missing(directive, arg.name, arg.type);
      }
      return;
    }
    const directive_definition* def = schema().find_directive(name);
    if (def == nullptr) return;
    for (const input_value& arg : def->arguments) {
      if (is_required_input(arg) && !provided(directive.arguments, arg.name)) {
        report_missing(directive, arg.name, arg.value_type->to_string());
      }
    }
  }

  void report_missing(const directive_node& directive, std::string_view arg_name,
                      const std::string& arg_type) {
    report("Directive \"@" + std::string(directive.name.value) + "\" argument \"" +
               std::string(arg_name) + "\" of type \"" + arg_type +
               "\" is required, but it was not provided.",
           {&directive});
  }

  static bool provided(std::span<argument_node* const> arguments, std::string_view name) {
    return std::any_of(arguments.begin(), arguments.end(),
                       [&](const argument_node* arg) { return arg->name.value == name; });
  }

  // The required arguments of the directives the document defines, by directive name.
  std::unordered_map<std::string_view, std::vector<required_argument>> defined_directives_;
};

}  // namespace

std::unique_ptr<validation_rule> provided_required_arguments(validation_context& context) {
  return std::make_unique<provided_required_arguments_rule>(context);
}

}  // namespace chat::graphql::rules
