// UniqueInputFieldNamesRule (spec 5.6.3 Input Object Field Uniqueness): every case of
// graphql-js 16.15 `UniqueInputFieldNamesRule-test.ts`, with its messages and locations.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(UniqueInputFieldNamesRule, InputObjectWithFields) {
  expect_valid(unique_input_field_names, R"(
      {
        field(arg: { f: true })
      }
    )");
}

TEST(UniqueInputFieldNamesRule, SameInputObjectWithinTwoArgs) {
  expect_valid(unique_input_field_names, R"(
      {
        field(arg1: { f: true }, arg2: { f: true })
      }
    )");
}

TEST(UniqueInputFieldNamesRule, MultipleInputObjectFields) {
  expect_valid(unique_input_field_names, R"(
      {
        field(arg: { f1: "value", f2: "value", f3: "value" })
      }
    )");
}

TEST(UniqueInputFieldNamesRule, AllowsForNestedInputObjectsWithSimilarFields) {
  expect_valid(unique_input_field_names, R"(
      {
        field(arg: {
          deep: {
            deep: {
              id: 1
            }
            id: 1
          }
          id: 1
        })
      }
    )");
}

TEST(UniqueInputFieldNamesRule, DuplicateInputObjectFields) {
  expect_errors(unique_input_field_names, R"(
      {
        field(arg: { f1: "value", f1: "value" })
      }
    )",
                {{"There can be only one input field named \"f1\".", {{3, 22}, {3, 35}}}});
}

TEST(UniqueInputFieldNamesRule, ManyDuplicateInputObjectFields) {
  expect_errors(unique_input_field_names, R"(
      {
        field(arg: { f1: "value", f1: "value", f1: "value" })
      }
    )",
                {{"There can be only one input field named \"f1\".", {{3, 22}, {3, 35}}},
                 {"There can be only one input field named \"f1\".", {{3, 22}, {3, 48}}}});
}

TEST(UniqueInputFieldNamesRule, NestedDuplicateInputObjectFields) {
  expect_errors(unique_input_field_names, R"(
      {
        field(arg: { f1: {f2: "value", f2: "value" }})
      }
    )",
                {{"There can be only one input field named \"f2\".", {{3, 27}, {3, 40}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15): objects in lists, in
// directive arguments and in default values are checked, each object on its own, and a
// repeat after a nested object is still caught.
TEST(UniqueInputFieldNamesRule, ChecksObjectsInListsDirectivesAndDefaults) {
  expect_errors(unique_input_field_names, R"(
      query ($v: In = {a: 1, a: 2}) {
        field(arg: [{a: 1}, {a: 1, b: {a: 1}, a: 2}]) @d(x: {y: 1, y: 2})
      }
    )",
                {{"There can be only one input field named \"a\".", {{2, 24}, {2, 30}}},
                 {"There can be only one input field named \"a\".", {{3, 30}, {3, 47}}},
                 {"There can be only one input field named \"y\".", {{3, 62}, {3, 68}}}});
}

}  // namespace
}  // namespace chat::graphql::rules
