// GQL-6 through the whole endpoint over a real SQLite store: nested lists of related
// entities are batched, so a page of 50 messages with their authors and rooms (and each
// room's members and latest message) costs a bounded number of store round trips,
// counted by a store decorator, whatever the page size.

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>

#include "adapters/files/file_upload_store.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "api/graphql_endpoint.hpp"
#include "auth/account_service.hpp"
#include "tests/support/counting_store.hpp"
#include "tests/support/run_sync.hpp"

namespace chat::api {
namespace {

namespace fs = std::filesystem;
namespace gh = net::graphql_http;

template <class T>
T run(boost::asio::awaitable<T> task) {
  return testing::run_sync(std::move(task));
}

class Batching : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("batching-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    adapters::sqlite_options options;
    options.path = (dir_ / "chat.db").string();
    auto opened = adapters::sqlite_store::open(options);
    ASSERT_TRUE(opened) << opened.error().detail;
    sqlite_ = std::move(*opened);
    ASSERT_TRUE(run(sqlite_->migrate()));
    counting_ = std::make_unique<testing::counting_store>(*sqlite_);
    adapters::file_upload_options files;
    files.directory = dir_ / "uploads";
    auto uploads = adapters::file_upload_store::open(files);
    ASSERT_TRUE(uploads);
    uploads_ = std::move(*uploads);
    auth::password_hasher_options hashing;
    hashing.cost = 4;
    hashing.threads = 1;
    hasher_ = std::make_unique<auth::password_hasher>(hashing);
    auth::token_settings tokens;
    tokens.access_secret = std::string(32, 'a');
    tokens.refresh_secret = std::string(32, 'r');
    accounts_ = std::make_unique<auth::account_service>(*counting_, *hasher_, tokens);
    endpoint_services services;
    services.store = counting_.get();
    services.accounts = accounts_.get();
    services.uploads = uploads_.get();
    std::vector<std::string> errors;
    endpoint_ = graphql_endpoint::create(served_schema_sdl(), {}, errors, services);
    ASSERT_NE(endpoint_, nullptr) << (errors.empty() ? "" : errors.front());
  }

  void TearDown() override {
    endpoint_.reset();
    accounts_.reset();
    hasher_.reset();
    uploads_.reset();
    counting_.reset();
    sqlite_.reset();
    fs::remove_all(dir_);
  }

  domain::user_id user(std::string name) {
    domain::new_user u;
    u.email = name + "@example.com";
    u.fullname = std::move(name);
    u.password_hash = "$2b$04$notareal.hash.only.for.tests.aaaaaaaaaaaaaaaaaaaaaaaa";
    auto created = run(sqlite_->create_user(std::move(u)));
    EXPECT_TRUE(created);
    return created->id;
  }

  /// A private room of `members` (the first is the admin) holding `messages` messages,
  /// their authors taking turns.
  domain::room_id room_with(const std::vector<domain::user_id>& members, int messages,
                            std::string name) {
    domain::new_room r;
    r.name = std::move(name);
    r.admin_id = members.front();
    std::vector<domain::user_id> others(members.begin() + 1, members.end());
    auto created = run(sqlite_->create_room(std::move(r), std::move(others)));
    EXPECT_TRUE(created);
    for (int i = 0; i < messages; ++i) {
      domain::new_message m;
      m.room = created->id;
      m.author = members[static_cast<std::size_t>(i) % members.size()];
      m.content = "message " + std::to_string(i);
      EXPECT_TRUE(run(sqlite_->insert_message(std::move(m))));
    }
    return created->id;
  }

  boost::json::object query(std::string text, domain::user_id as) {
    gh::parsed_request request;
    request.operations.push_back({std::move(text), std::nullopt, {}, {}});
    boost::asio::io_context io;  // outlives the context, whose loaders hold its timers
    request_context context;
    context.user = as;
    context.public_url = "http://localhost";
    counting_->reset();
    auto future = boost::asio::co_spawn(
        io, [&]() { return endpoint_->run(request, gh::media_type::json, context); },
        boost::asio::use_future);
    io.run();
    auto body = boost::json::parse(future.get().body).as_object();
    EXPECT_FALSE(body.contains("errors")) << boost::json::serialize(body);
    return body;
  }

  fs::path dir_;
  std::unique_ptr<adapters::sqlite_store> sqlite_;
  std::unique_ptr<testing::counting_store> counting_;
  std::unique_ptr<adapters::file_upload_store> uploads_;
  std::unique_ptr<auth::password_hasher> hasher_;
  std::unique_ptr<auth::account_service> accounts_;
  std::unique_ptr<graphql_endpoint> endpoint_;
};

constexpr std::string_view k_page = R"({
  getMessagesForChatroom(chatroomId: ROOM, take: 50) {
    totalCount
    edges { cursor node { id content user { id fullname } chatroom { id name users { id } messages { id } } } }
  }
})";

std::string with_room(std::string_view text, domain::room_id room) {
  std::string out(text);
  out.replace(out.find("ROOM"), 4, std::to_string(room));
  return out;
}

TEST_F(Batching, Gql6APageOf50MessagesWithAuthorsAndRoomsCostsABoundedNumberOfRoundTrips) {
  std::vector<domain::user_id> members;
  for (int i = 0; i < 10; ++i)
    members.push_back(user("fan" + std::to_string(i)));
  const auto room = room_with(members, 60, "Batching");

  const auto body = query(with_room(k_page, room), members.front());
  const auto& edges = body.at("data").at("getMessagesForChatroom").at("edges").as_array();
  ASSERT_EQ(edges.size(), 50U);
  for (const auto& edge : edges) {
    EXPECT_EQ(edge.at("node").at("chatroom").at("users").as_array().size(), 10U);
  }
  const auto calls = counting_->calls();
  EXPECT_EQ(calls.at("users_by_ids"), 1) << "50 authors, one lookup";
  EXPECT_EQ(calls.at("members_of_rooms"), 1) << "the room's members once for 50 messages";
  EXPECT_EQ(calls.at("latest_messages"), 1);
  EXPECT_LE(counting_->total(), 8) << "every call: find_room, is_member, messages_page, "
                                      "message_count, users_by_ids, members_of_rooms, "
                                      "latest_messages";
}

TEST_F(Batching, Gql6TheRoundTripsDoNotGrowWithThePageSize) {
  std::vector<domain::user_id> members{user("a"), user("b"), user("c")};
  const auto room = room_with(members, 50, "Sizes");
  std::string five = with_room(k_page, room);
  five.replace(five.find("take: 50"), 8, "take: 5");
  query(five, members.front());
  const int small = counting_->total();
  query(with_room(k_page, room), members.front());
  EXPECT_EQ(counting_->total(), small);
}

TEST_F(Batching, Gql6TheRoomsOfAUserWithTheirMembersAndLatestMessagesCostOneLookupEach) {
  std::vector<domain::user_id> members{user("x"), user("y")};
  for (int i = 0; i < 8; ++i)
    room_with(members, 3, "Room " + std::to_string(i));
  const auto body = query("{ getChatroomsForUser(userId: " + std::to_string(members.front()) +
                              ") { id users { id } messages { id content user { id } } } }",
                          members.front());
  EXPECT_EQ(body.at("data").at("getChatroomsForUser").as_array().size(), 8U);
  const auto calls = counting_->calls();
  EXPECT_EQ(calls.at("latest_messages"), 1);
  EXPECT_EQ(calls.at("members_of_rooms"), 1) << "8 rooms' members, one lookup";
  EXPECT_EQ(calls.at("users_by_ids"), 1);
  EXPECT_EQ(calls.at("rooms_of_user"), 1);
  EXPECT_EQ(counting_->total(), 4);
}

}  // namespace
}  // namespace chat::api
