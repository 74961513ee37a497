#pragma once
/// Messages (SPEC MSG-1, MSG-2): values only, no I/O.

#include <optional>
#include <string>
#include <vector>

#include "domain/ids.hpp"

namespace chat::domain {

struct message {
  message_id id = 0;  // increasing in insertion order; the pagination cursor (MSG-2)
  room_id room = 0;
  user_id author = 0;
  std::string content;
  std::optional<std::string> image_url;
  timestamp created_at{};
  timestamp updated_at{};
};

/// What `sendMessage` stores; the store assigns the id and the times.
struct new_message {
  room_id room = 0;
  user_id author = 0;
  std::string content;
  std::optional<std::string> image_url;
};

/// One page of a room's history (MSG-2): `messages` newest first, all older than the
/// cursor; `has_older` says whether older messages exist beyond the page.
struct message_page {
  std::vector<message> messages;
  bool has_older = false;
};

}  // namespace chat::domain
