// VariablesInAllowedPositionRule tests (spec section 5.8.5 "All Variable Usages Are Allowed"):
// graphql-js 16.15 `src/validation/__tests__/VariablesInAllowedPositionRule-test.ts`, case by
// case, then a few more. The @oneOf cases run against the part of graphql-js's test schema they
// use (our shared test schema predates `OneOfInput`).
#include <gtest/gtest.h>

#include <memory>

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;
using testing::schema_from;

const schema& one_of_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
  input OneOfInput @oneOf {
    stringField: String
    intField: Int
  }

  type ComplicatedArgs {
    oneOfArgField(oneOfArg: OneOfInput): String
    nonNullOneOfArgField(oneOfArg: OneOfInput!): String
    oneOfListArgField(oneOfArg: [OneOfInput]): String
  }

  type Query {
    complicatedArgs: ComplicatedArgs
  }
)gql");
  return *k_schema;
}

const schema& defaults_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
  input Filter { ids: [ID!] = [] }
  type Query {
    byFilter(filter: Filter!): String
    byFilters(filters: [Filter!]!): String
    withDefault(limit: Int! = 10): String
    withNullDefault(limit: Int = null): String
    withBadDefault(limit: Int! = "ten"): String
    withNonNullNullDefault(limit: Int! = null): String
  }
)gql");
  return *k_schema;
}

// graphql-js: "Boolean => Boolean"
TEST(VariablesInAllowedPositionRule, BooleanToBoolean) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      query Query($booleanArg: Boolean)
      {
        complicatedArgs {
          booleanArgField(booleanArg: $booleanArg)
        }
      }
    )gql");
}

// graphql-js: "Boolean => Boolean within fragment"
TEST(VariablesInAllowedPositionRule, BooleanToBooleanWithinFragment) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      fragment booleanArgFrag on ComplicatedArgs {
        booleanArgField(booleanArg: $booleanArg)
      }
      query Query($booleanArg: Boolean)
      {
        complicatedArgs {
          ...booleanArgFrag
        }
      }
    )gql");
  expect_valid(rules::variables_in_allowed_position, R"gql(
      query Query($booleanArg: Boolean)
      {
        complicatedArgs {
          ...booleanArgFrag
        }
      }
      fragment booleanArgFrag on ComplicatedArgs {
        booleanArgField(booleanArg: $booleanArg)
      }
    )gql");
}

// graphql-js: "Boolean! => Boolean"
TEST(VariablesInAllowedPositionRule, NonNullBooleanToBoolean) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      query Query($nonNullBooleanArg: Boolean!)
      {
        complicatedArgs {
          booleanArgField(booleanArg: $nonNullBooleanArg)
        }
      }
    )gql");
}

// graphql-js: "Boolean! => Boolean within fragment"
TEST(VariablesInAllowedPositionRule, NonNullBooleanToBooleanWithinFragment) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      fragment booleanArgFrag on ComplicatedArgs {
        booleanArgField(booleanArg: $nonNullBooleanArg)
      }

      query Query($nonNullBooleanArg: Boolean!)
      {
        complicatedArgs {
          ...booleanArgFrag
        }
      }
    )gql");
}

// graphql-js: "[String] => [String]"
TEST(VariablesInAllowedPositionRule, ListOfStringToListOfString) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      query Query($stringListVar: [String])
      {
        complicatedArgs {
          stringListArgField(stringListArg: $stringListVar)
        }
      }
    )gql");
}

// graphql-js: "[String!] => [String]"
TEST(VariablesInAllowedPositionRule, ListOfNonNullStringToListOfString) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      query Query($stringListVar: [String!])
      {
        complicatedArgs {
          stringListArgField(stringListArg: $stringListVar)
        }
      }
    )gql");
}

// graphql-js: "String => [String] in item position"
TEST(VariablesInAllowedPositionRule, StringToListOfStringInItemPosition) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      query Query($stringVar: String)
      {
        complicatedArgs {
          stringListArgField(stringListArg: [$stringVar])
        }
      }
    )gql");
}

// graphql-js: "String! => [String] in item position"
TEST(VariablesInAllowedPositionRule, NonNullStringToListOfStringInItemPosition) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      query Query($stringVar: String!)
      {
        complicatedArgs {
          stringListArgField(stringListArg: [$stringVar])
        }
      }
    )gql");
}

// graphql-js: "ComplexInput => ComplexInput"
TEST(VariablesInAllowedPositionRule, ComplexInputToComplexInput) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      query Query($complexVar: ComplexInput)
      {
        complicatedArgs {
          complexArgField(complexArg: $complexVar)
        }
      }
    )gql");
}

// graphql-js: "ComplexInput => ComplexInput in field position"
TEST(VariablesInAllowedPositionRule, ComplexInputToComplexInputInFieldPosition) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      query Query($boolVar: Boolean = false)
      {
        complicatedArgs {
          complexArgField(complexArg: {requiredArg: $boolVar})
        }
      }
    )gql");
}

// graphql-js: "Boolean! => Boolean! in directive"
TEST(VariablesInAllowedPositionRule, NonNullBooleanToNonNullBooleanInDirective) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
      query Query($boolVar: Boolean!)
      {
        dog @include(if: $boolVar)
      }
    )gql");
}

// graphql-js: "Int => Int!"
TEST(VariablesInAllowedPositionRule, IntToNonNullInt) {
  expect_errors(rules::variables_in_allowed_position, R"gql(
      query Query($intArg: Int) {
        complicatedArgs {
          nonNullIntArgField(nonNullIntArg: $intArg)
        }
      }
    )gql",
                {{"Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".",
                  {{2, 19}, {4, 45}}}});
}

// graphql-js: "Int => Int! within fragment"
TEST(VariablesInAllowedPositionRule, IntToNonNullIntWithinFragment) {
  expect_errors(rules::variables_in_allowed_position, R"gql(
      fragment nonNullIntArgFieldFrag on ComplicatedArgs {
        nonNullIntArgField(nonNullIntArg: $intArg)
      }

      query Query($intArg: Int) {
        complicatedArgs {
          ...nonNullIntArgFieldFrag
        }
      }
    )gql",
                {{"Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".",
                  {{6, 19}, {3, 43}}}});
}

// graphql-js: "Int => Int! within nested fragment"
TEST(VariablesInAllowedPositionRule, IntToNonNullIntWithinNestedFragment) {
  expect_errors(rules::variables_in_allowed_position, R"gql(
      fragment outerFrag on ComplicatedArgs {
        ...nonNullIntArgFieldFrag
      }

      fragment nonNullIntArgFieldFrag on ComplicatedArgs {
        nonNullIntArgField(nonNullIntArg: $intArg)
      }

      query Query($intArg: Int) {
        complicatedArgs {
          ...outerFrag
        }
      }
    )gql",
                {{"Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".",
                  {{10, 19}, {7, 43}}}});
}

// graphql-js: "String over Boolean"
TEST(VariablesInAllowedPositionRule, StringOverBoolean) {
  expect_errors(
      rules::variables_in_allowed_position, R"gql(
      query Query($stringVar: String) {
        complicatedArgs {
          booleanArgField(booleanArg: $stringVar)
        }
      }
    )gql",
      {{"Variable \"$stringVar\" of type \"String\" used in position expecting type \"Boolean\".",
        {{2, 19}, {4, 39}}}});
}

// graphql-js: "String => [String]"
TEST(VariablesInAllowedPositionRule, StringToListOfString) {
  expect_errors(
      rules::variables_in_allowed_position, R"gql(
      query Query($stringVar: String) {
        complicatedArgs {
          stringListArgField(stringListArg: $stringVar)
        }
      }
    )gql",
      {{"Variable \"$stringVar\" of type \"String\" used in position expecting type \"[String]\".",
        {{2, 19}, {4, 45}}}});
}

// graphql-js: "Boolean => Boolean! in directive"
TEST(VariablesInAllowedPositionRule, BooleanToNonNullBooleanInDirective) {
  expect_errors(
      rules::variables_in_allowed_position, R"gql(
      query Query($boolVar: Boolean) {
        dog @include(if: $boolVar)
      }
    )gql",
      {{"Variable \"$boolVar\" of type \"Boolean\" used in position expecting type \"Boolean!\".",
        {{2, 19}, {3, 26}}}});
}

// graphql-js: "String => Boolean! in directive"
TEST(VariablesInAllowedPositionRule, StringToNonNullBooleanInDirective) {
  expect_errors(
      rules::variables_in_allowed_position, R"gql(
      query Query($stringVar: String) {
        dog @include(if: $stringVar)
      }
    )gql",
      {{"Variable \"$stringVar\" of type \"String\" used in position expecting type \"Boolean!\".",
        {{2, 19}, {3, 26}}}});
}

// graphql-js: "[String] => [String!]"
TEST(VariablesInAllowedPositionRule, ListOfStringToListOfNonNullString) {
  expect_errors(rules::variables_in_allowed_position, R"gql(
      query Query($stringListVar: [String])
      {
        complicatedArgs {
          stringListNonNullArgField(stringListNonNullArg: $stringListVar)
        }
      }
    )gql",
                {{"Variable \"$stringListVar\" of type \"[String]\" used in position expecting "
                  "type \"[String!]\".",
                  {{2, 19}, {5, 59}}}});
}

// graphql-js: "Int => Int! fails when variable provides null default value"
TEST(VariablesInAllowedPositionRule, IntToNonNullIntFailsWhenVariableProvidesNullDefaultValue) {
  expect_errors(rules::variables_in_allowed_position, R"gql(
        query Query($intVar: Int = null) {
          complicatedArgs {
            nonNullIntArgField(nonNullIntArg: $intVar)
          }
        }
      )gql",
                {{"Variable \"$intVar\" of type \"Int\" used in position expecting type \"Int!\".",
                  {{2, 21}, {4, 47}}}});
}

// graphql-js: "Int => Int! when variable provides non-null default value"
TEST(VariablesInAllowedPositionRule, IntToNonNullIntWhenVariableProvidesNonNullDefaultValue) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
        query Query($intVar: Int = 1) {
          complicatedArgs {
            nonNullIntArgField(nonNullIntArg: $intVar)
          }
        })gql");
}

// graphql-js: "Int => Int! when optional argument provides default value"
TEST(VariablesInAllowedPositionRule, IntToNonNullIntWhenOptionalArgumentProvidesDefaultValue) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
        query Query($intVar: Int) {
          complicatedArgs {
            nonNullFieldWithDefault(nonNullIntArg: $intVar)
          }
        })gql");
}

// graphql-js: "Boolean => Boolean! in directive with default value with option"
TEST(VariablesInAllowedPositionRule, BooleanToNonNullBooleanInDirectiveWithDefaultValueWithOption) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
        query Query($boolVar: Boolean = false) {
          dog @include(if: $boolVar)
        })gql");
}

// graphql-js: "undefined in directive with default value with option"
TEST(VariablesInAllowedPositionRule, UndefinedInDirectiveWithDefaultValueWithOption) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
        {
          dog @include(if: $x)
        })gql");
}

// graphql-js: "Allows exactly one non-nullable variable"
TEST(VariablesInAllowedPositionRule, AllowsExactlyOneNonNullableVariable) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
        query ($string: String!) {
          complicatedArgs {
            oneOfArgField(oneOfArg: { stringField: $string })
          }
        }
      )gql",
               &one_of_schema());
}

// graphql-js: "Forbids one nullable variable"
TEST(VariablesInAllowedPositionRule, ForbidsOneNullableVariable) {
  expect_errors(rules::variables_in_allowed_position, R"gql(
        query ($string: String) {
          complicatedArgs {
            oneOfArgField(oneOfArg: { stringField: $string })
          }
        }
      )gql",
                {{"Variable \"$string\" is of type \"String\" but must be non-nullable to be used "
                  "for OneOf Input Object \"OneOfInput\".",
                  {{2, 16}, {4, 52}}}},
                &one_of_schema());
}

// ---- Beyond graphql-js's own tests: expectations taken from graphql-js 16.15 run on the
// same documents.

TEST(VariablesInAllowedPositionRule, VariablesOfUnknownTypesAreNotChecked) {
  expect_valid(rules::variables_in_allowed_position, R"gql(
        query Query($x: Unknown) {
          complicatedArgs {
            nonNullIntArgField(nonNullIntArg: $x)
          }
        })gql");
}

TEST(VariablesInAllowedPositionRule,
     EachOperationChecksItsOwnDefinitionsOfTheVariablesOfASharedFragment) {
  expect_errors(
      rules::variables_in_allowed_position, R"gql(
      query A($intArg: Int) {
        complicatedArgs { ...frag }
      }
      query B($intArg: Int!) {
        complicatedArgs { ...frag }
      }
      query C($intArg: String) {
        complicatedArgs { ...frag }
      }
      fragment frag on ComplicatedArgs {
        nonNullIntArgField(nonNullIntArg: $intArg)
      }
    )gql",
      {{"Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".",
        {{2, 15}, {12, 43}}},
       {"Variable \"$intArg\" of type \"String\" used in position expecting type \"Int!\".",
        {{8, 15}, {12, 43}}}});
}

TEST(VariablesInAllowedPositionRule, TheLastDefinitionOfARepeatedVariableCounts) {
  expect_errors(rules::variables_in_allowed_position, R"gql(
      query Query($intArg: Int!, $intArg: Int) {
        complicatedArgs {
          nonNullIntArgField(nonNullIntArg: $intArg)
        }
      }
    )gql",
                {{"Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".",
                  {{2, 34}, {4, 45}}}});
}

TEST(VariablesInAllowedPositionRule, ListDepthsMustMatch) {
  expect_errors(
      rules::variables_in_allowed_position, R"gql(
      query Query($a: [Int!]!, $b: [[Int]]) {
        complicatedArgs {
          stringListArgField(stringListArg: $a)
          intArgField(intArg: $b)
        }
      }
    )gql",
      {{"Variable \"$a\" of type \"[Int!]!\" used in position expecting type \"[String]\".",
        {{2, 19}, {4, 45}}},
       {"Variable \"$b\" of type \"[[Int]]\" used in position expecting type \"Int\".",
        {{2, 32}, {5, 31}}}});
}

TEST(VariablesInAllowedPositionRule, PositionsWithDefaultsAcceptNullableVariables) {
  expect_errors(
      rules::variables_in_allowed_position, R"gql(
      query Query($ids: [ID!], $filter: Filter, $limit: Int) {
        byFilter(filter: { ids: $ids })
        f2: byFilter(filter: $filter)
        byFilters(filters: [$filter])
        withDefault(limit: $limit)
        withNullDefault(limit: $limit)
      }
    )gql",
      {{"Variable \"$filter\" of type \"Filter\" used in position expecting type \"Filter!\".",
        {{2, 32}, {4, 30}}},
       {"Variable \"$filter\" of type \"Filter\" used in position expecting type \"Filter!\".",
        {{2, 32}, {5, 29}}}},
      &defaults_schema());
}

TEST(VariablesInAllowedPositionRule,
     TheOneOfCheckSkipsObjectsInANonNullOneOfArgumentAsGraphqlJsDoes) {
  expect_errors(
      rules::variables_in_allowed_position, R"gql(
        query ($string: String, $int: Int) {
          complicatedArgs {
            nonNullOneOfArgField(oneOfArg: { stringField: $string })
            oneOfListArgField(oneOfArg: [{ intField: $int }])
            oneOfArgField(oneOfArg: $string)
          }
        }
      )gql",
      {{"Variable \"$int\" is of type \"Int\" but must be non-nullable to be used for OneOf Input "
        "Object \"OneOfInput\".",
        {{2, 33}, {5, 54}}},
       {"Variable \"$string\" of type \"String\" used in position expecting type \"OneOfInput\".",
        {{2, 16}, {6, 37}}}},
      &one_of_schema());
}

TEST(VariablesInAllowedPositionRule, OneOfChecksGoThroughFragmentsDefinedAfterTheOperation) {
  expect_errors(rules::variables_in_allowed_position, R"gql(
        query ($string: String) {
          complicatedArgs { ...F }
        }
        fragment F on ComplicatedArgs {
          oneOfArgField(oneOfArg: { stringField: $string })
        }
      )gql",
                {{"Variable \"$string\" is of type \"String\" but must be non-nullable to be used "
                  "for OneOf Input Object \"OneOfInput\".",
                  {{2, 16}, {6, 50}}}},
                &one_of_schema());
}

TEST(VariablesInAllowedPositionRule, APositionDefaultThatDoesNotFitItsTypeDoesNotCount) {
  expect_errors(rules::variables_in_allowed_position, R"gql(
      query Query($limit: Int) {
        withBadDefault(limit: $limit)
        withNonNullNullDefault(limit: $limit)
        withDefault(limit: $limit)
      }
    )gql",
                {{"Variable \"$limit\" of type \"Int\" used in position expecting type \"Int!\".",
                  {{2, 19}, {3, 31}}},
                 {"Variable \"$limit\" of type \"Int\" used in position expecting type \"Int!\".",
                  {{2, 19}, {4, 39}}}},
                &defaults_schema());
}

}  // namespace
}  // namespace chat::graphql
