#pragma once
/// Chatrooms and memberships (SPEC ROOM-1..5): values only, no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/ids.hpp"

namespace chat::domain {

enum class room_access : std::uint8_t { private_room, public_room };

/// `PUBLIC` / `PRIVATE`, the contract's `ChatroomAccess` names.
constexpr std::string_view name_of(room_access access) noexcept {
  return access == room_access::public_room ? "PUBLIC" : "PRIVATE";
}

struct room {
  room_id id = 0;
  std::string name;  // 1–100 characters, unique
  room_access access = room_access::private_room;
  std::optional<user_id> admin_id;  // null once the admin's account is gone
  std::optional<std::string> description;
  std::optional<std::string> color_hex;  // `#RRGGBB`
  std::optional<std::string> image;
  timestamp created_at{};
  timestamp updated_at{};
};

/// What `createChatroom` stores; the store assigns the id and the times.
struct new_room {
  std::string name;
  room_access access = room_access::private_room;
  user_id admin_id = 0;  // becomes a member too
  std::optional<std::string> description;
  std::optional<std::string> color_hex;
  std::optional<std::string> image;
};

/// `updateChatroom` (ROOM-5): only the members set here change. An empty optional
/// keeps the value; `clear_*` sets it to null.
struct room_patch {
  std::optional<std::string> name;
  std::optional<room_access> access;
  std::optional<std::string> description;
  std::optional<std::string> color_hex;
  std::optional<std::string> image;
  bool clear_description = false;
  bool clear_color_hex = false;
  bool clear_image = false;
};

struct membership {
  room_id room = 0;
  user_id user = 0;
  timestamp joined_at{};
};

}  // namespace chat::domain
