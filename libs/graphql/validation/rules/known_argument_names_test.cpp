// KnownArgumentNamesRule (spec 5.4.1 Argument Names): every case of graphql-js 16.15
// `KnownArgumentNamesRule-test.ts`, with its messages and locations. graphql-js runs the
// "within SDL" cases with KnownArgumentNamesOnDirectivesRule through `validateSDL`; here
// the whole rule runs through `validate` against a schema with the same directives (an
// SDL document has no field arguments, so only the directive half can speak).

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;
using testing::schema_from;

// Stands for graphql-js's "no schema" (the specified directives only).
const schema& specified_directives_schema() {
  static const auto built = schema_from(R"(
        type Query {
          foo: String
        }
)");
  return *built;
}

const schema& test_directive_schema() {
  static const auto built = schema_from(R"(
        directive @test(arg: String) on OBJECT

        type Query {
          foo: String
        }
)");
  return *built;
}

TEST(KnownArgumentNamesRule, SingleArgIsKnown) {
  expect_valid(known_argument_names, R"(
      fragment argOnRequiredArg on Dog {
        doesKnowCommand(dogCommand: SIT)
      }
    )");
}

TEST(KnownArgumentNamesRule, MultipleArgsAreKnown) {
  expect_valid(known_argument_names, R"(
      fragment multipleArgs on ComplicatedArgs {
        multipleReqs(req1: 1, req2: 2)
      }
    )");
}

TEST(KnownArgumentNamesRule, IgnoresArgsOfUnknownFields) {
  expect_valid(known_argument_names, R"(
      fragment argOnUnknownField on Dog {
        unknownField(unknownArg: SIT)
      }
    )");
}

TEST(KnownArgumentNamesRule, MultipleArgsInReverseOrderAreKnown) {
  expect_valid(known_argument_names, R"(
      fragment multipleArgsReverseOrder on ComplicatedArgs {
        multipleReqs(req2: 2, req1: 1)
      }
    )");
}

TEST(KnownArgumentNamesRule, NoArgsOnOptionalArg) {
  expect_valid(known_argument_names, R"(
      fragment noArgOnOptionalArg on Dog {
        isHouseTrained
      }
    )");
}

TEST(KnownArgumentNamesRule, ArgsAreKnownDeeply) {
  expect_valid(known_argument_names, R"(
      {
        dog {
          doesKnowCommand(dogCommand: SIT)
        }
        human {
          pet {
            ... on Dog {
              doesKnowCommand(dogCommand: SIT)
            }
          }
        }
      }
    )");
}

TEST(KnownArgumentNamesRule, DirectiveArgsAreKnown) {
  expect_valid(known_argument_names, R"(
      {
        dog @skip(if: true)
      }
    )");
}

TEST(KnownArgumentNamesRule, FieldArgsAreInvalid) {
  expect_errors(known_argument_names, R"(
      {
        dog @skip(unless: true)
      }
    )",
                {{"Unknown argument \"unless\" on directive \"@skip\".", {{3, 19}}}});
}

TEST(KnownArgumentNamesRule, DirectiveWithoutArgsIsValid) {
  expect_valid(known_argument_names, R"(
      {
        dog @onField
      }
    )");
}

TEST(KnownArgumentNamesRule, ArgPassedToDirectiveWithoutArgIsReported) {
  expect_errors(known_argument_names, R"(
      {
        dog @onField(if: true)
      }
    )",
                {{"Unknown argument \"if\" on directive \"@onField\".", {{3, 22}}}});
}

TEST(KnownArgumentNamesRule, MisspelledDirectiveArgsAreReported) {
  expect_errors(
      known_argument_names, R"(
      {
        dog @skip(iff: true)
      }
    )",
      {{"Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", {{3, 19}}}});
}

TEST(KnownArgumentNamesRule, InvalidArgName) {
  expect_errors(known_argument_names, R"(
      fragment invalidArgName on Dog {
        doesKnowCommand(unknown: true)
      }
    )",
                {{"Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", {{3, 25}}}});
}

TEST(KnownArgumentNamesRule, MisspelledArgNameIsReported) {
  expect_errors(known_argument_names, R"(
      fragment invalidArgName on Dog {
        doesKnowCommand(DogCommand: true)
      }
    )",
                {{"Unknown argument \"DogCommand\" on field \"Dog.doesKnowCommand\". Did you "
                  "mean \"dogCommand\"?",
                  {{3, 25}}}});
}

TEST(KnownArgumentNamesRule, UnknownArgsAmongstKnownArgs) {
  expect_errors(known_argument_names, R"(
      fragment oneGoodArgOneInvalidArg on Dog {
        doesKnowCommand(whoKnows: 1, dogCommand: SIT, unknown: true)
      }
    )",
                {{"Unknown argument \"whoKnows\" on field \"Dog.doesKnowCommand\".", {{3, 25}}},
                 {"Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", {{3, 55}}}});
}

TEST(KnownArgumentNamesRule, UnknownArgsDeeply) {
  expect_errors(known_argument_names, R"(
      {
        dog {
          doesKnowCommand(unknown: true)
        }
        human {
          pet {
            ... on Dog {
              doesKnowCommand(unknown: true)
            }
          }
        }
      }
    )",
                {{"Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", {{4, 27}}},
                 {"Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", {{9, 31}}}});
}

// ---- within SDL ----

TEST(KnownArgumentNamesRule, WithinSdlKnownArgOnDirectiveDefinedInsideSdl) {
  expect_valid(known_argument_names, R"(
        type Query {
          foo: String @test(arg: "")
        }

        directive @test(arg: String) on FIELD_DEFINITION
      )",
               &specified_directives_schema());
}

TEST(KnownArgumentNamesRule, WithinSdlUnknownArgOnDirectiveDefinedInsideSdl) {
  expect_errors(known_argument_names, R"(
        type Query {
          foo: String @test(unknown: "")
        }

        directive @test(arg: String) on FIELD_DEFINITION
      )",
                {{"Unknown argument \"unknown\" on directive \"@test\".", {{3, 29}}}},
                &specified_directives_schema());
}

TEST(KnownArgumentNamesRule, WithinSdlMisspelledArgNameIsReportedOnDirectiveDefinedInsideSdl) {
  expect_errors(
      known_argument_names, R"(
        type Query {
          foo: String @test(agr: "")
        }

        directive @test(arg: String) on FIELD_DEFINITION
      )",
      {{"Unknown argument \"agr\" on directive \"@test\". Did you mean \"arg\"?", {{3, 29}}}},
      &specified_directives_schema());
}

TEST(KnownArgumentNamesRule, WithinSdlUnknownArgOnStandardDirective) {
  expect_errors(known_argument_names, R"(
        type Query {
          foo: String @deprecated(unknown: "")
        }
      )",
                {{"Unknown argument \"unknown\" on directive \"@deprecated\".", {{3, 35}}}},
                &specified_directives_schema());
}

TEST(KnownArgumentNamesRule, WithinSdlUnknownArgOnOverriddenStandardDirective) {
  expect_errors(known_argument_names, R"(
        type Query {
          foo: String @deprecated(reason: "")
        }
        directive @deprecated(arg: String) on FIELD
      )",
                {{"Unknown argument \"reason\" on directive \"@deprecated\".", {{3, 35}}}},
                &specified_directives_schema());
}

TEST(KnownArgumentNamesRule, WithinSdlUnknownArgOnDirectiveDefinedInSchemaExtension) {
  expect_errors(known_argument_names, R"(
          directive @test(arg: String) on OBJECT

          extend type Query  @test(unknown: "")
        )",
                {{"Unknown argument \"unknown\" on directive \"@test\".", {{4, 36}}}},
                &specified_directives_schema());
}

TEST(KnownArgumentNamesRule, WithinSdlUnknownArgOnDirectiveUsedInSchemaExtension) {
  expect_errors(known_argument_names, R"(
          extend type Query @test(unknown: "")
        )",
                {{"Unknown argument \"unknown\" on directive \"@test\".", {{2, 35}}}},
                &test_directive_schema());
}

// Not in graphql-js's file (checked against graphql-js 16.15): meta-fields have their
// own arguments, arguments of unknown directives are left alone, several suggestions
// come closest first, and arguments in nested fields name the field's own parent type.
TEST(KnownArgumentNamesRule, ChecksMetaFieldsAndSuggestsSeveralNames) {
  expect_errors(known_argument_names, R"(
      {
        __typename(x: 1)
        __type(nam: "Dog") { name }
        dog @unknown(x: 1) { isAtLocation(z: 1) mother { name(surnam: true) } }
        complicatedArgs { multipleOptAndReq(opt: 1) }
      }
    )",
                {{"Unknown argument \"x\" on field \"QueryRoot.__typename\".", {{3, 20}}},
                 {"Unknown argument \"nam\" on field \"QueryRoot.__type\". Did you mean "
                  "\"name\"?",
                  {{4, 16}}},
                 {"Unknown argument \"z\" on field \"Dog.isAtLocation\". Did you mean \"x\" "
                  "or \"y\"?",
                  {{5, 43}}},
                 {"Unknown argument \"surnam\" on field \"Dog.name\". Did you mean "
                  "\"surname\"?",
                  {{5, 63}}},
                 {"Unknown argument \"opt\" on field \"ComplicatedArgs.multipleOptAndReq\". "
                  "Did you mean \"opt1\" or \"opt2\"?",
                  {{6, 45}}}});
}

}  // namespace
}  // namespace chat::graphql::rules
