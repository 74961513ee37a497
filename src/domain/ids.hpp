#pragma once
/// Identifiers and time in chat vocabulary. Ids are database-assigned 64-bit integers
/// (the contract's `Int` ids; SPEC GQL-3 integral `Float` ids convert to them). Times
/// are UTC milliseconds since the Unix epoch, as `DateTime` writes them (GQL-3).

#include <chrono>
#include <cstdint>

namespace chat::domain {

using user_id = std::int64_t;
using room_id = std::int64_t;
using message_id = std::int64_t;

using timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

/// The current time, truncated to milliseconds (what the store keeps).
inline timestamp now() noexcept {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace chat::domain
