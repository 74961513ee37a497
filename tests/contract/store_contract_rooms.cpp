// The store port's contract: rooms, memberships and room search (ROOM-1..5, GQL-6). Every case runs
// against every adapter (store_contract_*_test.cpp instantiate them); see store_contract.hpp.
#include <set>

#include "store_contract_helpers.hpp"

namespace chat::contract {
namespace {

// ============================== rooms (ROOM-1, ROOM-3, ROOM-5) ==============================

TEST_P(StoreContract, Room1CreateRoomMakesTheAdminAndTheGivenUsersMembers) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto outsider = make_user("Outsider");
  const auto r = must(store().create_room(domain::new_room{.name = "Boca Juniors",
                                                           .access = room_access::private_room,
                                                           .admin_id = admin.id,
                                                           .description = "Xeneize",
                                                           .color_hex = "#0033AA",
                                                           .image = "http://x/boca.png"},
                                          {b.id, admin.id, c.id}));
  EXPECT_GT(r.id, 0);
  EXPECT_EQ(r.name, "Boca Juniors");
  EXPECT_EQ(r.access, room_access::private_room);
  EXPECT_EQ(r.admin_id, std::optional<user_id>(admin.id));
  EXPECT_EQ(r.description, std::optional<std::string>("Xeneize"));
  EXPECT_EQ(r.color_hex, std::optional<std::string>("#0033AA"));
  EXPECT_EQ(r.image, std::optional<std::string>("http://x/boca.png"));
  EXPECT_TRUE(is_recent(r.created_at));
  EXPECT_GE(r.updated_at, r.created_at);

  const auto found = must(store().find_room(r.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, r.name);
  EXPECT_EQ(found->access, r.access);
  EXPECT_EQ(found->admin_id, r.admin_id);
  EXPECT_EQ(found->description, r.description);
  EXPECT_EQ(found->color_hex, r.color_hex);
  EXPECT_EQ(found->image, r.image);
  EXPECT_EQ(found->created_at, r.created_at);

  EXPECT_EQ(sorted(ids_of(must(store().room_members(r.id)))), sorted({admin.id, b.id, c.id}));
  EXPECT_TRUE(must(store().is_member(r.id, admin.id)));
  EXPECT_TRUE(must(store().is_member(r.id, c.id)));
  EXPECT_FALSE(must(store().is_member(r.id, outsider.id)));
  EXPECT_EQ(must(store().member_counts({r.id})), (std::vector<std::int64_t>{3}));

  const auto bare = make_room("Bare", admin.id, room_access::public_room);
  EXPECT_EQ(bare.access, room_access::public_room);
  EXPECT_EQ(bare.description, std::nullopt);
  EXPECT_EQ(bare.color_hex, std::nullopt);
  EXPECT_EQ(bare.image, std::nullopt);
  EXPECT_EQ(ids_of(must(store().room_members(bare.id))), (std::vector<user_id>{admin.id}));
  EXPECT_EQ(must(store().find_room(k_unknown_room)), std::nullopt);
}

TEST_P(StoreContract, Room1CreateRoomWithAnUnknownMemberIsNotFoundAndCreatesNothing) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  EXPECT_TRUE(
      fails_with(await(store().create_room(room_spec("River", admin.id), {b.id, k_unknown_user})),
                 store_errc::not_found));
  EXPECT_TRUE(must(store().rooms_of_user(admin.id)).empty());
  EXPECT_TRUE(must(store().rooms_of_user(b.id)).empty());
  EXPECT_EQ(must(store().search_rooms("River", admin.id, 50)).total, 0);
  // The name was not taken either.
  const auto r = make_room("River", admin.id);
  EXPECT_EQ(r.name, "River");
}

TEST_P(StoreContract, Room1DuplicateRoomNameIsRefused) {
  const auto admin = make_user("Admin");
  const auto other = make_user("Other");
  make_room("Boca", admin.id);
  EXPECT_TRUE(fails_with(await(store().create_room(room_spec("Boca", other.id), {})),
                         store_errc::duplicate_room_name));
  EXPECT_TRUE(must(store().rooms_of_user(other.id)).empty());
}

TEST_P(StoreContract, Room5UpdateRoomChangesOnlyThePatchedFields) {
  const auto admin = make_user("Admin");
  const auto r = must(store().create_room(domain::new_room{.name = "Boca",
                                                           .access = room_access::private_room,
                                                           .admin_id = admin.id,
                                                           .description = "Xeneize",
                                                           .color_hex = "#0033AA",
                                                           .image = "http://x/boca.png"},
                                          {}));
  tick();
  const auto renamed = must(store().update_room(r.id, patch([](auto& p) { p.name = "Boca Jrs"; })));
  EXPECT_EQ(renamed.id, r.id);
  EXPECT_EQ(renamed.name, "Boca Jrs");
  EXPECT_EQ(renamed.access, room_access::private_room);
  EXPECT_EQ(renamed.admin_id, std::optional<user_id>(admin.id));
  EXPECT_EQ(renamed.description, std::optional<std::string>("Xeneize"));
  EXPECT_EQ(renamed.color_hex, std::optional<std::string>("#0033AA"));
  EXPECT_EQ(renamed.image, std::optional<std::string>("http://x/boca.png"));
  EXPECT_EQ(renamed.created_at, r.created_at);
  EXPECT_GT(renamed.updated_at, r.updated_at);

  const auto patched = must(store().update_room(r.id, patch([](auto& p) {
                                                  p.access = room_access::public_room;
                                                  p.description = "La Bombonera";
                                                  p.color_hex = "#FFCC00";
                                                  p.image = "http://x/new.png";
                                                })));
  EXPECT_EQ(patched.name, "Boca Jrs");
  EXPECT_EQ(patched.access, room_access::public_room);
  EXPECT_EQ(patched.description, std::optional<std::string>("La Bombonera"));
  EXPECT_EQ(patched.color_hex, std::optional<std::string>("#FFCC00"));
  EXPECT_EQ(patched.image, std::optional<std::string>("http://x/new.png"));

  const auto unchanged = must(store().update_room(r.id, domain::room_patch()));
  EXPECT_EQ(unchanged.name, "Boca Jrs");
  EXPECT_EQ(unchanged.description, std::optional<std::string>("La Bombonera"));

  const auto found = must(store().find_room(r.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, "Boca Jrs");
  EXPECT_EQ(found->access, room_access::public_room);
  EXPECT_EQ(found->description, std::optional<std::string>("La Bombonera"));
  EXPECT_EQ(found->color_hex, std::optional<std::string>("#FFCC00"));
  EXPECT_EQ(found->image, std::optional<std::string>("http://x/new.png"));
}

TEST_P(StoreContract, Room5UpdateRoomClearsOptionalFieldsOnRequest) {
  const auto admin = make_user("Admin");
  const auto r = must(store().create_room(domain::new_room{.name = "Boca",
                                                           .admin_id = admin.id,
                                                           .description = "Xeneize",
                                                           .color_hex = "#0033AA",
                                                           .image = "http://x/boca.png"},
                                          {}));
  const auto cleared_one =
      must(store().update_room(r.id, patch([](auto& p) { p.clear_description = true; })));
  EXPECT_EQ(cleared_one.description, std::nullopt);
  EXPECT_EQ(cleared_one.color_hex, std::optional<std::string>("#0033AA"));
  EXPECT_EQ(cleared_one.image, std::optional<std::string>("http://x/boca.png"));

  const auto cleared_all = must(store().update_room(r.id, patch([](auto& p) {
                                                      p.clear_color_hex = true;
                                                      p.clear_image = true;
                                                    })));
  EXPECT_EQ(cleared_all.description, std::nullopt);
  EXPECT_EQ(cleared_all.color_hex, std::nullopt);
  EXPECT_EQ(cleared_all.image, std::nullopt);
  EXPECT_EQ(cleared_all.name, "Boca");

  const auto found = must(store().find_room(r.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->description, std::nullopt);
  EXPECT_EQ(found->color_hex, std::nullopt);
  EXPECT_EQ(found->image, std::nullopt);
}

TEST_P(StoreContract, Room5UpdateRoomToAnotherRoomsNameIsRefused) {
  const auto admin = make_user("Admin");
  const auto boca = make_room("Boca", admin.id);
  make_room("River", admin.id);
  EXPECT_TRUE(fails_with(await(store().update_room(boca.id, patch([](auto& p) {
                                                     p.name = "River";
                                                     p.description = "x";
                                                   }))),
                         store_errc::duplicate_room_name));
  const auto found = must(store().find_room(boca.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, "Boca");
  EXPECT_EQ(found->description, std::nullopt);  // nothing of the refused patch stuck
  // Keeping its own name is not a duplicate.
  EXPECT_EQ(must(store().update_room(boca.id, patch([](auto& p) { p.name = "Boca"; }))).name,
            "Boca");
}

TEST_P(StoreContract, Room5UpdateOrDeleteOfAnUnknownRoomIsNotFound) {
  EXPECT_TRUE(fails_with(
      await(store().update_room(k_unknown_room, patch([](auto& p) { p.name = "Ghost"; }))),
      store_errc::not_found));
  EXPECT_TRUE(fails_with(await(store().delete_room(k_unknown_room)), store_errc::not_found));
}

TEST_P(StoreContract, Room3DeleteRoomRemovesItsMembershipsAndMessages) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto doomed = make_room("Doomed", admin.id, room_access::private_room, {b.id});
  const auto kept = make_room("Kept", admin.id, room_access::public_room, {b.id});
  post(doomed.id, admin.id, "bye");
  post(doomed.id, b.id, "bye too");
  const auto kept_message = post(kept.id, b.id, "still here");

  must(store().delete_room(doomed.id));

  EXPECT_EQ(must(store().find_room(doomed.id)), std::nullopt);
  EXPECT_FALSE(must(store().is_member(doomed.id, admin.id)));
  EXPECT_FALSE(must(store().is_member(doomed.id, b.id)));
  EXPECT_TRUE(must(store().room_members(doomed.id)).empty());
  EXPECT_EQ(must(store().message_count(doomed.id)), 0);
  const auto page = must(store().messages_page(doomed.id, std::nullopt, 50));
  EXPECT_TRUE(page.messages.empty());
  EXPECT_FALSE(page.has_older);
  EXPECT_TRUE(must(store().messages_after(doomed.id, 0, 50)).empty());
  EXPECT_EQ(must(store().member_counts({doomed.id})), (std::vector<std::int64_t>{0}));
  const auto latest = must(store().latest_messages({doomed.id}));
  ASSERT_EQ(latest.size(), 1U);
  EXPECT_EQ(latest[0], std::nullopt);
  EXPECT_EQ(ids_of(must(store().rooms_of_user(b.id))), (std::vector<room_id>{kept.id}));
  EXPECT_TRUE(
      fails_with(await(store().insert_message(domain::new_message{
                     .room = doomed.id, .author = b.id, .content = "late", .image_url = {}})),
                 store_errc::not_found));
  EXPECT_TRUE(fails_with(await(store().delete_room(doomed.id)), store_errc::not_found));

  // The other room is untouched, and the deleted room's name is free again.
  EXPECT_TRUE(must(store().is_member(kept.id, b.id)));
  EXPECT_EQ(ids_of(must(store().messages_after(kept.id, 0, 50))),
            (std::vector<message_id>{kept_message.id}));
  make_room("Doomed", b.id);
}

TEST_P(StoreContract, DeletingAUserKeepsRoomsConsistent) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto room = make_room("Stays", admin.id, room_access::private_room, {b.id});
  post(room.id, admin.id, "from the admin");
  const auto bobs = post(room.id, b.id, "from bob");
  must(store().create_refresh_family(
      domain::refresh_family{.id = "family-admin",
                             .user = admin.id,
                             .current_token = "t1",
                             .revoked = false,
                             .created_at = domain::now(),
                             .expires_at = domain::now() + std::chrono::hours(1)}));

  must(store().delete_user(admin.id));

  EXPECT_EQ(must(store().find_user(admin.id)), std::nullopt);
  const auto kept = must(store().find_room(room.id));
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->admin_id, std::nullopt);  // the room stays, without an admin
  EXPECT_FALSE(must(store().is_member(room.id, admin.id)));
  EXPECT_TRUE(must(store().is_member(room.id, b.id)));
  EXPECT_EQ(must(store().member_counts({room.id})), (std::vector<std::int64_t>{1}));
  // The account's messages go with it; the others stay.
  EXPECT_EQ(ids_of(must(store().messages_after(room.id, 0, 50))),
            (std::vector<message_id>{bobs.id}));
  EXPECT_EQ(must(store().message_count(room.id)), 1);
  EXPECT_EQ(must(store().rotate_refresh_token("family-admin", admin.id, "t1", "t2",
                                              domain::now() + std::chrono::hours(1))),
            ports::rotation::invalid);
  EXPECT_TRUE(fails_with(await(store().delete_user(admin.id)), store_errc::not_found));
  // The email and the full name are free again.
  make_user("Admin");
}

// ============================== memberships (ROOM-3, ROOM-4, ROOM-5)
// ==============================

TEST_P(StoreContract, Room3AddingExistingMembersIsANoOpAndAnswersOnlyNewOnes) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto d = make_user("Dani");
  const auto r = make_room("Boca", admin.id, room_access::private_room, {b.id});
  const auto added = must(store().add_members(r.id, {admin.id, c.id, b.id, d.id, c.id}));
  EXPECT_EQ(sorted(added), sorted({c.id, d.id}));
  EXPECT_TRUE(must(store().is_member(r.id, c.id)));
  EXPECT_TRUE(must(store().is_member(r.id, d.id)));
  EXPECT_EQ(must(store().member_counts({r.id})), (std::vector<std::int64_t>{4}));
  EXPECT_TRUE(must(store().add_members(r.id, {b.id, c.id})).empty());
  EXPECT_EQ(must(store().member_counts({r.id})), (std::vector<std::int64_t>{4}));
}

TEST_P(StoreContract, Room3AddingAnUnknownUserIsNotFoundAndAddsNobody) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto r = make_room("Boca", admin.id);
  EXPECT_TRUE(
      fails_with(await(store().add_members(r.id, {b.id, k_unknown_user})), store_errc::not_found));
  EXPECT_FALSE(must(store().is_member(r.id, b.id)));
  EXPECT_EQ(must(store().member_counts({r.id})), (std::vector<std::int64_t>{1}));
}

TEST_P(StoreContract, Room3AddingToAnUnknownRoomIsNotFound) {
  const auto b = make_user("Bob");
  EXPECT_TRUE(
      fails_with(await(store().add_members(k_unknown_room, {b.id})), store_errc::not_found));
  EXPECT_TRUE(must(store().rooms_of_user(b.id)).empty());
}

TEST_P(StoreContract, Room5RemoveMembersAnswersOnlyTheRemovedMembers) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto outsider = make_user("Outsider");
  const auto r = make_room("Boca", admin.id, room_access::private_room, {b.id, c.id});
  const auto removed = must(store().remove_members(r.id, {b.id, outsider.id, k_unknown_user}));
  EXPECT_EQ(removed, (std::vector<user_id>{b.id}));
  EXPECT_FALSE(must(store().is_member(r.id, b.id)));
  EXPECT_TRUE(must(store().is_member(r.id, c.id)));
  EXPECT_TRUE(must(store().is_member(r.id, admin.id)));
  EXPECT_EQ(sorted(ids_of(must(store().room_members(r.id)))), sorted({admin.id, c.id}));
  EXPECT_TRUE(must(store().remove_members(r.id, {b.id})).empty());
  EXPECT_TRUE(must(store().rooms_of_user(b.id)).empty());
  // A removed member can be added back.
  EXPECT_EQ(must(store().add_members(r.id, {b.id})), (std::vector<user_id>{b.id}));
}

TEST_P(StoreContract, Room4RoomMembersListsMostRecentlyJoinedFirst) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto d = make_user("Dani");
  const auto r = make_room("Boca", admin.id);
  tick();
  must(store().add_members(r.id, {c.id}));
  tick();
  must(store().add_members(r.id, {b.id}));
  tick();
  must(store().add_members(r.id, {d.id}));
  const auto members = must(store().room_members(r.id));
  EXPECT_EQ(ids_of(members), (std::vector<user_id>{d.id, b.id, c.id, admin.id}));
  ASSERT_FALSE(members.empty());
  EXPECT_EQ(members[0].fullname, "Dani");
  EXPECT_TRUE(must(store().room_members(k_unknown_room)).empty());
}

TEST_P(StoreContract, Room4RoomsOfUserListsMostRecentActivityFirst) {
  const auto u = make_user("Ana");
  const auto other = make_user("Bob");
  const auto first = make_room("First", u.id);
  tick();
  const auto second = make_room("Second", other.id, room_access::public_room, {u.id});
  tick();
  const auto third = make_room("Third", u.id);
  tick();
  make_room("Not mine", other.id);
  tick();
  EXPECT_EQ(ids_of(must(store().rooms_of_user(u.id))),
            (std::vector<room_id>{third.id, second.id, first.id}));
  post(first.id, u.id, "wake up");
  tick();
  EXPECT_EQ(ids_of(must(store().rooms_of_user(u.id))),
            (std::vector<room_id>{first.id, third.id, second.id}));
  post(second.id, other.id, "someone else's message counts too");
  EXPECT_EQ(ids_of(must(store().rooms_of_user(u.id))),
            (std::vector<room_id>{second.id, first.id, third.id}));
  EXPECT_TRUE(must(store().rooms_of_user(k_unknown_user)).empty());
}

TEST_P(StoreContract, Gql6MemberCountsAnswersInRequestOrder) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto one = make_room("One", admin.id);
  const auto three = make_room("Three", admin.id, room_access::public_room, {b.id, c.id});
  EXPECT_EQ(must(store().member_counts({three.id, k_unknown_room, one.id, three.id})),
            (std::vector<std::int64_t>{3, 0, 1, 3}));
  EXPECT_TRUE(must(store().member_counts({})).empty());
}

TEST_P(StoreContract, Gql6MembersOfRoomsAnswersEachRoomsMembersInRequestOrder) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto one = make_room("One", admin.id);
  const auto three = make_room("Three", admin.id, room_access::public_room, {b.id, c.id});
  const auto got = must(store().members_of_rooms({three.id, k_unknown_room, one.id, three.id}));
  ASSERT_EQ(got.size(), 4U);
  EXPECT_EQ(ids_of(got[0]), ids_of(must(store().room_members(three.id))));
  EXPECT_EQ(got[0].size(), 3U);
  EXPECT_TRUE(got[1].empty());
  EXPECT_EQ(ids_of(got[2]), (std::vector<user_id>{admin.id}));
  EXPECT_EQ(ids_of(got[3]), ids_of(got[0]));
  EXPECT_TRUE(must(store().members_of_rooms({})).empty());
}

TEST_P(StoreContract, Gql6LatestMessagesAnswersEachRoomsNewestMessageInRequestOrder) {
  const auto admin = make_user("Admin");
  const auto busy = make_room("Busy", admin.id);
  const auto quiet = make_room("Quiet", admin.id);
  const auto other = make_room("Other", admin.id);
  post(busy.id, admin.id, "first");
  const auto other_last = post(other.id, admin.id, "other");
  const auto busy_last = post(busy.id, admin.id, "second");
  const auto got =
      must(store().latest_messages({busy.id, quiet.id, k_unknown_room, other.id, busy.id}));
  ASSERT_EQ(got.size(), 5U);
  ASSERT_TRUE(got[0].has_value());
  EXPECT_EQ(got[0]->id, busy_last.id);
  EXPECT_EQ(got[0]->content, "second");
  EXPECT_EQ(got[0]->room, busy.id);
  EXPECT_EQ(got[1], std::nullopt);
  EXPECT_EQ(got[2], std::nullopt);
  ASSERT_TRUE(got[3].has_value());
  EXPECT_EQ(got[3]->id, other_last.id);
  ASSERT_TRUE(got[4].has_value());
  EXPECT_EQ(got[4]->id, busy_last.id);
  EXPECT_TRUE(must(store().latest_messages({})).empty());
}

// ============================== room search (ROOM-4) ==============================

TEST_P(StoreContract, Room4SearchRoomsCoversPublicRoomsAndTheViewersPrivateRooms) {
  const auto viewer = make_user("Viewer");
  const auto other = make_user("Other");
  const auto pub = make_room("Boca Public", other.id, room_access::public_room);
  const auto mine = make_room("boca mine", viewer.id, room_access::private_room);
  const auto joined = make_room("BOCA joined", other.id, room_access::private_room, {viewer.id});
  make_room("Boca secret", other.id, room_access::private_room);
  make_room("River", other.id, room_access::public_room);
  const auto found = must(store().search_rooms("bOcA", viewer.id, 50));
  EXPECT_EQ(found.total, 3);
  const auto ids = ids_of(found.rooms);
  EXPECT_EQ(std::set<room_id>(ids.begin(), ids.end()),
            (std::set<room_id>{pub.id, mine.id, joined.id}));
  // Another viewer sees only the public one.
  const auto stranger = make_user("Stranger");
  const auto theirs = must(store().search_rooms("boca", stranger.id, 50));
  EXPECT_EQ(ids_of(theirs.rooms), (std::vector<room_id>{pub.id}));
  EXPECT_EQ(theirs.total, 1);
  const auto none = must(store().search_rooms("zzz", viewer.id, 50));
  EXPECT_TRUE(none.rooms.empty());
  EXPECT_EQ(none.total, 0);
}

TEST_P(StoreContract, Room4SearchRoomsOrdersByMostMembersThenNewest) {
  const auto viewer = make_user("Viewer");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto old_small = make_room("Fans old small", viewer.id, room_access::public_room);
  tick();
  const auto big = make_room("Fans big", b.id, room_access::public_room, {c.id, viewer.id});
  tick();
  const auto mid_old = make_room("Fans mid old", b.id, room_access::private_room, {viewer.id});
  tick();
  const auto mid_new = make_room("Fans mid new", c.id, room_access::public_room, {b.id});
  tick();
  const auto new_small = make_room("Fans new small", c.id, room_access::public_room);
  const auto found = must(store().search_rooms("fans", viewer.id, 50));
  EXPECT_EQ(ids_of(found.rooms),
            (std::vector<room_id>{big.id, mid_new.id, mid_old.id, new_small.id, old_small.id}));
  EXPECT_EQ(found.total, 5);
}

TEST_P(StoreContract, Room4SearchRoomsTotalCountsAllMatchesBeyondTheLimit) {
  const auto viewer = make_user("Viewer");
  std::vector<room_id> created;
  for (int i = 0; i < 5; ++i) {
    created.push_back(make_room("Match " + std::to_string(i), viewer.id).id);
    tick();
  }
  make_room("Other", viewer.id);
  const auto found = must(store().search_rooms("match", viewer.id, 2));
  EXPECT_EQ(found.total, 5);
  // Equal member counts: newest first.
  EXPECT_EQ(ids_of(found.rooms), (std::vector<room_id>{created[4], created[3]}));
}

TEST_P(StoreContract, Room4SearchRoomsMatchesLikeMetacharactersLiterally) {
  const auto viewer = make_user("Viewer");
  const auto percent = make_room("100% Boca", viewer.id);
  make_room("1000 Boca", viewer.id);
  const auto underscore = make_room("boca_juniors", viewer.id);
  make_room("bocaXjuniors", viewer.id);
  const auto backslash = make_room("back\\slash", viewer.id);
  make_room("backslash", viewer.id);
  auto only = [&](const std::string& term) {
    return ids_of(must(store().search_rooms(term, viewer.id, 50)).rooms);
  };
  EXPECT_EQ(only("0%"), (std::vector<room_id>{percent.id}));
  EXPECT_EQ(only("a_j"), (std::vector<room_id>{underscore.id}));
  EXPECT_EQ(only("k\\s"), (std::vector<room_id>{backslash.id}));
  EXPECT_EQ(must(store().search_rooms("%", viewer.id, 50)).total, 1);
  EXPECT_EQ(must(store().search_rooms("_", viewer.id, 50)).total, 1);
}

}  // namespace
}  // namespace chat::contract
