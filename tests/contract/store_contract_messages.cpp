// The store port's contract: messages (MSG-1, MSG-2, RT-1, REL-2). Every case runs against every
// adapter (store_contract_*_test.cpp instantiate them); see store_contract.hpp.
#include <set>

#include "store_contract_helpers.hpp"

namespace chat::contract {
namespace {

// ============================== messages (MSG-1, MSG-2, RT-1, REL-2)
// ==============================

TEST_P(StoreContract, Msg1InsertMessageAnswersIncreasingIdsAndTheStoredFields) {
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  const auto text = post(r.id, u.id, "¡Gol! ⚽ 'quoted' $1 \"x\"");
  EXPECT_GT(text.id, 0);
  EXPECT_EQ(text.room, r.id);
  EXPECT_EQ(text.author, u.id);
  EXPECT_EQ(text.content, "¡Gol! ⚽ 'quoted' $1 \"x\"");
  EXPECT_EQ(text.image_url, std::nullopt);
  EXPECT_TRUE(is_recent(text.created_at));
  EXPECT_GE(text.updated_at, text.created_at);

  const auto image = must(store().insert_message(domain::new_message{
      .room = r.id, .author = u.id, .content = "", .image_url = "http://x/u/1.png"}));
  EXPECT_GT(image.id, text.id);
  EXPECT_EQ(image.content, "");
  EXPECT_EQ(image.image_url, std::optional<std::string>("http://x/u/1.png"));

  message_id last = image.id;
  for (int i = 0; i < 10; ++i) {
    const auto m = post(r.id, u.id, "m" + std::to_string(i));
    EXPECT_GT(m.id, last);
    last = m.id;
  }

  const auto stored = must(store().messages_after(r.id, 0, 2));
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_EQ(stored[0].id, text.id);
  EXPECT_EQ(stored[0].content, text.content);
  EXPECT_EQ(stored[0].author, u.id);
  EXPECT_EQ(stored[0].created_at, text.created_at);
  EXPECT_EQ(stored[1].image_url, image.image_url);
}

TEST_P(StoreContract, Msg1InsertMessageIntoAnUnknownRoomIsNotFound) {
  const auto u = make_user("Ana");
  EXPECT_TRUE(
      fails_with(await(store().insert_message(domain::new_message{
                     .room = k_unknown_room, .author = u.id, .content = "x", .image_url = {}})),
                 store_errc::not_found));
}

TEST_P(StoreContract, Msg2MessagesPageIsNewestFirstWithAnExclusiveCursor) {
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  const auto noise = make_room("Noise", u.id);
  std::vector<message_id> ids;  // oldest first
  for (int i = 0; i < 25; ++i) {
    ids.push_back(post(r.id, u.id, "m" + std::to_string(i)).id);
    post(noise.id, u.id, "noise");
  }
  const std::vector<message_id> newest_first(ids.rbegin(), ids.rend());

  const auto p1 = must(store().messages_page(r.id, std::nullopt, 10));
  EXPECT_EQ(ids_of(p1.messages),
            std::vector<message_id>(newest_first.begin(), newest_first.begin() + 10));
  EXPECT_TRUE(p1.has_older);
  ASSERT_FALSE(p1.messages.empty());
  EXPECT_EQ(p1.messages.front().content, "m24");
  EXPECT_EQ(p1.messages.front().room, r.id);

  const auto p2 = must(store().messages_page(r.id, p1.messages.back().id, 10));
  EXPECT_EQ(ids_of(p2.messages),
            std::vector<message_id>(newest_first.begin() + 10, newest_first.begin() + 20));
  EXPECT_TRUE(p2.has_older);

  ASSERT_FALSE(p2.messages.empty());
  const auto p3 = must(store().messages_page(r.id, p2.messages.back().id, 10));
  EXPECT_EQ(ids_of(p3.messages),
            std::vector<message_id>(newest_first.begin() + 20, newest_first.end()));
  EXPECT_FALSE(p3.has_older);

  const auto past_oldest = must(store().messages_page(r.id, ids.front(), 10));
  EXPECT_TRUE(past_oldest.messages.empty());
  EXPECT_FALSE(past_oldest.has_older);

  // A cursor need not be a message of the room: any id works as a bound.
  const auto beyond = must(store().messages_page(r.id, ids.back() + 1'000'000, 3));
  EXPECT_EQ(ids_of(beyond.messages),
            std::vector<message_id>(newest_first.begin(), newest_first.begin() + 3));

  const auto empty = must(store().messages_page(k_unknown_room, std::nullopt, 10));
  EXPECT_TRUE(empty.messages.empty());
  EXPECT_FALSE(empty.has_older);
}

TEST_P(StoreContract, Msg2HasOlderIsExactAtTheBoundary) {
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  std::vector<message_id> ids;
  for (int i = 0; i < 11; ++i)
    ids.push_back(post(r.id, u.id, "m" + std::to_string(i)).id);

  // Exactly `take` messages left: none older.
  const auto exact = must(store().messages_page(r.id, ids[10], 10));
  EXPECT_EQ(exact.messages.size(), 10U);
  EXPECT_FALSE(exact.has_older);
  // One more than `take`: one older.
  const auto one_more = must(store().messages_page(r.id, std::nullopt, 10));
  EXPECT_EQ(one_more.messages.size(), 10U);
  EXPECT_TRUE(one_more.has_older);
  // All of them in one page.
  const auto all = must(store().messages_page(r.id, std::nullopt, 11));
  EXPECT_EQ(all.messages.size(), 11U);
  EXPECT_FALSE(all.has_older);
  const auto single = must(store().messages_page(r.id, ids[1], 1));
  EXPECT_EQ(ids_of(single.messages), (std::vector<message_id>{ids[0]}));
  EXPECT_FALSE(single.has_older);
}

TEST_P(StoreContract, Msg2MessageCountCountsOnlyTheRoomsMessages) {
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  const auto other = make_room("River", u.id);
  EXPECT_EQ(must(store().message_count(r.id)), 0);
  for (int i = 0; i < 7; ++i)
    post(r.id, u.id, "m");
  post(other.id, u.id, "m");
  EXPECT_EQ(must(store().message_count(r.id)), 7);
  EXPECT_EQ(must(store().message_count(other.id)), 1);
  EXPECT_EQ(must(store().message_count(k_unknown_room)), 0);
}

TEST_P(StoreContract, Rt1MessagesAfterIsOldestFirstAndHonoursTheLimit) {
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  const auto other = make_room("River", u.id);
  std::vector<message_id> ids;
  for (int i = 0; i < 8; ++i) {
    ids.push_back(post(r.id, u.id, "m" + std::to_string(i)).id);
    post(other.id, u.id, "other");
  }
  EXPECT_EQ(ids_of(must(store().messages_after(r.id, ids[2], 3))),
            (std::vector<message_id>{ids[3], ids[4], ids[5]}));
  EXPECT_EQ(ids_of(must(store().messages_after(r.id, ids[5], 50))),
            (std::vector<message_id>{ids[6], ids[7]}));
  EXPECT_EQ(ids_of(must(store().messages_after(r.id, 0, 50))), ids);
  EXPECT_TRUE(must(store().messages_after(r.id, ids[7], 50)).empty());
}

TEST_P(StoreContract, Msg2PagingStaysStableWhileOtherWritersInsert) {
  constexpr int k_existing = 1000;
  constexpr int k_take = 37;
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);

  auto sink = std::make_shared<id_sink>();
  sink->per_task.resize(8);
  {
    std::vector<asio::awaitable<void>> tasks;
    for (std::size_t t = 0; t < 8; ++t) {
      tasks.push_back(insert_many(&store(), r.id, u.id, k_existing / 8, t, sink));
    }
    run_all(io(), std::move(tasks), 2);
  }
  std::vector<message_id> existing;
  for (const auto& ids : sink->per_task)
    existing.insert(existing.end(), ids.begin(), ids.end());
  std::sort(existing.begin(), existing.end());
  ASSERT_EQ(existing.size(), static_cast<std::size_t>(k_existing));
  const message_id newest_existing = existing.back();

  // The writer: its own thread and io_context, inserting until told to stop.
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable acked;
  std::int64_t written = 0;
  std::exception_ptr writer_error;
  std::thread writer([&] {
    asio::io_context writer_io;
    try {
      for (int i = 0; !stop.load(); ++i) {
        ok(run(writer_io,
               store().insert_message(domain::new_message{.room = r.id,
                                                          .author = u.id,
                                                          .content = "w" + std::to_string(i),
                                                          .image_url = {}})));
        const std::lock_guard lock(mutex);
        ++written;
        acked.notify_all();
      }
    } catch (...) {
      const std::lock_guard lock(mutex);
      writer_error = std::current_exception();
      acked.notify_all();
    }
  });
  // Waits until the writer has acknowledged more than `seen` messages.
  auto wait_for_writes = [&](std::int64_t seen) {
    std::unique_lock lock(mutex);
    return acked.wait_for(lock, 30s, [&] { return written > seen || writer_error; });
  };

  std::vector<message_id> paged;
  bool paging_ok = wait_for_writes(0);
  std::optional<message_id> cursor;
  for (int pages = 0; paging_ok && pages < 200; ++pages) {
    std::int64_t before_page = 0;
    {
      const std::lock_guard lock(mutex);
      before_page = written;
    }
    auto page = await(store().messages_page(r.id, cursor, k_take));
    if (!page) {
      ADD_FAILURE() << "messages_page failed: " << ports::name_of(page.error().code) << " "
                    << page.error().detail;
      break;
    }
    for (const auto& m : page->messages)
      paged.push_back(m.id);
    if (!page->has_older) break;
    if (page->messages.empty()) {
      ADD_FAILURE() << "has_older with an empty page";
      break;
    }
    cursor = page->messages.back().id;
    // Interleave for sure: at least one insert lands between this page and the next.
    paging_ok = wait_for_writes(before_page);
  }
  stop = true;
  writer.join();
  if (writer_error) std::rethrow_exception(writer_error);
  ASSERT_TRUE(paging_ok) << "the writer stalled";

  // Newest first, no repeats.
  for (std::size_t i = 1; i < paged.size(); ++i) {
    ASSERT_GT(paged[i - 1], paged[i]) << "at position " << i;
  }
  // Every message that existed at the start, exactly once; anything else is newer.
  std::vector<message_id> seen_existing;
  for (const auto id : paged) {
    if (std::binary_search(existing.begin(), existing.end(), id)) {
      seen_existing.push_back(id);
    } else {
      EXPECT_GT(id, newest_existing) << "a message that is neither old nor new";
    }
  }
  std::reverse(seen_existing.begin(), seen_existing.end());
  EXPECT_EQ(seen_existing, existing);
  EXPECT_GT(written, 0);
  EXPECT_EQ(must(store().message_count(r.id)), k_existing + written);
}

TEST_P(StoreContract, Rel2ConcurrentInsertsFromSixteenCoroutinesAreAllAcknowledgedAndReadable) {
  constexpr int k_tasks = 16;
  constexpr int k_each = 10;
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  auto sink = std::make_shared<id_sink>();
  sink->per_task.resize(k_tasks);
  std::vector<asio::awaitable<void>> tasks;
  for (std::size_t t = 0; t < k_tasks; ++t) {
    tasks.push_back(insert_many(&store(), r.id, u.id, k_each, t, sink));
  }
  run_all(io(), std::move(tasks), 4);

  std::vector<message_id> acknowledged;
  for (const auto& ids : sink->per_task) {
    ASSERT_EQ(ids.size(), static_cast<std::size_t>(k_each));
    // One coroutine's inserts are ordered, so are their ids.
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()) &&
                std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    acknowledged.insert(acknowledged.end(), ids.begin(), ids.end());
  }
  std::sort(acknowledged.begin(), acknowledged.end());
  EXPECT_EQ(std::adjacent_find(acknowledged.begin(), acknowledged.end()), acknowledged.end())
      << "an id was handed out twice";
  EXPECT_EQ(must(store().message_count(r.id)), k_tasks * k_each);
  EXPECT_EQ(ids_of(must(store().messages_after(r.id, 0, 1000))), acknowledged);
  const auto page = must(store().messages_page(r.id, std::nullopt, 1000));
  EXPECT_EQ(ids_of(page.messages),
            std::vector<message_id>(acknowledged.rbegin(), acknowledged.rend()));
  EXPECT_FALSE(page.has_older);
}

TEST_P(StoreContract, Msg1AnInsertIntoAGoneRoomFailsAloneAmongConcurrentInserts) {
  // Adapters that group concurrent writes must not let one bad write fail the others.
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  const room_id gone = r.id + 1000;
  auto out = std::make_shared<insert_outcomes>();
  std::vector<asio::awaitable<void>> tasks;
  for (int i = 0; i < 24; ++i) {
    tasks.push_back(insert_once(&store(), i % 8 == 3 ? gone : r.id, u.id, out));
  }
  run_all(io(), std::move(tasks), 2);
  int stored = 0;
  int refused = 0;
  for (const auto& [room, error] : out->results) {
    if (room == gone) {
      EXPECT_EQ(error, std::optional(store_errc::not_found));
      ++refused;
    } else {
      EXPECT_EQ(error, std::nullopt);
      ++stored;
    }
  }
  EXPECT_EQ(refused, 3);
  EXPECT_EQ(stored, 21);
  EXPECT_EQ(must(store().message_count(r.id)), 21);
}

}  // namespace
}  // namespace chat::contract
