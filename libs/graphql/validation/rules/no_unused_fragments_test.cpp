// NoUnusedFragmentsRule (spec 5.5.1.4 Fragments Must Be Used): every case of graphql-js
// 16.15 `NoUnusedFragmentsRule-test.ts`, with its messages and locations.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(NoUnusedFragmentsRule, AllFragmentNamesAreUsed) {
  expect_valid(no_unused_fragments, R"(
      {
        human(id: 4) {
          ...HumanFields1
          ... on Human {
            ...HumanFields2
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

TEST(NoUnusedFragmentsRule, AllFragmentNamesAreUsedByMultipleOperations) {
  expect_valid(no_unused_fragments, R"(
      query Foo {
        human(id: 4) {
          ...HumanFields1
        }
      }
      query Bar {
        human(id: 4) {
          ...HumanFields2
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

TEST(NoUnusedFragmentsRule, ContainsUnknownFragments) {
  expect_errors(no_unused_fragments, R"(
      query Foo {
        human(id: 4) {
          ...HumanFields1
        }
      }
      query Bar {
        human(id: 4) {
          ...HumanFields2
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
      fragment Unused1 on Human {
        name
      }
      fragment Unused2 on Human {
        name
      }
    )",
                {{"Fragment \"Unused1\" is never used.", {{22, 7}}},
                 {"Fragment \"Unused2\" is never used.", {{25, 7}}}});
}

TEST(NoUnusedFragmentsRule, ContainsUnknownFragmentsWithRefCycle) {
  expect_errors(no_unused_fragments, R"(
      query Foo {
        human(id: 4) {
          ...HumanFields1
        }
      }
      query Bar {
        human(id: 4) {
          ...HumanFields2
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
      fragment Unused1 on Human {
        name
        ...Unused2
      }
      fragment Unused2 on Human {
        name
        ...Unused1
      }
    )",
                {{"Fragment \"Unused1\" is never used.", {{22, 7}}},
                 {"Fragment \"Unused2\" is never used.", {{26, 7}}}});
}

TEST(NoUnusedFragmentsRule, ContainsUnknownAndUndefFragments) {
  expect_errors(no_unused_fragments, R"(
      query Foo {
        human(id: 4) {
          ...bar
        }
      }
      fragment foo on Human {
        name
      }
    )",
                {{"Fragment \"foo\" is never used.", {{7, 7}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15): a fragment reached only
// through another unused fragment is unused too, and a document without operations
// uses none of its fragments.
TEST(NoUnusedFragmentsRule, FragmentsUsedOnlyByUnusedFragmentsAreUnused) {
  expect_errors(
      no_unused_fragments, R"(
      { dog { name } }
      fragment A on Dog { ...B }
      fragment B on Dog { name }
    )",
      {{"Fragment \"A\" is never used.", {{3, 7}}}, {"Fragment \"B\" is never used.", {{4, 7}}}});
}

TEST(NoUnusedFragmentsRule, ADocumentWithoutOperationsUsesNoFragment) {
  expect_errors(no_unused_fragments, R"(
      fragment A on Dog { name }
    )",
                {{"Fragment \"A\" is never used.", {{2, 7}}}});
}

}  // namespace
}  // namespace chat::graphql::rules
