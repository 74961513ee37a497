#include "ports/store.hpp"

namespace chat::ports {

std::string_view name_of(store_errc code) noexcept {
  switch (code) {
    case store_errc::unavailable:
      return "unavailable";
    case store_errc::duplicate_email:
      return "duplicate_email";
    case store_errc::duplicate_fullname:
      return "duplicate_fullname";
    case store_errc::duplicate_room_name:
      return "duplicate_room_name";
    case store_errc::not_found:
      return "not_found";
    case store_errc::schema_too_new:
      return "schema_too_new";
  }
  return "unknown";
}

}  // namespace chat::ports
