// ProvidedRequiredArgumentsRule tests (spec section 5.4.2.1 "Required Arguments"): graphql-js
// 16.15 `src/validation/__tests__/ProvidedRequiredArgumentsRule-test.ts`, case by case, then a
// few more. graphql-js checks its "within SDL" cases with ProvidedRequiredArgumentsOnDirectivesRule
// through validateSDL; here the whole rule (which includes that part) runs on the same SDL
// documents, against a schema with the same directives.
#include <gtest/gtest.h>

#include <memory>

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;
using testing::schema_from;

const schema& defaults_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
  type Query {
    f(a: Int! = "abc", b: Int! = null, c: Int! = 1, d: [Int!]! = [1, null], e: [Int!]! = 2, g: In! = {}, h: In! = { x: 1, y: 2 }): String
  }
  input In {
    x: Int! = 1
    y: Int! = "bad"
  }
)gql");
  return *k_schema;
}

const schema& specified_directives_only_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
  type Query {
    foo: String
  }
)gql");
  return *k_schema;
}

const schema& query_foo_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
        type Query {
          foo: String
        }
      )gql");
  return *k_schema;
}

const schema& with_test_directive_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
        directive @test(arg: String!) on OBJECT

        type Query {
          foo: String
        }
      )gql");
  return *k_schema;
}

// graphql-js: "ignores unknown arguments"
TEST(ProvidedRequiredArgumentsRule, IgnoresUnknownArguments) {
  expect_valid(rules::provided_required_arguments, R"gql(
      {
        dog {
          isHouseTrained(unknownArgument: true)
        }
      }
    )gql");
}

// graphql-js: "Arg on optional arg"
TEST(ProvidedRequiredArgumentsRule, ArgOnOptionalArg) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          dog {
            isHouseTrained(atOtherHomes: true)
          }
        }
      )gql");
}

// graphql-js: "No Arg on optional arg"
TEST(ProvidedRequiredArgumentsRule, NoArgOnOptionalArg) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          dog {
            isHouseTrained
          }
        }
      )gql");
}

// graphql-js: "No arg on non-null field with default"
TEST(ProvidedRequiredArgumentsRule, NoArgOnNonNullFieldWithDefault) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            nonNullFieldWithDefault
          }
        }
      )gql");
}

// graphql-js: "Multiple args"
TEST(ProvidedRequiredArgumentsRule, MultipleArgs) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleReqs(req1: 1, req2: 2)
          }
        }
      )gql");
}

// graphql-js: "Multiple args reverse order"
TEST(ProvidedRequiredArgumentsRule, MultipleArgsReverseOrder) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleReqs(req2: 2, req1: 1)
          }
        }
      )gql");
}

// graphql-js: "No args on multiple optional"
TEST(ProvidedRequiredArgumentsRule, NoArgsOnMultipleOptional) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleOpts
          }
        }
      )gql");
}

// graphql-js: "One arg on multiple optional"
TEST(ProvidedRequiredArgumentsRule, OneArgOnMultipleOptional) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleOpts(opt1: 1)
          }
        }
      )gql");
}

// graphql-js: "Second arg on multiple optional"
TEST(ProvidedRequiredArgumentsRule, SecondArgOnMultipleOptional) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleOpts(opt2: 1)
          }
        }
      )gql");
}

// graphql-js: "Multiple required args on mixedList"
TEST(ProvidedRequiredArgumentsRule, MultipleRequiredArgsOnMixedList) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleOptAndReq(req1: 3, req2: 4)
          }
        }
      )gql");
}

// graphql-js: "Multiple required and one optional arg on mixedList"
TEST(ProvidedRequiredArgumentsRule, MultipleRequiredAndOneOptionalArgOnMixedList) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleOptAndReq(req1: 3, req2: 4, opt1: 5)
          }
        }
      )gql");
}

// graphql-js: "All required and optional args on mixedList"
TEST(ProvidedRequiredArgumentsRule, AllRequiredAndOptionalArgsOnMixedList) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleOptAndReq(req1: 3, req2: 4, opt1: 5, opt2: 6)
          }
        }
      )gql");
}

// graphql-js: "Missing one non-nullable argument"
TEST(ProvidedRequiredArgumentsRule, MissingOneNonNullableArgument) {
  expect_errors(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleReqs(req2: 2)
          }
        }
      )gql",
                {{"Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it "
                  "was not provided.",
                  {{4, 13}}}});
}

// graphql-js: "Missing multiple non-nullable arguments"
TEST(ProvidedRequiredArgumentsRule, MissingMultipleNonNullableArguments) {
  expect_errors(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleReqs
          }
        }
      )gql",
                {{"Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it "
                  "was not provided.",
                  {{4, 13}}},
                 {"Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it "
                  "was not provided.",
                  {{4, 13}}}});
}

// graphql-js: "Incorrect value and missing argument"
TEST(ProvidedRequiredArgumentsRule, IncorrectValueAndMissingArgument) {
  expect_errors(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleReqs(req1: "one")
          }
        }
      )gql",
                {{"Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it "
                  "was not provided.",
                  {{4, 13}}}});
}

// graphql-js: "ignores unknown directives"
TEST(ProvidedRequiredArgumentsRule, IgnoresUnknownDirectives) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          dog @unknown
        }
      )gql");
}

// graphql-js: "with directives of valid types"
TEST(ProvidedRequiredArgumentsRule, WithDirectivesOfValidTypes) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          dog @include(if: true) {
            name
          }
          human @skip(if: false) {
            name
          }
        }
      )gql");
}

// graphql-js: "with directive with missing types"
TEST(ProvidedRequiredArgumentsRule, WithDirectiveWithMissingTypes) {
  expect_errors(rules::provided_required_arguments, R"gql(
        {
          dog @include {
            name @skip
          }
        }
      )gql",
                {{"Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it "
                  "was not provided.",
                  {{3, 15}}},
                 {"Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it "
                  "was not provided.",
                  {{4, 18}}}});
}

// graphql-js: "Missing optional args on directive defined inside SDL"
TEST(ProvidedRequiredArgumentsRule, MissingOptionalArgsOnDirectiveDefinedInsideSDL) {
  expect_valid(rules::provided_required_arguments, R"gql(
        type Query {
          foo: String @test
        }

        directive @test(arg1: String, arg2: String! = "") on FIELD_DEFINITION
      )gql",
               &specified_directives_only_schema());
}

// graphql-js: "Missing arg on directive defined inside SDL"
TEST(ProvidedRequiredArgumentsRule, MissingArgOnDirectiveDefinedInsideSDL) {
  expect_errors(rules::provided_required_arguments, R"gql(
        type Query {
          foo: String @test
        }

        directive @test(arg: String!) on FIELD_DEFINITION
      )gql",
                {{"Directive \"@test\" argument \"arg\" of type \"String!\" is required, but it "
                  "was not provided.",
                  {{3, 23}}}},
                &specified_directives_only_schema());
}

// graphql-js: "Missing arg on standard directive"
TEST(ProvidedRequiredArgumentsRule, MissingArgOnStandardDirective) {
  expect_errors(rules::provided_required_arguments, R"gql(
        type Query {
          foo: String @include
        }
      )gql",
                {{"Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it "
                  "was not provided.",
                  {{3, 23}}}},
                &specified_directives_only_schema());
}

// graphql-js: "Missing arg on overridden standard directive"
TEST(ProvidedRequiredArgumentsRule, MissingArgOnOverriddenStandardDirective) {
  expect_errors(rules::provided_required_arguments, R"gql(
        type Query {
          foo: String @deprecated
        }
        directive @deprecated(reason: String!) on FIELD
      )gql",
                {{"Directive \"@deprecated\" argument \"reason\" of type \"String!\" is required, "
                  "but it was not provided.",
                  {{3, 23}}}},
                &specified_directives_only_schema());
}

// graphql-js: "Missing arg on directive defined in schema extension"
TEST(ProvidedRequiredArgumentsRule, MissingArgOnDirectiveDefinedInSchemaExtension) {
  expect_errors(rules::provided_required_arguments, R"gql(
          directive @test(arg: String!) on OBJECT

          extend type Query  @test
        )gql",
                {{"Directive \"@test\" argument \"arg\" of type \"String!\" is required, but it "
                  "was not provided.",
                  {{4, 30}}}},
                &query_foo_schema());
}

// graphql-js: "Missing arg on directive used in schema extension"
TEST(ProvidedRequiredArgumentsRule, MissingArgOnDirectiveUsedInSchemaExtension) {
  expect_errors(rules::provided_required_arguments, R"gql(
          extend type Query @test
        )gql",
                {{"Directive \"@test\" argument \"arg\" of type \"String!\" is required, but it "
                  "was not provided.",
                  {{2, 29}}}},
                &with_test_directive_schema());
}

// ---- Beyond graphql-js's own tests: expectations taken from graphql-js 16.15 run on the
// same documents.

TEST(ProvidedRequiredArgumentsRule,
     RequiredArgumentsAreCheckedAfterTheFieldSArgumentsAndSubFields) {
  expect_errors(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            multipleReqs(req2: 2) @include
          }
          dog {
            doesKnowCommand
          }
        }
      )gql",
                {{"Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it "
                  "was not provided.",
                  {{4, 35}}},
                 {"Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it "
                  "was not provided.",
                  {{4, 13}}}});
}

TEST(ProvidedRequiredArgumentsRule, UnknownFieldsAreIgnored) {
  expect_valid(rules::provided_required_arguments, R"gql(
        {
          complicatedArgs {
            unknownField(req1: 1)
          }
        }
      )gql");
}

TEST(ProvidedRequiredArgumentsRule, ADirectiveDefinedInTheDocumentReplacesTheSchemaS) {
  expect_errors(rules::provided_required_arguments, R"gql(
        query @include { dog { name @skip(if: true) } }
        directive @skip(if: Boolean!, other: [String]!) on FIELD
        directive @include(maybe: Boolean) on QUERY
      )gql",
                {{"Directive \"@skip\" argument \"other\" of type \"[String]!\" is required, but "
                  "it was not provided.",
                  {{2, 37}}}});
}

TEST(ProvidedRequiredArgumentsRule,
     DirectiveDefinitionsListRequiredArgumentsInOrderARepeatedNameKeepingItsPlace) {
  expect_errors(rules::provided_required_arguments, R"gql(
        { dog @multi }
        directive @multi(b: Int!, a: String!, b: [Int!]!, c: Int = 1, d: ID) on FIELD
      )gql",
                {{"Directive \"@multi\" argument \"b\" of type \"[Int!]!\" is required, but it was "
                  "not provided.",
                  {{2, 15}}},
                 {"Directive \"@multi\" argument \"a\" of type \"String!\" is required, but it was "
                  "not provided.",
                  {{2, 15}}}});
}

TEST(ProvidedRequiredArgumentsRule, RequiredArgumentsOfANonNullListType) {
  expect_errors(rules::provided_required_arguments, R"gql(
        { dog @listArg(x: 1) }
        directive @listArg(list: [String]!) on FIELD
      )gql",
                {{"Directive \"@listArg\" argument \"list\" of type \"[String]!\" is required, but "
                  "it was not provided.",
                  {{2, 15}}}});
}

TEST(ProvidedRequiredArgumentsRule, ADefaultThatDoesNotFitItsTypeDoesNotCount) {
  expect_errors(
      rules::provided_required_arguments, R"gql(
        {
          f
        }
      )gql",
      {{"Field \"f\" argument \"a\" of type \"Int!\" is required, but it was not provided.",
        {{3, 11}}},
       {"Field \"f\" argument \"b\" of type \"Int!\" is required, but it was not provided.",
        {{3, 11}}},
       {"Field \"f\" argument \"d\" of type \"[Int!]!\" is required, but it was not provided.",
        {{3, 11}}},
       {"Field \"f\" argument \"g\" of type \"In!\" is required, but it was not provided.",
        {{3, 11}}}},
      &defaults_schema());
}

}  // namespace
}  // namespace chat::graphql
