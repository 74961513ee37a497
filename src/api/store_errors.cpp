#include "api/store_errors.hpp"

#include "api/arguments.hpp"
#include "observability/logger.hpp"

namespace chat::api {

graphql::field_error field_error_for(const ports::store_error& error,
                                     std::string_view correlation_id) {
  switch (error.code) {
    case ports::store_errc::duplicate_email:
      return bad_request("email", "Email already exists");
    case ports::store_errc::duplicate_fullname:
      return bad_request("fullname", "FullName already exists");
    case ports::store_errc::duplicate_room_name:
      return bad_request("name", "Chatroom with this name already exists");
    case ports::store_errc::not_found:
      return graphql::field_error{"Not found", std::string(graphql::error_code::not_found), {}};
    case ports::store_errc::unavailable:
    case ports::store_errc::schema_too_new:
      break;
  }
  obs::log(obs::log_level::error, "store", "store failure", correlation_id,
           {{"code", ports::name_of(error.code)}, {"error", error.detail}});
  return graphql::field_error{"The service is temporarily unavailable. Please try again later.",
                              std::string(graphql::error_code::internal),
                              {}};
}

}  // namespace chat::api
