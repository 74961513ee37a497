// MaxIntrospectionDepthRule (graphql-js 16.9+, not in the spec): every case of graphql-js
// 16.15 `MaxIntrospectionDepthRule-test.ts`, with its messages and locations.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;

// graphql-js builds these two with getIntrospectionQuery() (whitespace-only lines trimmed).

TEST(MaxIntrospectionDepthRule, DefaultIntrospectionQuery) {
  expect_valid(max_introspection_depth, R"(
    query IntrospectionQuery {
      __schema {

        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives {
          name
          description

          locations
          args {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description

      fields(includeDeprecated: true) {
        name
        description
        args {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue

    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        name
        kind
        ofType {
          name
          kind
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
)");
}

TEST(MaxIntrospectionDepthRule, AllOptionsIntrospectionQuery) {
  expect_valid(max_introspection_depth, R"(
    query IntrospectionQuery {
      __schema {
        description
        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives {
          name
          description
          isRepeatable

          locations
          args(includeDeprecated: true) {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description
      specifiedByURL

      fields(includeDeprecated: true) {
        name
        description
        args(includeDeprecated: true) {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields(includeDeprecated: true) {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue
      isDeprecated
      deprecationReason
    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        name
        kind
        ofType {
          name
          kind
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
)");
}

TEST(MaxIntrospectionDepthRule, ThreeFlatFieldsIntrospectionQuery) {
  expect_valid(max_introspection_depth, R"(
    {
      __type(name: "Query") {
        trueFields: fields(includeDeprecated: true) {
          name
        }
        falseFields: fields(includeDeprecated: false) {
          name
        }
        omittedFields: fields {
          name
        }
      }
    }
    )");
}

TEST(MaxIntrospectionDepthRule, ThreeFieldsDeepIntrospectionQueryFromSchema) {
  expect_errors(max_introspection_depth, R"(
    {
      __schema {
        types {
          fields {
            type {
              fields {
                type {
                  fields {
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

TEST(MaxIntrospectionDepthRule, ThreeInterfacesDeepIntrospectionQueryFromSchema) {
  expect_errors(max_introspection_depth, R"(
    {
      __schema {
        types {
          interfaces {
            interfaces {
              interfaces {
                name
              }
            }
          }
        }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

TEST(MaxIntrospectionDepthRule, ThreePossibleTypesDeepIntrospectionQueryFromSchema) {
  expect_errors(max_introspection_depth, R"(
    {
      __schema {
        types {
          possibleTypes {
            possibleTypes {
              possibleTypes {
                name
              }
            }
          }
        }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

TEST(MaxIntrospectionDepthRule, ThreeInputFieldsDeepIntrospectionQueryFromSchema) {
  expect_errors(max_introspection_depth, R"(
    {
      __schema {
        types {
          inputFields {
            type {
              inputFields {
                type {
                  inputFields {
                    type {
                      name
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

TEST(MaxIntrospectionDepthRule, ThreeFieldsDeepIntrospectionQueryFromMultipleSchema) {
  expect_errors(max_introspection_depth, R"(
    {
      one: __schema {
        types {
          fields {
            type {
              fields {
                type {
                  fields {
                    name
                  }
                }
              }
            }
          }
        }
      }
      two: __schema {
        types {
          fields {
            type {
              fields {
                type {
                  fields {
                    name
                  }
                }
              }
            }
          }
        }
      }
      three: __schema {
        types {
          fields {
            type {
              fields {
                type {
                  fields {
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}},
                 {"Maximum introspection depth exceeded", {{18, 7}}},
                 {"Maximum introspection depth exceeded", {{33, 7}}}});
}

TEST(MaxIntrospectionDepthRule, ThreeFieldsDeepIntrospectionQueryFromType) {
  expect_errors(max_introspection_depth, R"(
    {
      __type(name: "Query") {
        types {
          fields {
            type {
              fields {
                type {
                  fields {
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

TEST(MaxIntrospectionDepthRule, ThreeFieldsDeepIntrospectionQueryFromMultipleType) {
  expect_errors(max_introspection_depth, R"(
    {
      one: __type(name: "Query") {
        types {
          fields {
            type {
              fields {
                type {
                  fields {
                    name
                  }
                }
              }
            }
          }
        }
      }
      two: __type(name: "Query") {
        types {
          fields {
            type {
              fields {
                type {
                  fields {
                    name
                  }
                }
              }
            }
          }
        }
      }
      three: __type(name: "Query") {
        types {
          fields {
            type {
              fields {
                type {
                  fields {
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}},
                 {"Maximum introspection depth exceeded", {{18, 7}}},
                 {"Maximum introspection depth exceeded", {{33, 7}}}});
}

TEST(MaxIntrospectionDepthRule, OneFieldsDeepWithThreeFieldsIntrospectionQuery) {
  expect_valid(max_introspection_depth, R"(
    {
      __schema {
        types {
          fields {
            type {
              oneFields: fields {
                name
              }
              twoFields: fields {
                name
              }
              threeFields: fields {
                name
              }
            }
          }
        }
      }
    }
    )");
}

TEST(MaxIntrospectionDepthRule, ThreeFieldsDeepFromVaryingParentsIntrospectionQuery) {
  expect_errors(max_introspection_depth, R"(
    {
      __schema {
        types {
          fields {
            type {
              fields {
                type {
                  ofType {
                    fields {
                      name
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

TEST(MaxIntrospectionDepthRule, ThreeFieldsDeepIntrospectionQueryWithInlineFragments) {
  expect_errors(max_introspection_depth, R"(
    query test {
      __schema {
        types {
          ... on __Type {
            fields {
              type {
                ... on __Type {
                  ofType {
                    fields {
                      type {
                        ... on __Type {
                          fields {
                            name
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

TEST(MaxIntrospectionDepthRule, ThreeFieldsDeepIntrospectionQueryWithFragments) {
  expect_errors(max_introspection_depth, R"(
    query test {
      __schema {
        types {
          ...One
        }
      }
    }

    fragment One on __Type {
      fields {
        type {
          ...Two
        }
      }
    }

    fragment Two on __Type {
      fields {
        type {
          ...Three
        }
      }
    }

    fragment Three on __Type {
      fields {
        name
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

TEST(MaxIntrospectionDepthRule, ThreeFieldsDeepInsideInlineFragmentOnQuery) {
  expect_errors(max_introspection_depth, R"(
    {
      ... {
        __schema { types { fields { type { fields { type { fields { name } } } } } } }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{4, 9}}}});
}

TEST(MaxIntrospectionDepthRule, OptsOutIfFragmentIsMissing) {
  expect_valid(max_introspection_depth, R"(
    query test {
      __schema {
        types {
          ...Missing
        }
      }
    }
    )");
}

TEST(MaxIntrospectionDepthRule, DoesNotInfinitelyRecurseOnFragmentCycle) {
  expect_valid(max_introspection_depth, R"(
    query test {
      __schema {
        types {
          ...Cycle
        }
      }
    }
    fragment Cycle on __Type {
      ...Cycle
    }
    )");
}

TEST(MaxIntrospectionDepthRule, MaliciousIntrospectionQuery) {
  expect_errors(max_introspection_depth, R"(
    query test {
      __schema {
        types {
          ...F1
        }
      }
    }

    fragment F1 on __Type {
      fields {
        type {
          ...F2
        }
      }
      ofType {
        ...F2
      }
    }

    fragment F2 on __Type {
      fields {
        type {
          ...F3
        }
      }
      ofType {
        ...F3
      }
    }

    fragment F3 on __Type {
      fields {
        type {
          ...F4
        }
      }
      ofType {
        ...F4
      }
    }

    fragment F4 on __Type {
      fields {
        type {
          ...F5
        }
      }
      ofType {
        ...F5
      }
    }

    fragment F5 on __Type {
      fields {
        type {
          ...F6
        }
      }
      ofType {
        ...F6
      }
    }

    fragment F6 on __Type {
      fields {
        type {
          ...F7
        }
      }
      ofType {
        ...F7
      }
    }

    fragment F7 on __Type {
      fields {
        type {
          ...F8
        }
      }
      ofType {
        ...F8
      }
    }

    fragment F8 on __Type {
      fields {
        type {
          ...F9
        }
      }
      ofType {
        ...F9
      }
    }

    fragment F9 on __Type {
      fields {
        type {
          ...F10
        }
      }
      ofType {
        ...F10
      }
    }

    fragment F10 on __Type {
      fields {
        type {
          ...F11
        }
      }
      ofType {
        ...F11
      }
    }

    fragment F11 on __Type {
      fields {
        type {
          ...F12
        }
      }
      ofType {
        ...F12
      }
    }

    fragment F12 on __Type {
      fields {
        type {
          ...F13
        }
      }
      ofType {
        ...F13
      }
    }

    fragment F13 on __Type {
      fields {
        type {
          ...F14
        }
      }
      ofType {
        ...F14
      }
    }

    fragment F14 on __Type {
      fields {
        type {
          ...F15
        }
      }
      ofType {
        ...F15
      }
    }

    fragment F15 on __Type {
      fields {
        type {
          ...F16
        }
      }
      ofType {
        ...F16
      }
    }

    fragment F16 on __Type {
      fields {
        type {
          ...F17
        }
      }
      ofType {
        ...F17
      }
    }

    fragment F17 on __Type {
      fields {
        type {
          ...F18
        }
      }
      ofType {
        ...F18
      }
    }

    fragment F18 on __Type {
      fields {
        type {
          ...F19
        }
      }
      ofType {
        ...F19
      }
    }

    fragment F19 on __Type {
      fields {
        type {
          ...F20
        }
      }
      ofType {
        ...F20
      }
    }

    fragment F20 on __Type {
      fields {
        type {
          ...F21
        }
      }
      ofType {
        ...F21
      }
    }

    fragment F21 on __Type {
      fields {
        type {
          ...F22
        }
      }
      ofType {
        ...F22
      }
    }

    fragment F22 on __Type {
      fields {
        type {
          ...F23
        }
      }
      ofType {
        ...F23
      }
    }

    fragment F23 on __Type {
      fields {
        type {
          ...F24
        }
      }
      ofType {
        ...F24
      }
    }

    fragment F24 on __Type {
      fields {
        type {
          ...F25
        }
      }
      ofType {
        ...F25
      }
    }

    fragment F25 on __Type {
      fields {
        type {
          name
        }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15): the fragment memos of
// 16.15 (a fragment is checked again only when entered deeper than before, a fragment that
// reached the limit does so again for every root), the fields are counted by name whatever
// their parent type (an alias does not count), and a reported root is not walked again.

TEST(MaxIntrospectionDepthRule, ACycleThroughAListFieldReachesTheLimit) {
  expect_errors(max_introspection_depth, R"(
    {
      __schema {
        types {
          ...Cycle
        }
      }
    }
    fragment Cycle on __Type {
      fields { type { ...Cycle } }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

TEST(MaxIntrospectionDepthRule, AFragmentCheckedShallowIsCheckedAgainDeeper) {
  expect_errors(max_introspection_depth, R"(
    {
      __schema {
        types {
          ...Two
          fields { type { ...Two } }
        }
      }
    }
    fragment Two on __Type {
      fields { type { interfaces { name } } }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}}});
}

TEST(MaxIntrospectionDepthRule, AFragmentCheckedDeepIsNotCheckedAgainShallower) {
  expect_valid(max_introspection_depth, R"(
    {
      __schema {
        types {
          fields { type { ...One } }
          ...One
        }
      }
    }
    fragment One on __Type {
      fields { name }
    }
    )");
}

TEST(MaxIntrospectionDepthRule, AFragmentThatExceededIsReportedForEveryRoot) {
  expect_errors(max_introspection_depth, R"(
    {
      a: __schema { types { ...Deep } }
      b: __type(name: "Dog") { ...Deep }
      c: __type(name: "Dog") { name }
    }
    fragment Deep on __Type {
      fields { type { fields { type { fields { name } } } } }
    }
    )",
                {{"Maximum introspection depth exceeded", {{3, 7}}},
                 {"Maximum introspection depth exceeded", {{4, 7}}}});
}

TEST(MaxIntrospectionDepthRule, CountsIntrospectionFieldsByNameUnderAnyParentAndStopsAtTheReport) {
  expect_errors(max_introspection_depth, R"(
    {
      dog {
        __type(name: "Dog") { fields { type { interfaces { possibleTypes { name } } } } }
      }
      __schema {
        types { fields { type { interfaces {
          __type(name: "Dog") { fields { interfaces { possibleTypes { name } } } }
        } } } }
      }
    }
    )",
                {{"Maximum introspection depth exceeded", {{4, 9}}},
                 {"Maximum introspection depth exceeded", {{6, 7}}}});
}

TEST(MaxIntrospectionDepthRule, AliasesDoNotCount) {
  expect_valid(max_introspection_depth, R"(
    {
      __schema {
        types {
          fields: name
          interfaces: kind
          possibleTypes { inputFields: name }
        }
      }
    }
    )");
}

}  // namespace
}  // namespace chat::graphql::rules
