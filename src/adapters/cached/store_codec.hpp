#pragma once
/// The bytes a cached store value is kept as (CACHE-1): compact JSON of the domain
/// values. A value that does not decode (a cache written by another version) is a miss.
/// Users are kept without their password hash (AUTH-7: hashes never leave the database;
/// the login lookup is never cached).
///
/// Thread-safety: pure functions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/message.hpp"
#include "domain/room.hpp"
#include "domain/user.hpp"

namespace chat::adapters::codec {

std::string encode(const domain::room& room);
std::string encode(const std::vector<domain::room>& rooms);
std::string encode_ids(const std::vector<std::int64_t>& ids);
std::string encode(const domain::user& user);
std::string encode(const std::vector<domain::user>& users);
std::string encode(const domain::message_page& page);
std::string encode(std::int64_t number);

std::optional<domain::room> decode_room(std::string_view bytes);
std::optional<std::vector<domain::room>> decode_rooms(std::string_view bytes);
std::optional<std::vector<std::int64_t>> decode_ids(std::string_view bytes);
std::optional<domain::user> decode_user(std::string_view bytes);
std::optional<std::vector<domain::user>> decode_users(std::string_view bytes);
std::optional<domain::message_page> decode_page(std::string_view bytes);
std::optional<std::int64_t> decode_number(std::string_view bytes);

}  // namespace chat::adapters::codec
