// ERR-1/ERR-3, AUTH-1, ROOM-1: store failures as the contract's field errors.
#include "api/store_errors.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace chat::api {
namespace {

using ports::store_errc;
using ports::store_error;

boost::json::value extensions(const graphql::field_error& e) {
  return boost::json::parse("{" + e.extra_extensions + "}");
}

TEST(StoreErrors, Auth1DuplicatesAreBadRequestsNamingTheField) {
  const auto email = field_error_for(store_error{store_errc::duplicate_email, "23505 users_email"});
  EXPECT_EQ(email.code, "BAD_REQUEST");
  EXPECT_EQ(email.message, "Email already exists");
  EXPECT_EQ(extensions(email),
            boost::json::parse(R"({"errors":{"email":"Email already exists"}})"));
  const auto name = field_error_for(store_error{store_errc::duplicate_fullname, ""});
  EXPECT_EQ(name.message, "FullName already exists");
  EXPECT_EQ(extensions(name).at("errors").at("fullname"), "FullName already exists");
}

TEST(StoreErrors, Room1DuplicateNameIsABadRequest) {
  const auto room = field_error_for(store_error{store_errc::duplicate_room_name, ""});
  EXPECT_EQ(room.code, "BAD_REQUEST");
  EXPECT_EQ(room.message, "Chatroom with this name already exists");
}

TEST(StoreErrors, Err3OutagesNeverCarryTheDetail) {
  const std::string secret = "could not connect to server at 10.0.0.5: password authentication";
  for (const auto code : {store_errc::unavailable, store_errc::schema_too_new}) {
    const auto e = field_error_for(store_error{code, secret}, "corr-1");
    EXPECT_EQ(e.code, "INTERNAL_SERVER_ERROR");
    EXPECT_EQ(e.message.find("10.0.0.5"), std::string::npos);
    EXPECT_EQ(e.extra_extensions.find("10.0.0.5"), std::string::npos);
  }
  EXPECT_EQ(field_error_for(store_error{store_errc::not_found, "x"}).code, "NOT_FOUND");
}

}  // namespace
}  // namespace chat::api
