// SPEC GQL-3: ids typed `Float` by the contract must be whole numbers; ERR-1's
// BAD_REQUEST shape names the argument.
#include "api/arguments.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace chat::api {
namespace {

boost::json::object args(std::string_view json) {
  return boost::json::parse(json).as_object();
}

TEST(ArgumentsTest, Gql3WholeFloatIdsAreIds) {
  EXPECT_EQ(std::get<std::int64_t>(id_argument(args(R"({"chatroomId":7})"), "chatroomId")), 7);
  EXPECT_EQ(std::get<std::int64_t>(id_argument(args(R"({"chatroomId":7.0})"), "chatroomId")), 7);
  EXPECT_EQ(std::get<std::int64_t>(id_argument(args(R"({"id":9007199254740991})"), "id")),
            9007199254740991);
}

TEST(ArgumentsTest, Gql3FractionsAndHugeNumbersAreBadRequest) {
  for (const char* json :
       {R"({"chatroomId":1.5})", R"({"chatroomId":1e300})", R"({"chatroomId":9007199254740993.0})",
        R"({"chatroomId":null})", R"({})", R"({"chatroomId":"7"})"}) {
    const auto result = id_argument(args(json), "chatroomId");
    ASSERT_TRUE(std::holds_alternative<graphql::field_error>(result)) << json;
    const auto& error = std::get<graphql::field_error>(result);
    EXPECT_EQ(error.code, "BAD_REQUEST") << json;
    const auto extensions = boost::json::parse("{" + error.extra_extensions + "}");
    EXPECT_EQ(extensions.at("errors").at("chatroomId"), boost::json::value(error.message)) << json;
  }
  EXPECT_EQ(std::get<graphql::field_error>(id_argument(args(R"({"chatroomId":1.5})"), "chatroomId"))
                .message,
            "chatroomId must be a whole number");
}

TEST(ArgumentsTest, Gql3IdListsHoldWholeNumbersOnly) {
  EXPECT_EQ(std::get<std::vector<std::int64_t>>(
                id_list_argument(args(R"({"userIds":[3,1.0,2]})"), "userIds")),
            (std::vector<std::int64_t>{3, 1, 2}));
  const auto bad = id_list_argument(args(R"({"userIds":[3,1.5]})"), "userIds");
  ASSERT_TRUE(std::holds_alternative<graphql::field_error>(bad));
  EXPECT_EQ(std::get<graphql::field_error>(bad).message, "userIds must hold whole numbers only");
}

TEST(ArgumentsTest, Err1BadRequestEscapesTheFieldAndMessage) {
  const auto error = bad_request("na\"me", "say \"hi\"");
  EXPECT_EQ(boost::json::parse("{" + error.extra_extensions + "}"),
            boost::json::parse(R"({"errors":{"na\"me":"say \"hi\""}})"));
}

}  // namespace
}  // namespace chat::api
