// Ports graphql-js 16 `src/validation/__tests__/KnownFragmentNamesRule-test.ts`.
// Spec section 5.5.2.1, "Fragment Spread Target Defined".

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(KnownFragmentNamesRule, AcceptsKnownFragmentNames) {
  expect_valid(rules::known_fragment_names, R"(
      {
        human(id: 4) {
          ...HumanFields1
          ... on Human {
            ...HumanFields2
          }
          ... {
            name
          }
        }
      }
      fragment HumanFields1 on Human {
        name
        ...HumanFields3
      }
      fragment HumanFields2 on Human {
        name
      }
      fragment HumanFields3 on Human {
        name
      }
    )");
}

TEST(KnownFragmentNamesRule, ReportsUnknownFragmentNamesAtTheirNames) {
  expect_errors(rules::known_fragment_names, R"(
      {
        human(id: 4) {
          ...UnknownFragment1
          ... on Human {
            ...UnknownFragment2
          }
        }
      }
      fragment HumanFields on Human {
        name
        ...UnknownFragment3
      }
    )",
                {{"Unknown fragment \"UnknownFragment1\".", {{4, 14}}},
                 {"Unknown fragment \"UnknownFragment2\".", {{6, 16}}},
                 {"Unknown fragment \"UnknownFragment3\".", {{12, 12}}}});
}

}  // namespace
}  // namespace chat::graphql
