// The bytes cached values are kept as (CACHE-1): round trips, and anything else a miss.
#include "adapters/cached/store_codec.hpp"

#include <gtest/gtest.h>

namespace chat::adapters::codec {
namespace {

domain::timestamp at(std::int64_t ms) {
  return domain::timestamp(std::chrono::milliseconds(ms));
}

TEST(StoreCodec, ARoomRoundTripsWithEveryOptionalMember) {
  domain::room room;
  room.id = 42;
  room.name = "Boca \"Juniors\" ⚽";
  room.access = domain::room_access::public_room;
  room.admin_id = 7;
  room.description = "La Bombonera";
  room.color_hex = "#0000ff";
  room.created_at = at(1'700'000'000'123);
  room.updated_at = at(1'700'000'000'456);
  const auto back = decode_room(encode(room));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->id, 42);
  EXPECT_EQ(back->name, room.name);
  EXPECT_EQ(back->access, domain::room_access::public_room);
  EXPECT_EQ(back->admin_id, 7);
  EXPECT_EQ(back->description, room.description);
  EXPECT_EQ(back->color_hex, room.color_hex);
  EXPECT_EQ(back->image, std::nullopt);
  EXPECT_EQ(back->created_at, room.created_at);
  EXPECT_EQ(back->updated_at, room.updated_at);
  room.admin_id.reset();
  EXPECT_EQ(decode_room(encode(room))->admin_id, std::nullopt);
}

TEST(StoreCodec, AUserIsKeptWithoutItsPasswordHash) {
  domain::user user;
  user.id = 3;
  user.email = "leo@example.com";
  user.fullname = "Leo";
  user.password_hash = "$2b$10$secret";
  user.avatar_url = "/uploads/a.png";
  const std::string bytes = encode(user);
  EXPECT_EQ(bytes.find("$2b$"), std::string::npos);
  const auto back = decode_user(bytes);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->email, user.email);
  EXPECT_EQ(back->avatar_url, user.avatar_url);
  EXPECT_TRUE(back->password_hash.empty());
  const auto list = decode_users(encode(std::vector<domain::user>{user, user}));
  ASSERT_TRUE(list);
  EXPECT_EQ(list->size(), 2U);
}

TEST(StoreCodec, APageRoundTripsInOrder) {
  domain::message_page page;
  page.has_older = true;
  for (int i = 3; i > 0; --i) {
    domain::message m;
    m.id = i;
    m.room = 1;
    m.author = 2;
    m.content = "m" + std::to_string(i);
    if (i == 2) m.image_url = "/uploads/x.gif";
    page.messages.push_back(m);
  }
  const auto back = decode_page(encode(page));
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->has_older);
  ASSERT_EQ(back->messages.size(), 3U);
  EXPECT_EQ(back->messages[0].id, 3);
  EXPECT_EQ(back->messages[1].image_url, "/uploads/x.gif");
  EXPECT_EQ(back->messages[2].content, "m1");
}

TEST(StoreCodec, AnythingElseIsAMiss) {
  for (const char* bad : {"", "{", "[]", "null", R"({"i":"1"})", R"({"m":[{"i":1}],"o":true})"}) {
    EXPECT_FALSE(decode_room(bad)) << bad;
    EXPECT_FALSE(decode_user(bad)) << bad;
    EXPECT_FALSE(decode_page(bad)) << bad;
  }
  EXPECT_EQ(decode_number("-12"), -12);
  EXPECT_FALSE(decode_number("1x"));
  EXPECT_FALSE(decode_number(""));
}

}  // namespace
}  // namespace chat::adapters::codec

namespace chat::adapters::codec {
namespace {

TEST(StoreCodec, RoomListsAndIdListsRoundTrip) {
  domain::room a;
  a.id = 1;
  a.name = "a";
  domain::room b = a;
  b.id = 2;
  b.name = "b";
  b.access = domain::room_access::public_room;
  const auto rooms = decode_rooms(encode(std::vector<domain::room>{a, b}));
  ASSERT_TRUE(rooms);
  ASSERT_EQ(rooms->size(), 2U);
  EXPECT_EQ((*rooms)[1].name, "b");
  EXPECT_EQ((*rooms)[1].access, domain::room_access::public_room);
  EXPECT_EQ(decode_ids(encode_ids({3, 1, 2})), (std::vector<std::int64_t>{3, 1, 2}));
  EXPECT_FALSE(decode_ids(R"(["1"])"));
  EXPECT_FALSE(decode_rooms(R"([{"i":1}])"));
}

}  // namespace
}  // namespace chat::adapters::codec
