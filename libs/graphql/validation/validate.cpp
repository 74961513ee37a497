#include "graphql/validation/validate.hpp"

#include "graphql/language/visitor.hpp"

namespace chat::graphql {
namespace {

/// Thrown (and caught in validate_with) when the error limit stops validation.
struct stop_at_error_limit {};

/// Walks the document once, running every rule in parallel with shared type
/// information (graphql-js visitInParallel inside visitWithTypeInfo).
class parallel_walk {
 public:
  parallel_walk(type_info& info, validation_context& context,
                std::vector<std::unique_ptr<validation_rule>>& rules)
      : info_(info), context_(context), rules_(rules), skipping_(rules.size(), nullptr) {}

  void walk(const node& n) {
    info_.enter(n);
    for (std::size_t i = 0; i < rules_.size(); ++i) {
      if (skipping_[i] != nullptr) continue;
      if (rules_[i]->enter(n) == visit_action::skip) skipping_[i] = &n;
      if (context_.error_limit_reached()) throw stop_at_error_limit{};
    }
    const std::size_t first = scratch_.size();
    append_children(n, scratch_, /*with_descriptions=*/false);
    const std::size_t count = scratch_.size() - first;
    for (std::size_t k = 0; k < count; ++k)
      walk(*scratch_[first + k]);
    scratch_.resize(first);
    for (std::size_t i = 0; i < rules_.size(); ++i) {
      if (skipping_[i] == &n) {
        skipping_[i] = nullptr;
      } else if (skipping_[i] == nullptr) {
        rules_[i]->leave(n);
        if (context_.error_limit_reached()) throw stop_at_error_limit{};
      }
    }
    info_.leave(n);
  }

 private:
  type_info& info_;
  validation_context& context_;
  std::vector<std::unique_ptr<validation_rule>>& rules_;
  std::vector<const node*> skipping_;
  // Children of every node on the current path, one stack for the whole walk (children
  // are read by index: the vector may reallocate while a child is walked).
  std::vector<const node*> scratch_;
};

}  // namespace

std::vector<graphql_error> validate_with(const schema& s, const document& doc,
                                         std::span<const rule_factory> rules,
                                         std::size_t max_errors) {
  type_info info(s);
  validation_context context(s, doc, info, max_errors);
  std::vector<std::unique_ptr<validation_rule>> instances;
  instances.reserve(rules.size());
  for (const auto& make : rules)
    instances.push_back(make(context));
  parallel_walk walker(info, context, instances);
  std::vector<graphql_error> errors;
  try {
    walker.walk(doc.root());
  } catch (const stop_at_error_limit&) {
    // the limit error is already the last one
  } catch (const validation_aborted&) {
    errors = context.errors();
    graphql_error aborted;
    aborted.message = "Validation aborted.";
    aborted.code = std::string(error_code::validation_failed);
    errors.push_back(std::move(aborted));
    return errors;
  } catch (validation_thrown& thrown) {
    // graphql-js's validate throws this error: no other error comes with it.
    errors.push_back(std::move(thrown.error));
    return errors;
  }
  return context.errors();
}

std::vector<graphql_error> validate(const schema& s, const document& doc,
                                    const validation_options& options) {
  if (options.extra_rules.empty()) {
    return validate_with(s, doc, specified_rules(), options.max_errors);
  }
  // The extra rules run only on documents graphql-js accepts, so a refused document gets
  // exactly graphql-js's errors (its first error above all) and never a limit's first.
  auto errors = validate_with(s, doc, specified_rules(), options.max_errors);
  if (!errors.empty()) return errors;
  return validate_with(s, doc, options.extra_rules, options.max_errors);
}

}  // namespace chat::graphql
