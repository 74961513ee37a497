// SPEC GQL-3: the DateTime and Upload scalars, alone and through execution.
#include "graphql/type/custom_scalars.hpp"

#include <gtest/gtest.h>

#include "graphql/execution/execution_test_support.hpp"

namespace chat::graphql {
namespace {

using json = boost::json::value;

TEST(DateTimeTest, ParsesRfc3339InUtcAndWithOffsets) {
  EXPECT_EQ(parse_date_time("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_date_time("1970-01-01T00:00:00.001Z"), 1);
  EXPECT_EQ(parse_date_time("2025-11-10T20:00:00.000Z"), 1'762'804'800'000);
  EXPECT_EQ(parse_date_time("2025-11-10T21:00:00+01:00"), 1'762'804'800'000);
  EXPECT_EQ(parse_date_time("2025-11-10T15:30:00-04:30"), 1'762'804'800'000);
  EXPECT_EQ(parse_date_time("2025-11-10t20:00:00z"), 1'762'804'800'000);
  // Fractions beyond milliseconds are truncated; shorter ones scaled.
  EXPECT_EQ(parse_date_time("1970-01-01T00:00:00.123987Z"), 123);
  EXPECT_EQ(parse_date_time("1970-01-01T00:00:00.5Z"), 500);
  EXPECT_EQ(parse_date_time("1969-12-31T23:59:59.999Z"), -1);
  EXPECT_EQ(parse_date_time("2024-02-29T00:00:00Z"), 1'709'164'800'000);
}

TEST(DateTimeTest, RefusesWhatIsNotAnRfc3339DateTime) {
  for (const char* bad :
       {"", "2025", "2025-11-10", "2025-11-10T20:00:00", "2025-11-10 20:00:00Z",
        "2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-11-31T00:00:00Z",
        "2025-11-10T24:00:00Z", "2025-11-10T20:60:00Z", "2025-11-10T20:00:60Z",
        "2025-11-10T20:00:00.Z", "2025-11-10T20:00:00+0100", "2025-11-10T20:00:00+24:00",
        "2025-11-10T20:00:00Zjunk", "+02025-11-10T20:00:00Z", "2025-1-10T20:00:00Z",
        "x025-11-10T20:00:00Z"}) {
    EXPECT_FALSE(parse_date_time(bad)) << bad;
  }
}

TEST(DateTimeTest, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(format_date_time(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_date_time(1'762'804'800'007), "2025-11-10T20:00:00.007Z");
  EXPECT_EQ(format_date_time(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(format_date_time(-62'167'219'200'000), "0000-01-01T00:00:00.000Z");
  EXPECT_EQ(format_date_time(253'402'300'799'999), "9999-12-31T23:59:59.999Z");
  EXPECT_FALSE(format_date_time(253'402'300'800'000));
  EXPECT_FALSE(format_date_time(-62'167'219'200'001));
}

TEST(DateTimeTest, CoercionNormalisesInputsAndResults) {
  const auto c = date_time_coercion();
  std::string error;
  EXPECT_EQ(c.parse_value(json("2025-11-10T21:00:00.5+01:00"), error),
            json("2025-11-10T20:00:00.500Z"));
  EXPECT_FALSE(c.parse_value(json("yesterday"), error));
  EXPECT_EQ(error,
            "DateTime cannot represent an invalid date-time string: \"yesterday\" (expected RFC "
            "3339, such as \"2025-11-10T20:00:00.000Z\")");
  EXPECT_FALSE(c.parse_value(json(5), error));
  EXPECT_EQ(error, "DateTime cannot represent a non-string value: 5");

  EXPECT_EQ(c.serialize(json(1'762'804'800'000), error), json("2025-11-10T20:00:00.000Z"));
  EXPECT_EQ(c.serialize(json(1.0), error), json("1970-01-01T00:00:00.001Z"));
  EXPECT_EQ(c.serialize(json("2025-11-10T20:00:00Z"), error), json("2025-11-10T20:00:00.000Z"));
  EXPECT_FALSE(c.serialize(json(1.5), error));
  EXPECT_EQ(error, "DateTime cannot represent value: 1.5");
  EXPECT_FALSE(c.serialize(json(true), error));
  EXPECT_FALSE(c.serialize(boost::json::object{}, error));
}

TEST(UploadTest, AcceptsOnlyReferencesFromTheMultipartLayer) {
  const auto c = upload_coercion();
  std::string error;
  EXPECT_EQ(upload_index(make_upload_reference(3)), 3U);
  EXPECT_EQ(c.parse_value(make_upload_reference(0), error), make_upload_reference(0));
  for (const json& bad :
       {json("file.png"), json(nullptr), json(1), json(boost::json::object{}),
        boost::json::parse(R"({"__upload":-1})"), boost::json::parse(R"({"__upload":0,"x":1})")}) {
    EXPECT_FALSE(c.parse_value(bad, error)) << boost::json::serialize(bad);
    EXPECT_EQ(error, "Upload value invalid.");
  }
}

// Through the executor: results serialise, variables and literals coerce.
constexpr std::string_view k_sdl = R"(
scalar DateTime
scalar Upload
type Query {
  at(when: DateTime): DateTime
  stored: DateTime
  broken: DateTime
  upload(file: Upload): Int
}
)";

struct scalar_fixture {
  std::shared_ptr<const schema> s;
  resolver_map resolvers;
  scalar_fixture() {
    build_options options;
    options.scalars["DateTime"] = date_time_coercion();
    options.scalars["Upload"] = upload_coercion();
    auto built = build_schema(k_sdl, options);
    if (!built.built) throw std::runtime_error("schema");
    s = built.built;
    resolvers.bind("Query.at", [](const value&, const resolve_info& info) {
      const json* when = info.arguments.if_contains("when");
      return value(when != nullptr ? *when : json(nullptr));
    });
    resolvers.bind("Query.stored", [](const value&, const resolve_info&) {
      return value(json(1'762'804'800'000));
    });
    resolvers.bind("Query.broken",
                   [](const value&, const resolve_info&) { return value(json("soon")); });
    resolvers.bind("Query.upload", [](const value&, const resolve_info& info) {
      const json* file = info.arguments.if_contains("file");
      const auto index = file != nullptr ? upload_index(*file) : std::nullopt;
      return value(index ? json(*index) : json(nullptr));
    });
  }
  json run(std::string_view query, boost::json::object variables = {}) {
    testing::run_options options;
    options.resolvers = &resolvers;
    options.variables = std::move(variables);
    return testing::body_json(testing::run(*s, query, std::move(options)));
  }
};

TEST(CustomScalarExecutionTest, DateTimeResultsAreNormalisedOrFieldErrors) {
  scalar_fixture f;
  EXPECT_EQ(f.run(R"({ stored at(when: "2025-11-10T21:00:00+01:00") })"),
            boost::json::parse(R"({"data":{"stored":"2025-11-10T20:00:00.000Z",
                                           "at":"2025-11-10T20:00:00.000Z"}})"));
  const json broken = f.run("{ broken }");
  EXPECT_EQ(broken.at("data"), boost::json::parse(R"({"broken":null})"));
  EXPECT_EQ(broken.at("errors").at(0).at("message"),
            "DateTime cannot represent an invalid date-time string: \"soon\" (expected RFC 3339, "
            "such as \"2025-11-10T20:00:00.000Z\")");
  EXPECT_EQ(broken.at("errors").at(0).at("path"), boost::json::parse(R"(["broken"])"));
}

TEST(CustomScalarExecutionTest, BadDateTimeVariableIsARequestError) {
  scalar_fixture f;
  const json r = f.run("query ($w: DateTime) { at(when: $w) }", {{"w", "tomorrow"}});
  EXPECT_FALSE(r.as_object().contains("data"));
  EXPECT_EQ(r.at("errors").at(0).at("message"),
            "Variable \"$w\" got invalid value \"tomorrow\"; DateTime cannot represent an invalid "
            "date-time string: \"tomorrow\" (expected RFC 3339, such as "
            "\"2025-11-10T20:00:00.000Z\")");
}

TEST(CustomScalarExecutionTest, UploadComesOnlyFromVariables) {
  scalar_fixture f;
  boost::json::object variables;
  variables["f"] = make_upload_reference(0);
  EXPECT_EQ(f.run("query ($f: Upload) { upload(file: $f) }", variables),
            boost::json::parse(R"({"data":{"upload":0}})"));
  const json forged = f.run("query ($f: Upload) { upload(file: $f) }", {{"f", "x.png"}});
  EXPECT_EQ(forged.at("errors").at(0).at("message"),
            "Variable \"$f\" got invalid value \"x.png\"; Upload value invalid.");
}

}  // namespace
}  // namespace chat::graphql
