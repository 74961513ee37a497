#include "adapters/cached/store_codec.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace chat::adapters::codec {

namespace json = boost::json;

namespace {

std::int64_t millis(domain::timestamp t) {
  return t.time_since_epoch().count();
}
domain::timestamp at(std::int64_t ms) {
  return domain::timestamp(std::chrono::milliseconds(ms));
}

json::value optional_text(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

/// Reads members strictly: a missing or mistyped member makes the whole value a miss.
struct reader {
  const json::object* o;
  bool ok = true;

  std::int64_t number(std::string_view key) {
    const auto* v = o->if_contains(key);
    if (v == nullptr || !v->is_int64()) {
      ok = false;
      return 0;
    }
    return v->get_int64();
  }
  std::string text(std::string_view key) {
    const auto* v = o->if_contains(key);
    if (v == nullptr || !v->is_string()) {
      ok = false;
      return {};
    }
    return std::string(v->get_string());
  }
  std::optional<std::string> optional_text(std::string_view key) {
    const auto* v = o->if_contains(key);
    if (v == nullptr) {
      ok = false;
      return std::nullopt;
    }
    if (v->is_null()) return std::nullopt;
    if (!v->is_string()) {
      ok = false;
      return std::nullopt;
    }
    return std::string(v->get_string());
  }
};

json::object user_object(const domain::user& u) {
  json::object o;
  o["i"] = u.id;
  o["e"] = u.email;
  o["f"] = u.fullname;
  o["a"] = optional_text(u.avatar_url);
  o["c"] = millis(u.created_at);
  o["u"] = millis(u.updated_at);
  return o;
}

std::optional<domain::user> user_from(const json::value& v) {
  if (!v.is_object()) return std::nullopt;
  reader r{&v.get_object()};
  domain::user u;
  u.id = r.number("i");
  u.email = r.text("e");
  u.fullname = r.text("f");
  u.avatar_url = r.optional_text("a");
  u.created_at = at(r.number("c"));
  u.updated_at = at(r.number("u"));
  if (!r.ok) return std::nullopt;
  return u;
}

std::optional<json::value> parse(std::string_view bytes) {
  boost::system::error_code ec;
  auto v = json::parse(bytes, ec);
  if (ec) return std::nullopt;
  return v;
}

}  // namespace

namespace {
json::object room_object(const domain::room& room);
std::optional<domain::room> room_from(const json::value& v);
}  // namespace

std::string encode(const domain::room& room) {
  return json::serialize(room_object(room));
}

std::optional<domain::room> decode_room(std::string_view bytes) {
  auto v = parse(bytes);
  if (!v) return std::nullopt;
  return room_from(*v);
}

std::string encode(const std::vector<domain::room>& rooms) {
  json::array a;
  a.reserve(rooms.size());
  for (const auto& r : rooms)
    a.push_back(room_object(r));
  return json::serialize(a);
}

std::optional<std::vector<domain::room>> decode_rooms(std::string_view bytes) {
  auto v = parse(bytes);
  if (!v || !v->is_array()) return std::nullopt;
  std::vector<domain::room> out;
  out.reserve(v->get_array().size());
  for (const auto& item : v->get_array()) {
    auto r = room_from(item);
    if (!r) return std::nullopt;
    out.push_back(std::move(*r));
  }
  return out;
}

std::string encode_ids(const std::vector<std::int64_t>& ids) {
  json::array a;
  a.reserve(ids.size());
  for (const auto id : ids)
    a.push_back(id);
  return json::serialize(a);
}

std::optional<std::vector<std::int64_t>> decode_ids(std::string_view bytes) {
  auto v = parse(bytes);
  if (!v || !v->is_array()) return std::nullopt;
  std::vector<std::int64_t> out;
  for (const auto& item : v->get_array()) {
    if (!item.is_int64()) return std::nullopt;
    out.push_back(item.get_int64());
  }
  return out;
}

namespace {

json::object room_object(const domain::room& room) {
  json::object o;
  o["i"] = room.id;
  o["n"] = room.name;
  o["p"] = room.access == domain::room_access::public_room;
  o["a"] = room.admin_id ? json::value(*room.admin_id) : json::value(nullptr);
  o["d"] = optional_text(room.description);
  o["h"] = optional_text(room.color_hex);
  o["m"] = optional_text(room.image);
  o["c"] = millis(room.created_at);
  o["u"] = millis(room.updated_at);
  return o;
}

std::optional<domain::room> room_from(const json::value& value) {
  const json::value* v = &value;
  if (!v->is_object()) return std::nullopt;
  const auto& o = v->get_object();
  reader r{&o};
  domain::room room;
  room.id = r.number("i");
  room.name = r.text("n");
  const auto* p = o.if_contains("p");
  if (p == nullptr || !p->is_bool()) return std::nullopt;
  room.access =
      p->get_bool() ? domain::room_access::public_room : domain::room_access::private_room;
  const auto* admin = o.if_contains("a");
  if (admin == nullptr || !(admin->is_null() || admin->is_int64())) return std::nullopt;
  if (admin->is_int64()) room.admin_id = admin->get_int64();
  room.description = r.optional_text("d");
  room.color_hex = r.optional_text("h");
  room.image = r.optional_text("m");
  room.created_at = at(r.number("c"));
  room.updated_at = at(r.number("u"));
  if (!r.ok) return std::nullopt;
  return room;
}

}  // namespace

std::string encode(const domain::user& user) {
  return json::serialize(user_object(user));
}

std::optional<domain::user> decode_user(std::string_view bytes) {
  auto v = parse(bytes);
  if (!v) return std::nullopt;
  return user_from(*v);
}

std::string encode(const std::vector<domain::user>& users) {
  json::array a;
  a.reserve(users.size());
  for (const auto& u : users)
    a.push_back(user_object(u));
  return json::serialize(a);
}

std::optional<std::vector<domain::user>> decode_users(std::string_view bytes) {
  auto v = parse(bytes);
  if (!v || !v->is_array()) return std::nullopt;
  std::vector<domain::user> out;
  out.reserve(v->get_array().size());
  for (const auto& item : v->get_array()) {
    auto u = user_from(item);
    if (!u) return std::nullopt;
    out.push_back(std::move(*u));
  }
  return out;
}

std::string encode(const domain::message_page& page) {
  json::array messages;
  messages.reserve(page.messages.size());
  for (const auto& m : page.messages) {
    json::object o;
    o["i"] = m.id;
    o["r"] = m.room;
    o["a"] = m.author;
    o["t"] = m.content;
    o["m"] = optional_text(m.image_url);
    o["c"] = millis(m.created_at);
    o["u"] = millis(m.updated_at);
    messages.push_back(std::move(o));
  }
  json::object out;
  out["m"] = std::move(messages);
  out["o"] = page.has_older;
  return json::serialize(out);
}

std::optional<domain::message_page> decode_page(std::string_view bytes) {
  auto v = parse(bytes);
  if (!v || !v->is_object()) return std::nullopt;
  const auto& o = v->get_object();
  const auto* messages = o.if_contains("m");
  const auto* older = o.if_contains("o");
  if (messages == nullptr || !messages->is_array() || older == nullptr || !older->is_bool()) {
    return std::nullopt;
  }
  domain::message_page page;
  page.has_older = older->get_bool();
  for (const auto& item : messages->get_array()) {
    if (!item.is_object()) return std::nullopt;
    reader r{&item.get_object()};
    domain::message m;
    m.id = r.number("i");
    m.room = r.number("r");
    m.author = r.number("a");
    m.content = r.text("t");
    m.image_url = r.optional_text("m");
    m.created_at = at(r.number("c"));
    m.updated_at = at(r.number("u"));
    if (!r.ok) return std::nullopt;
    page.messages.push_back(std::move(m));
  }
  return page;
}

std::string encode(std::int64_t number) {
  return std::to_string(number);
}

std::optional<std::int64_t> decode_number(std::string_view bytes) {
  if (bytes.empty() || bytes.size() > 20) return std::nullopt;
  std::int64_t n = 0;
  bool negative = false;
  std::size_t i = 0;
  if (bytes[0] == '-') {
    negative = true;
    i = 1;
  }
  if (i == bytes.size()) return std::nullopt;
  for (; i < bytes.size(); ++i) {
    if (bytes[i] < '0' || bytes[i] > '9') return std::nullopt;
    n = n * 10 + (bytes[i] - '0');
  }
  return negative ? -n : n;
}

}  // namespace chat::adapters::codec
