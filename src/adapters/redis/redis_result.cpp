#include "adapters/redis/redis_result.hpp"

namespace chat::adapters::redis {

std::string_view name_of(redis_errc code) noexcept {
  switch (code) {
    case redis_errc::unavailable:
      return "unavailable";
    case redis_errc::timeout:
      return "timeout";
    case redis_errc::reply_error:
      return "reply_error";
  }
  return "unknown";
}

}  // namespace chat::adapters::redis
