// ValuesOfCorrectTypeRule tests (spec section 5.6.1 "Values of Correct Type"): graphql-js
// 16.15 `src/validation/__tests__/ValuesOfCorrectTypeRule-test.ts`, case by case, then a few
// more. graphql-js's cases that pass `hideSuggestions` are left out: our validator has no such
// option. The @oneOf cases run against the part of graphql-js's test schema they use (our
// shared test schema predates `OneOfInput`).
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
  input In {
    x: Int! = 1
    y: Int! = "bad"
    z: [String!]! = ["a", null]
    w: [String!]! = "a"
  }
  type Query {
    f(in: In): String
  }
)gql");
  return *k_schema;
}

const schema& one_of_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
  input OneOfInput @oneOf {
    stringField: String
    intField: Int
  }

  type ComplicatedArgs {
    oneOfArgField(oneOfArg: OneOfInput): String
  }

  type Query {
    complicatedArgs: ComplicatedArgs
  }
)gql");
  return *k_schema;
}

// A schema whose argument takes a custom scalar coerced by `coercion`.
std::shared_ptr<const schema> custom_scalar_schema(std::string_view name,
                                                   scalar_coercion coercion) {
  build_options options;
  options.scalars.emplace(std::string(name), std::move(coercion));
  auto built = build_schema("scalar " + std::string(name) +
                                "\ntype Query { invalidArg(arg: " + std::string(name) +
                                "): String anyArg(arg: " + std::string(name) + "): String }",
                            options);
  EXPECT_TRUE(built.errors.empty());
  return built.built;
}

// graphql-js: "Good int value"
TEST(ValuesOfCorrectTypeRule, GoodIntValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: 2)
          }
        }
      )gql");
}

// graphql-js: "Good negative int value"
TEST(ValuesOfCorrectTypeRule, GoodNegativeIntValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: -2)
          }
        }
      )gql");
}

// graphql-js: "Good boolean value"
TEST(ValuesOfCorrectTypeRule, GoodBooleanValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            booleanArgField(booleanArg: true)
          }
        }
      )gql");
}

// graphql-js: "Good string value"
TEST(ValuesOfCorrectTypeRule, GoodStringValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringArgField(stringArg: "foo")
          }
        }
      )gql");
}

// graphql-js: "Good float value"
TEST(ValuesOfCorrectTypeRule, GoodFloatValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            floatArgField(floatArg: 1.1)
          }
        }
      )gql");
}

// graphql-js: "Good negative float value"
TEST(ValuesOfCorrectTypeRule, GoodNegativeFloatValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            floatArgField(floatArg: -1.1)
          }
        }
      )gql");
}

// graphql-js: "Int into Float"
TEST(ValuesOfCorrectTypeRule, IntIntoFloat) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            floatArgField(floatArg: 1)
          }
        }
      )gql");
}

// graphql-js: "Int into ID"
TEST(ValuesOfCorrectTypeRule, IntIntoID) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            idArgField(idArg: 1)
          }
        }
      )gql");
}

// graphql-js: "String into ID"
TEST(ValuesOfCorrectTypeRule, StringIntoID) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            idArgField(idArg: "someIdString")
          }
        }
      )gql");
}

// graphql-js: "Good enum value"
TEST(ValuesOfCorrectTypeRule, GoodEnumValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          dog {
            doesKnowCommand(dogCommand: SIT)
          }
        }
      )gql");
}

// graphql-js: "Enum with undefined value"
TEST(ValuesOfCorrectTypeRule, EnumWithUndefinedValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            enumArgField(enumArg: UNKNOWN)
          }
        }
      )gql");
}

// graphql-js: "Enum with null value"
TEST(ValuesOfCorrectTypeRule, EnumWithNullValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            enumArgField(enumArg: NO_FUR)
          }
        }
      )gql");
}

// graphql-js: "null into nullable type"
TEST(ValuesOfCorrectTypeRule, NullIntoNullableType) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: null)
          }
        }
      )gql");
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          dog(a: null, b: null, c:{ requiredField: true, intField: null }) {
            name
          }
        }
      )gql");
}

// graphql-js: "Int into String"
TEST(ValuesOfCorrectTypeRule, IntIntoString) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringArgField(stringArg: 1)
          }
        }
      )gql",
                {{"String cannot represent a non string value: 1", {{4, 39}}}});
}

// graphql-js: "Float into String"
TEST(ValuesOfCorrectTypeRule, FloatIntoString) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringArgField(stringArg: 1.0)
          }
        }
      )gql",
                {{"String cannot represent a non string value: 1.0", {{4, 39}}}});
}

// graphql-js: "Boolean into String"
TEST(ValuesOfCorrectTypeRule, BooleanIntoString) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringArgField(stringArg: true)
          }
        }
      )gql",
                {{"String cannot represent a non string value: true", {{4, 39}}}});
}

// graphql-js: "Unquoted String into String"
TEST(ValuesOfCorrectTypeRule, UnquotedStringIntoString) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringArgField(stringArg: BAR)
          }
        }
      )gql",
                {{"String cannot represent a non string value: BAR", {{4, 39}}}});
}

// graphql-js: "String into Int"
TEST(ValuesOfCorrectTypeRule, StringIntoInt) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: "3")
          }
        }
      )gql",
                {{"Int cannot represent non-integer value: \"3\"", {{4, 33}}}});
}

// graphql-js: "Big Int into Int"
TEST(ValuesOfCorrectTypeRule, BigIntIntoInt) {
  expect_errors(
      rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: 829384293849283498239482938)
          }
        }
      )gql",
      {{"Int cannot represent non 32-bit signed integer value: 829384293849283498239482938",
        {{4, 33}}}});
}

// graphql-js: "Unquoted String into Int"
TEST(ValuesOfCorrectTypeRule, UnquotedStringIntoInt) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: FOO)
          }
        }
      )gql",
                {{"Int cannot represent non-integer value: FOO", {{4, 33}}}});
}

// graphql-js: "Simple Float into Int"
TEST(ValuesOfCorrectTypeRule, SimpleFloatIntoInt) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: 3.0)
          }
        }
      )gql",
                {{"Int cannot represent non-integer value: 3.0", {{4, 33}}}});
}

// graphql-js: "Float into Int"
TEST(ValuesOfCorrectTypeRule, FloatIntoInt) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: 3.333)
          }
        }
      )gql",
                {{"Int cannot represent non-integer value: 3.333", {{4, 33}}}});
}

// graphql-js: "String into Float"
TEST(ValuesOfCorrectTypeRule, StringIntoFloat) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            floatArgField(floatArg: "3.333")
          }
        }
      )gql",
                {{"Float cannot represent non numeric value: \"3.333\"", {{4, 37}}}});
}

// graphql-js: "Boolean into Float"
TEST(ValuesOfCorrectTypeRule, BooleanIntoFloat) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            floatArgField(floatArg: true)
          }
        }
      )gql",
                {{"Float cannot represent non numeric value: true", {{4, 37}}}});
}

// graphql-js: "Unquoted into Float"
TEST(ValuesOfCorrectTypeRule, UnquotedIntoFloat) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            floatArgField(floatArg: FOO)
          }
        }
      )gql",
                {{"Float cannot represent non numeric value: FOO", {{4, 37}}}});
}

// graphql-js: "Int into Boolean"
TEST(ValuesOfCorrectTypeRule, IntIntoBoolean) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            booleanArgField(booleanArg: 2)
          }
        }
      )gql",
                {{"Boolean cannot represent a non boolean value: 2", {{4, 41}}}});
}

// graphql-js: "Float into Boolean"
TEST(ValuesOfCorrectTypeRule, FloatIntoBoolean) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            booleanArgField(booleanArg: 1.0)
          }
        }
      )gql",
                {{"Boolean cannot represent a non boolean value: 1.0", {{4, 41}}}});
}

// graphql-js: "String into Boolean"
TEST(ValuesOfCorrectTypeRule, StringIntoBoolean) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            booleanArgField(booleanArg: "true")
          }
        }
      )gql",
                {{"Boolean cannot represent a non boolean value: \"true\"", {{4, 41}}}});
}

// graphql-js: "Unquoted into Boolean"
TEST(ValuesOfCorrectTypeRule, UnquotedIntoBoolean) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            booleanArgField(booleanArg: TRUE)
          }
        }
      )gql",
                {{"Boolean cannot represent a non boolean value: TRUE", {{4, 41}}}});
}

// graphql-js: "Float into ID"
TEST(ValuesOfCorrectTypeRule, FloatIntoID) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            idArgField(idArg: 1.0)
          }
        }
      )gql",
                {{"ID cannot represent a non-string and non-integer value: 1.0", {{4, 31}}}});
}

// graphql-js: "Boolean into ID"
TEST(ValuesOfCorrectTypeRule, BooleanIntoID) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            idArgField(idArg: true)
          }
        }
      )gql",
                {{"ID cannot represent a non-string and non-integer value: true", {{4, 31}}}});
}

// graphql-js: "Unquoted into ID"
TEST(ValuesOfCorrectTypeRule, UnquotedIntoID) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            idArgField(idArg: SOMETHING)
          }
        }
      )gql",
                {{"ID cannot represent a non-string and non-integer value: SOMETHING", {{4, 31}}}});
}

// graphql-js: "Int into Enum"
TEST(ValuesOfCorrectTypeRule, IntIntoEnum) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          dog {
            doesKnowCommand(dogCommand: 2)
          }
        }
      )gql",
                {{"Enum \"DogCommand\" cannot represent non-enum value: 2.", {{4, 41}}}});
}

// graphql-js: "Float into Enum"
TEST(ValuesOfCorrectTypeRule, FloatIntoEnum) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          dog {
            doesKnowCommand(dogCommand: 1.0)
          }
        }
      )gql",
                {{"Enum \"DogCommand\" cannot represent non-enum value: 1.0.", {{4, 41}}}});
}

// graphql-js: "String into Enum"
TEST(ValuesOfCorrectTypeRule, StringIntoEnum) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          dog {
            doesKnowCommand(dogCommand: "SIT")
          }
        }
      )gql",
                {{"Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the "
                  "enum value \"SIT\"?",
                  {{4, 41}}}});
}

// graphql-js: "Boolean into Enum"
TEST(ValuesOfCorrectTypeRule, BooleanIntoEnum) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          dog {
            doesKnowCommand(dogCommand: true)
          }
        }
      )gql",
                {{"Enum \"DogCommand\" cannot represent non-enum value: true.", {{4, 41}}}});
}

// graphql-js: "Unknown Enum Value into Enum"
TEST(ValuesOfCorrectTypeRule, UnknownEnumValueIntoEnum) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          dog {
            doesKnowCommand(dogCommand: JUGGLE)
          }
        }
      )gql",
                {{"Value \"JUGGLE\" does not exist in \"DogCommand\" enum.", {{4, 41}}}});
}

// graphql-js: "Different case Enum Value into Enum"
TEST(ValuesOfCorrectTypeRule, DifferentCaseEnumValueIntoEnum) {
  expect_errors(
      rules::values_of_correct_type, R"gql(
        {
          dog {
            doesKnowCommand(dogCommand: sit)
          }
        }
      )gql",
      {{"Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"?",
        {{4, 41}}}});
}

// graphql-js: "Good list value"
TEST(ValuesOfCorrectTypeRule, GoodListValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringListArgField(stringListArg: ["one", null, "two"])
          }
        }
      )gql");
}

// graphql-js: "Empty list value"
TEST(ValuesOfCorrectTypeRule, EmptyListValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringListArgField(stringListArg: [])
          }
        }
      )gql");
}

// graphql-js: "Null value"
TEST(ValuesOfCorrectTypeRule, NullListValue) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringListArgField(stringListArg: null)
          }
        }
      )gql");
}

// graphql-js: "Single value into List"
TEST(ValuesOfCorrectTypeRule, SingleValueIntoList) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringListArgField(stringListArg: "one")
          }
        }
      )gql");
}

// graphql-js: "Incorrect item type"
TEST(ValuesOfCorrectTypeRule, IncorrectItemType) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringListArgField(stringListArg: ["one", 2])
          }
        }
      )gql",
                {{"String cannot represent a non string value: 2", {{4, 55}}}});
}

// graphql-js: "Single value of incorrect type"
TEST(ValuesOfCorrectTypeRule, SingleValueOfIncorrectType) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringListArgField(stringListArg: 1)
          }
        }
      )gql",
                {{"String cannot represent a non string value: 1", {{4, 47}}}});
}

// graphql-js: "Arg on optional arg"
TEST(ValuesOfCorrectTypeRule, ArgOnOptionalArg) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          dog {
            isHouseTrained(atOtherHomes: true)
          }
        }
      )gql");
}

// graphql-js: "No Arg on optional arg"
TEST(ValuesOfCorrectTypeRule, NoArgOnOptionalArg) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          dog {
            isHouseTrained
          }
        }
      )gql");
}

// graphql-js: "Multiple args"
TEST(ValuesOfCorrectTypeRule, MultipleArgs) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleReqs(req1: 1, req2: 2)
          }
        }
      )gql");
}

// graphql-js: "Multiple args reverse order"
TEST(ValuesOfCorrectTypeRule, MultipleArgsReverseOrder) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleReqs(req2: 2, req1: 1)
          }
        }
      )gql");
}

// graphql-js: "No args on multiple optional"
TEST(ValuesOfCorrectTypeRule, NoArgsOnMultipleOptional) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleOpts
          }
        }
      )gql");
}

// graphql-js: "One arg on multiple optional"
TEST(ValuesOfCorrectTypeRule, OneArgOnMultipleOptional) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleOpts(opt1: 1)
          }
        }
      )gql");
}

// graphql-js: "Second arg on multiple optional"
TEST(ValuesOfCorrectTypeRule, SecondArgOnMultipleOptional) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleOpts(opt2: 1)
          }
        }
      )gql");
}

// graphql-js: "Multiple required args on mixedList"
TEST(ValuesOfCorrectTypeRule, MultipleRequiredArgsOnMixedList) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleOptAndReq(req1: 3, req2: 4)
          }
        }
      )gql");
}

// graphql-js: "Multiple required and one optional arg on mixedList"
TEST(ValuesOfCorrectTypeRule, MultipleRequiredAndOneOptionalArgOnMixedList) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleOptAndReq(req1: 3, req2: 4, opt1: 5)
          }
        }
      )gql");
}

// graphql-js: "All required and optional args on mixedList"
TEST(ValuesOfCorrectTypeRule, AllRequiredAndOptionalArgsOnMixedList) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleOptAndReq(req1: 3, req2: 4, opt1: 5, opt2: 6)
          }
        }
      )gql");
}

// graphql-js: "Incorrect value type"
TEST(ValuesOfCorrectTypeRule, IncorrectValueType) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleReqs(req2: "two", req1: "one")
          }
        }
      )gql",
                {{"Int cannot represent non-integer value: \"two\"", {{4, 32}}},
                 {"Int cannot represent non-integer value: \"one\"", {{4, 45}}}});
}

// graphql-js: "Incorrect value and missing argument (ProvidedRequiredArgumentsRule)"
TEST(ValuesOfCorrectTypeRule, IncorrectValueAndMissingArgumentProvidedRequiredArgumentsRule) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleReqs(req1: "one")
          }
        }
      )gql",
                {{"Int cannot represent non-integer value: \"one\"", {{4, 32}}}});
}

// graphql-js: "Null value"
TEST(ValuesOfCorrectTypeRule, NullValueForNonNullArgument) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            multipleReqs(req1: null)
          }
        }
      )gql",
                {{"Expected value of type \"Int!\", found null.", {{4, 32}}}});
}

// graphql-js: "Optional arg, despite required field in type"
TEST(ValuesOfCorrectTypeRule, OptionalArgDespiteRequiredFieldInType) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField
          }
        }
      )gql");
}

// graphql-js: "Partial object, only required"
TEST(ValuesOfCorrectTypeRule, PartialObjectOnlyRequired) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: { requiredField: true })
          }
        }
      )gql");
}

// graphql-js: "Partial object, required field can be falsy"
TEST(ValuesOfCorrectTypeRule, PartialObjectRequiredFieldCanBeFalsy) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: { requiredField: false })
          }
        }
      )gql");
}

// graphql-js: "Partial object, including required"
TEST(ValuesOfCorrectTypeRule, PartialObjectIncludingRequired) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: { requiredField: true, intField: 4 })
          }
        }
      )gql");
}

// graphql-js: "Full object"
TEST(ValuesOfCorrectTypeRule, FullObject) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: {
              requiredField: true,
              intField: 4,
              stringField: "foo",
              booleanField: false,
              stringListField: ["one", "two"]
            })
          }
        }
      )gql");
}

// graphql-js: "Full object with fields in different order"
TEST(ValuesOfCorrectTypeRule, FullObjectWithFieldsInDifferentOrder) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: {
              stringListField: ["one", "two"],
              booleanField: false,
              requiredField: true,
              stringField: "foo",
              intField: 4,
            })
          }
        }
      )gql");
}

// graphql-js: "Exactly one field"
TEST(ValuesOfCorrectTypeRule, ExactlyOneField) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            oneOfArgField(oneOfArg: { stringField: "abc" })
          }
        }
      )gql",
               &one_of_schema());
}

// graphql-js: "Exactly one non-nullable variable"
TEST(ValuesOfCorrectTypeRule, ExactlyOneNonNullableVariable) {
  expect_valid(rules::values_of_correct_type, R"gql(
        query ($string: String!) {
          complicatedArgs {
            oneOfArgField(oneOfArg: { stringField: $string })
          }
        }
      )gql",
               &one_of_schema());
}

// graphql-js: "Invalid field type"
TEST(ValuesOfCorrectTypeRule, InvalidFieldType) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            oneOfArgField(oneOfArg: { stringField: 2 })
          }
        }
      )gql",
                {{"String cannot represent a non string value: 2", {{4, 52}}}}, &one_of_schema());
}

// graphql-js: "Exactly one null field"
TEST(ValuesOfCorrectTypeRule, ExactlyOneNullField) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            oneOfArgField(oneOfArg: { stringField: null })
          }
        }
      )gql",
                {{"Field \"OneOfInput.stringField\" must be non-null.", {{4, 37}}}},
                &one_of_schema());
}

// graphql-js: "Exactly one nullable variable"
TEST(ValuesOfCorrectTypeRule, ExactlyOneNullableVariable) {
  expect_valid(rules::values_of_correct_type, R"gql(
        query ($string: String) {
          complicatedArgs {
            oneOfArgField(oneOfArg: { stringField: $string })
          }
        }
      )gql",
               &one_of_schema());
}

// graphql-js: "More than one field"
TEST(ValuesOfCorrectTypeRule, MoreThanOneField) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            oneOfArgField(oneOfArg: { stringField: "abc", intField: 123 })
          }
        }
      )gql",
                {{"OneOf Input Object \"OneOfInput\" must specify exactly one key.", {{4, 37}}}},
                &one_of_schema());
}

// graphql-js: "Partial object, missing required"
TEST(ValuesOfCorrectTypeRule, PartialObjectMissingRequired) {
  expect_errors(
      rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: { intField: 4 })
          }
        }
      )gql",
      {{"Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.",
        {{4, 41}}}});
}

// graphql-js: "Partial object, invalid field type"
TEST(ValuesOfCorrectTypeRule, PartialObjectInvalidFieldType) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: {
              stringListField: ["one", 2],
              requiredField: true,
            })
          }
        }
      )gql",
                {{"String cannot represent a non string value: 2", {{5, 40}}}});
}

// graphql-js: "Partial object, null to non-null field"
TEST(ValuesOfCorrectTypeRule, PartialObjectNullToNonNullField) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: {
              requiredField: true,
              nonNullField: null,
            })
          }
        }
      )gql",
                {{"Expected value of type \"Boolean!\", found null.", {{6, 29}}}});
}

// graphql-js: "Partial object, unknown field arg"
TEST(ValuesOfCorrectTypeRule, PartialObjectUnknownFieldArg) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: {
              requiredField: true,
              invalidField: "value"
            })
          }
        }
      )gql",
                {{"Field \"invalidField\" is not defined by type \"ComplexInput\". Did you mean "
                  "\"intField\"?",
                  {{6, 15}}}});
}

// graphql-js: "with directives of valid types"
TEST(ValuesOfCorrectTypeRule, WithDirectivesOfValidTypes) {
  expect_valid(rules::values_of_correct_type, R"gql(
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

// graphql-js: "with directive with incorrect types"
TEST(ValuesOfCorrectTypeRule, WithDirectiveWithIncorrectTypes) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          dog @include(if: "yes") {
            name @skip(if: ENUM)
          }
        }
      )gql",
                {{"Boolean cannot represent a non boolean value: \"yes\"", {{3, 28}}},
                 {"Boolean cannot represent a non boolean value: ENUM", {{4, 28}}}});
}

// graphql-js: "variables with valid default values"
TEST(ValuesOfCorrectTypeRule, VariablesWithValidDefaultValues) {
  expect_valid(rules::values_of_correct_type, R"gql(
        query WithDefaultValues(
          $a: Int = 1,
          $b: String = "ok",
          $c: ComplexInput = { requiredField: true, intField: 3 }
          $d: Int! = 123
        ) {
          dog { name }
        }
      )gql");
}

// graphql-js: "variables with valid default null values"
TEST(ValuesOfCorrectTypeRule, VariablesWithValidDefaultNullValues) {
  expect_valid(rules::values_of_correct_type, R"gql(
        query WithDefaultValues(
          $a: Int = null,
          $b: String = null,
          $c: ComplexInput = { requiredField: true, intField: null }
        ) {
          dog { name }
        }
      )gql");
}

// graphql-js: "variables with invalid default null values"
TEST(ValuesOfCorrectTypeRule, VariablesWithInvalidDefaultNullValues) {
  expect_errors(rules::values_of_correct_type, R"gql(
        query WithDefaultValues(
          $a: Int! = null,
          $b: String! = null,
          $c: ComplexInput = { requiredField: null, intField: null }
        ) {
          dog { name }
        }
      )gql",
                {{"Expected value of type \"Int!\", found null.", {{3, 22}}},
                 {"Expected value of type \"String!\", found null.", {{4, 25}}},
                 {"Expected value of type \"Boolean!\", found null.", {{5, 47}}}});
}

// graphql-js: "variables with invalid default values"
TEST(ValuesOfCorrectTypeRule, VariablesWithInvalidDefaultValues) {
  expect_errors(
      rules::values_of_correct_type, R"gql(
        query InvalidDefaultValues(
          $a: Int = "one",
          $b: String = 4,
          $c: ComplexInput = "NotVeryComplex"
        ) {
          dog { name }
        }
      )gql",
      {{"Int cannot represent non-integer value: \"one\"", {{3, 21}}},
       {"String cannot represent a non string value: 4", {{4, 24}}},
       {"Expected value of type \"ComplexInput\", found \"NotVeryComplex\".", {{5, 30}}}});
}

// graphql-js: "variables with complex invalid default values"
TEST(ValuesOfCorrectTypeRule, VariablesWithComplexInvalidDefaultValues) {
  expect_errors(rules::values_of_correct_type, R"gql(
        query WithDefaultValues(
          $a: ComplexInput = { requiredField: 123, intField: "abc" }
        ) {
          dog { name }
        }
      )gql",
                {{"Boolean cannot represent a non boolean value: 123", {{3, 47}}},
                 {"Int cannot represent non-integer value: \"abc\"", {{3, 62}}}});
}

// graphql-js: "complex variables missing required field"
TEST(ValuesOfCorrectTypeRule, ComplexVariablesMissingRequiredField) {
  expect_errors(
      rules::values_of_correct_type, R"gql(
        query MissingRequiredField($a: ComplexInput = {intField: 3}) {
          dog { name }
        }
      )gql",
      {{"Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.",
        {{2, 55}}}});
}

// graphql-js: "list variables with invalid item"
TEST(ValuesOfCorrectTypeRule, ListVariablesWithInvalidItem) {
  expect_errors(rules::values_of_correct_type, R"gql(
        query InvalidItem($a: [String] = ["one", 2]) {
          dog { name }
        }
      )gql",
                {{"String cannot represent a non string value: 2", {{2, 50}}}});
}

// ---- Beyond graphql-js's own tests: expectations taken from graphql-js 16.15 run on the
// same documents.

TEST(ValuesOfCorrectTypeRule, UnknownFieldInAOneOfObjectStillCountsAsAKey) {
  expect_errors(
      rules::values_of_correct_type, R"gql(
          {
            complicatedArgs {
              oneOfArgField(oneOfArg: {
                stringField: "abc",
                invalidField: 123
              })
            }
          }
        )gql",
      {{"OneOf Input Object \"OneOfInput\" must specify exactly one key.", {{4, 39}}},
       {"Field \"invalidField\" is not defined by type \"OneOfInput\". Did you mean \"intField\"?",
        {{6, 17}}}},
      &one_of_schema());
}

TEST(ValuesOfCorrectTypeRule, RepeatedOneOfFieldUsesItsLastValue) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            oneOfArgField(oneOfArg: { stringField: "abc", stringField: null })
          }
        }
      )gql",
                {{"Field \"OneOfInput.stringField\" must be non-null.", {{4, 37}}}},
                &one_of_schema());
}

TEST(ValuesOfCorrectTypeRule, EmptyOneOfObject) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            oneOfArgField(oneOfArg: {})
          }
        }
      )gql",
                {{"OneOf Input Object \"OneOfInput\" must specify exactly one key.", {{4, 37}}}},
                &one_of_schema());
}

TEST(ValuesOfCorrectTypeRule, ObjectIntoScalarIsNotTraversed) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: { a: 1, b: "x" })
          }
        }
      )gql",
                {{"Int cannot represent non-integer value: {a: 1, b: \"x\"}", {{4, 33}}}});
}

TEST(ValuesOfCorrectTypeRule, ListIntoScalarIsNotTraversed) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: [1, "two"])
          }
        }
      )gql",
                {{"Int cannot represent non-integer value: [1, \"two\"]", {{4, 33}}}});
}

TEST(ValuesOfCorrectTypeRule, NestedListIntoListOfScalars) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            stringListArgField(stringListArg: [["one"], "two"])
          }
        }
      )gql",
                {{"String cannot represent a non string value: [\"one\"]", {{4, 48}}}});
}

TEST(ValuesOfCorrectTypeRule, BlockStringIntoInt) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            intArgField(intArg: """block""")
          }
        }
      )gql",
                {{"Int cannot represent non-integer value: \"\"\"block\"\"\"", {{4, 33}}}});
}

TEST(ValuesOfCorrectTypeRule, ObjectIntoEnum) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            enumArgField(enumArg: { BROWN: true })
          }
        }
      )gql",
                {{"Enum \"FurColor\" cannot represent non-enum value: {BROWN: true}.", {{4, 35}}}});
}

TEST(ValuesOfCorrectTypeRule, ScalarIntoInputObject) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: 12)
          }
        }
      )gql",
                {{"Expected value of type \"ComplexInput\", found 12.", {{4, 41}}}});
}

TEST(ValuesOfCorrectTypeRule, ListOfInputObjectsChecksEachItem) {
  expect_errors(
      rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: [{ intField: 1 }, { requiredField: true }])
          }
        }
      )gql",
      {{"Expected value of type \"ComplexInput\", found [{intField: 1}, {requiredField: true}].",
        {{4, 41}}}});
}

TEST(ValuesOfCorrectTypeRule, UnknownFieldWithoutCloseNamesHasNoSuggestion) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: { requiredField: true, xyzzy: 1 })
          }
        }
      )gql",
                {{"Field \"xyzzy\" is not defined by type \"ComplexInput\".", {{4, 64}}}});
}

TEST(ValuesOfCorrectTypeRule, ValuesOfUnknownArgumentsAreNotChecked) {
  expect_valid(rules::values_of_correct_type, R"gql(
        {
          dog {
            name(unknownArg: "x", other: [1, { a: 2 }])
          }
        }
      )gql");
}

TEST(ValuesOfCorrectTypeRule, VariablesAreNotChecked) {
  expect_errors(rules::values_of_correct_type, R"gql(
        query ($x: String) {
          complicatedArgs {
            intArgField(intArg: $x)
            stringListArgField(stringListArg: [$x, 1])
          }
        }
      )gql",
                {{"String cannot represent a non string value: 1", {{5, 52}}}});
}

TEST(ValuesOfCorrectTypeRule, ValuesInsideUnknownInputFieldsAreNotChecked) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: { requiredField: true, unknown: { deep: "x" } })
          }
        }
      )gql",
                {{"Field \"unknown\" is not defined by type \"ComplexInput\".", {{4, 64}}}});
}

TEST(ValuesOfCorrectTypeRule, MissingRequiredFieldsAndBadValuesAreReportedInDocumentOrder) {
  expect_errors(
      rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            complexArgField(complexArg: { intField: "x", stringField: 1 })
          }
        }
      )gql",
      {{"Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.",
        {{4, 41}}},
       {"Int cannot represent non-integer value: \"x\"", {{4, 53}}},
       {"String cannot represent a non string value: 1", {{4, 71}}}});
}

TEST(ValuesOfCorrectTypeRule, EnumValueWithACloseNameInAnotherCase) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            enumArgField(enumArg: brown)
          }
        }
      )gql",
                {{"Value \"brown\" does not exist in \"FurColor\" enum. Did you mean the enum "
                  "value \"BROWN\"?",
                  {{4, 35}}}});
}

TEST(ValuesOfCorrectTypeRule, StringIntoEnumSuggestsTheEnumValue) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          complicatedArgs {
            enumArgField(enumArg: "BLACK")
          }
        }
      )gql",
                {{"Enum \"FurColor\" cannot represent non-enum value: \"BLACK\". Did you mean the "
                  "enum value \"BLACK\"?",
                  {{4, 35}}}});
}

TEST(ValuesOfCorrectTypeRule, AnInputFieldDefaultThatDoesNotFitItsTypeDoesNotCount) {
  expect_errors(rules::values_of_correct_type, R"gql(
        {
          f(in: {})
        }
      )gql",
                {{"Field \"In.y\" of required type \"Int!\" was not provided.", {{3, 17}}},
                 {"Field \"In.z\" of required type \"[String!]!\" was not provided.", {{3, 17}}}},
                &defaults_schema());
}

// graphql-js: "reports original error for custom scalar which throws" (a scalar's own message
// is reported as it is, at the literal).
TEST(ValuesOfCorrectTypeRule, ReportsTheOriginalErrorOfACustomScalar) {
  scalar_coercion coercion;
  coercion.parse_literal = [](const value_node&, std::string& error) {
    error = "Expected value of type \"Invalid\", found 123; Invalid scalar is always invalid: 123";
    return std::optional<boost::json::value>();
  };
  const auto s = custom_scalar_schema("Invalid", coercion);
  expect_errors(rules::values_of_correct_type, "{ invalidArg(arg: 123) }",
                {{"Expected value of type \"Invalid\", found 123; Invalid scalar is always "
                  "invalid: 123",
                  {{1, 19}}}},
                s.get());
}

// graphql-js: "reports error for custom scalar that returns undefined"
TEST(ValuesOfCorrectTypeRule, ReportsAnErrorForACustomScalarThatRefusesWithoutAMessage) {
  scalar_coercion coercion;
  coercion.parse_literal = [](const value_node&, std::string&) {
    return std::optional<boost::json::value>();
  };
  const auto s = custom_scalar_schema("CustomScalar", coercion);
  expect_errors(rules::values_of_correct_type, "{ invalidArg(arg: 123) }",
                {{"Expected value of type \"CustomScalar\", found 123.", {{1, 19}}}}, s.get());
}

// graphql-js: "allows custom scalar to accept complex literals" (a declared scalar without a
// coercion of its own accepts any literal).
TEST(ValuesOfCorrectTypeRule, AllowsCustomScalarToAcceptComplexLiterals) {
  const auto s = schema_from("scalar Any\ntype Query { anyArg(arg: Any): String }");
  expect_valid(rules::values_of_correct_type, R"gql(
          {
            test1: anyArg(arg: 123)
            test2: anyArg(arg: "abc")
            test3: anyArg(arg: [123, "abc"])
            test4: anyArg(arg: {deep: [123, "abc"]})
          }
        )gql",
               s.get());
}

}  // namespace
}  // namespace chat::graphql
