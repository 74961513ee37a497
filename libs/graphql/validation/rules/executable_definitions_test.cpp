// Ports graphql-js 16 `src/validation/__tests__/ExecutableDefinitionsRule-test.ts`.
// Spec section 5.1.1, "Executable Definitions".

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(ExecutableDefinitionsRule, AcceptsADocumentWithOnlyAnOperation) {
  expect_valid(rules::executable_definitions, R"(
      query Foo {
        dog {
          name
        }
      }
    )");
}

TEST(ExecutableDefinitionsRule, AcceptsAnOperationAndAFragment) {
  expect_valid(rules::executable_definitions, R"(
      query Foo {
        dog {
          name
          ...Frag
        }
      }

      fragment Frag on Dog {
        name
      }
    )");
}

TEST(ExecutableDefinitionsRule, ReportsTypeDefinitionsAndExtensions) {
  expect_errors(rules::executable_definitions, R"(
      query Foo {
        dog {
          name
        }
      }

      type Cow {
        name: String
      }

      extend type Dog {
        color: String
      }
    )",
                {{"The \"Cow\" definition is not executable.", {{8, 7}}},
                 {"The \"Dog\" definition is not executable.", {{12, 7}}}});
}

TEST(ExecutableDefinitionsRule, ReportsSchemaDefinitionsAndExtensionsAsTheSchema) {
  expect_errors(rules::executable_definitions, R"(
      schema {
        query: Query
      }

      type Query {
        test: String
      }

      extend schema @directive
    )",
                {{"The schema definition is not executable.", {{2, 7}}},
                 {"The \"Query\" definition is not executable.", {{6, 7}}},
                 {"The schema definition is not executable.", {{10, 7}}}});
}

// Not in graphql-js's tests: every other kind of type system definition, named as
// graphql-js names it (checked against graphql-js 16.15).
TEST(ExecutableDefinitionsRule, ReportsDirectiveDefinitionsAndDescribedTypesByTheirNames) {
  expect_errors(rules::executable_definitions, R"(
      { dog { name } }
      directive @cached on FIELD
      "A described scalar"
      scalar Date
      extend union CatOrDog = Cat
    )",
                {{"The \"cached\" definition is not executable.", {{3, 7}}},
                 {"The \"Date\" definition is not executable.", {{4, 7}}},
                 {"The \"CatOrDog\" definition is not executable.", {{6, 7}}}});
}

}  // namespace
}  // namespace chat::graphql
