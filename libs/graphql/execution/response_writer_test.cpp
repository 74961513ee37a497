// Response writing (spec 7.1.2, SPEC ERR-1).

#include "graphql/execution/response_writer.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <limits>

namespace chat::graphql {
namespace {

TEST(JsonWriter, WritesNestedContainersWithCommasInTheRightPlaces) {
  std::string out;
  json_writer w(out);
  w.begin_object();
  w.key("a");
  w.begin_array();
  w.integer(1);
  w.number(2.5);
  w.boolean(true);
  w.null();
  w.begin_object();
  w.end_object();
  w.end_array();
  w.key("b\"");
  w.string("x\ny");
  w.key("c");
  w.raw(R"({"k":[]})");
  w.end_object();
  EXPECT_EQ(out, R"({"a":[1,2.5,true,null,{}],"b\"":"x\ny","c":{"k":[]}})");
  EXPECT_NO_THROW(boost::json::parse(out));
}

TEST(JsonWriter, WritesNonFiniteNumbersAsNull) {
  std::string out;
  json_writer w(out);
  w.begin_array();
  w.number(std::numeric_limits<double>::infinity());
  w.number(std::numeric_limits<double>::quiet_NaN());
  w.number(-0.0);
  w.number(1e21);
  w.end_array();
  EXPECT_EQ(out, "[null,null,-0,1e+21]");
}

TEST(WriteErrors, Err1WritesMessageLocationsPathAndExtensions) {
  graphql_error error;
  error.message = "Cannot query field \"x\" on type \"Query\".";
  error.locations = {{1, 3}, {2, 5}};
  error.path = {std::string("a"), std::int64_t{0}, std::string("b")};
  error.code = "GRAPHQL_VALIDATION_FAILED";
  const std::vector<graphql_error> errors{error};
  EXPECT_EQ(
      errors_document(errors, "2025-11-10T20:00:00.000Z"),
      R"({"errors":[{"message":"Cannot query field \"x\" on type \"Query\".",)"
      R"("locations":[{"line":1,"column":3},{"line":2,"column":5}],)"
      R"("path":["a",0,"b"],)"
      R"("extensions":{"code":"GRAPHQL_VALIDATION_FAILED","timestamp":"2025-11-10T20:00:00.000Z"}}]})");
}

TEST(WriteErrors, Err1AddsExtraExtensionMembersInsideExtensions) {
  graphql_error error;
  error.message = "Too many requests. Please try again later.";
  error.code = "TOO_MANY_REQUESTS";
  error.extra_extensions = R"("retryAfter":3)";
  const std::vector<graphql_error> errors{error};
  const auto doc = boost::json::parse(errors_document(errors, "t"));
  const auto& extensions = doc.at("errors").at(0).at("extensions");
  EXPECT_EQ(extensions.at("retryAfter"), 3);
  EXPECT_EQ(extensions.at("code"), "TOO_MANY_REQUESTS");
  EXPECT_EQ(doc.at("errors").at(0).as_object().count("locations"), 0U);
}

}  // namespace
}  // namespace chat::graphql
