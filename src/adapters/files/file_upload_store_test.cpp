#include "adapters/files/file_upload_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace fs = std::filesystem;
using chat::adapters::file_upload_options;
using chat::adapters::file_upload_store;
using chat::domain::image_type;
using chat::ports::image_content;
using chat::ports::saved_image;
using chat::ports::upload_errc;
using chat::ports::upload_result;
using namespace std::string_literals;

const std::string k_png = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0"s;
const std::string k_jpeg = "\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xD9"s;
const std::string k_gif87 = "GIF87a\x01\0\x01\0\x80\0\0\0\0\0\xFF\xFF\xFF;"s;
const std::string k_gif89 = "GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xFF\xFF\xFF;"s;
const std::string k_webp =
    "RIFF\x1A\0\0\0WEBPVP8L\x0D\0\0\0\x2F\0\0\0\x10\x07\x10\x11\x11\x88\x88\xFE\x07\0"s;

const std::regex k_generated_name("^[0-9a-f]{32}\\.(jpg|png|gif|webp)$");

class FileUploadStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("chat_uploads_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path uploads() const { return dir_ / "data" / "uploads"; }

  std::unique_ptr<file_upload_store> open_store(unsigned workers = 2) {
    auto opened = file_upload_store::open({uploads(), workers});
    EXPECT_TRUE(opened) << (opened ? "" : opened.error().detail);
    return std::move(opened).value();
  }

  /// Runs `fn` (a coroutine) to completion on a fresh io_context on this thread.
  template <class Fn>
  auto run(Fn fn) {
    asio::io_context io;
    std::optional<typename decltype(fn())::value_type> result;
    asio::co_spawn(
        io, [&]() -> asio::awaitable<void> { result.emplace(co_await fn()); }, asio::detached);
    io.run();
    return std::move(*result);
  }

  upload_result<saved_image> save(file_upload_store& store, std::string bytes) {
    return run([&]() { return store.save_image(std::move(bytes)); });
  }

  upload_result<image_content> open(file_upload_store& store, std::string name) {
    return run([&]() { return store.open_image(std::move(name)); });
  }

  /// The file names in `dir`, sorted (dot files included).
  static std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
      names.insert(entry.path().filename().string());
    }
    return names;
  }

  static std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  static void touch(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
  }

  static fs::perms permissions(const fs::path& path) {
    return fs::status(path).permissions() & fs::perms::mask;
  }

  fs::path dir_;
};

TEST_F(FileUploadStore, ASavedPngGetsAGeneratedNameAndIsStoredWithItsBytes) {
  auto store = open_store();
  auto saved = save(*store, k_png);
  ASSERT_TRUE(saved) << saved.error().detail;
  EXPECT_TRUE(std::regex_match(saved->name, k_generated_name)) << saved->name;
  EXPECT_TRUE(saved->name.ends_with(".png"));
  EXPECT_EQ(saved->type, image_type::png);
  EXPECT_EQ(contents(uploads() / saved->name), k_png);
  EXPECT_EQ(permissions(uploads() / saved->name),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(listing(uploads()), std::set<std::string>{saved->name});  // no temporary left

  auto opened = open(*store, saved->name);
  ASSERT_TRUE(opened) << opened.error().detail;
  EXPECT_EQ(opened->content_type(), "image/png");
  EXPECT_EQ(opened->type, image_type::png);
  EXPECT_EQ(opened->bytes, k_png);
  EXPECT_EQ(opened->size(), k_png.size());
}

TEST_F(FileUploadStore, TheExtensionComesFromTheContentNotFromWhatTheClientCalledIt) {
  // The client sent this PNG as `x.exe` with Content-Type application/octet-stream; the
  // port never sees either, and the name it answers ends in what the bytes are.
  auto store = open_store();
  auto saved = save(*store, k_png + "MZ\x90\0 pretend this is a program"s);
  ASSERT_TRUE(saved) << saved.error().detail;
  EXPECT_TRUE(std::regex_match(saved->name, k_generated_name)) << saved->name;
  EXPECT_TRUE(saved->name.ends_with(".png")) << saved->name;
  EXPECT_EQ(saved->name.find("exe"), std::string::npos);
}

TEST_F(FileUploadStore, JpegGifAndWebpAreEachRecognisedByContent) {
  struct sample {
    std::string bytes;
    std::string extension;
    std::string content_type;
  };
  const std::vector<sample> samples{{k_jpeg, ".jpg", "image/jpeg"},
                                    {k_gif87, ".gif", "image/gif"},
                                    {k_gif89, ".gif", "image/gif"},
                                    {k_webp, ".webp", "image/webp"}};
  auto store = open_store();
  for (const auto& s : samples) {
    auto saved = save(*store, s.bytes);
    ASSERT_TRUE(saved) << saved.error().detail;
    EXPECT_TRUE(std::regex_match(saved->name, k_generated_name)) << saved->name;
    EXPECT_TRUE(saved->name.ends_with(s.extension)) << saved->name;
    auto opened = open(*store, saved->name);
    ASSERT_TRUE(opened) << opened.error().detail;
    EXPECT_EQ(opened->content_type(), s.content_type);
    EXPECT_EQ(opened->bytes, s.bytes);
  }
  EXPECT_EQ(listing(uploads()).size(), samples.size());
}

TEST_F(FileUploadStore, TextIsRefusedAsNotAnImageAndNothingIsWritten) {
  auto store = open_store();
  const auto before = listing(uploads());
  for (const std::string& text :
       {"hello"s, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"s, "<html><script>x</script>"s,
        "MZ\x90\0\x03\0\0\0"s, " \x89PNG\r\n\x1A\n"s}) {
    auto saved = save(*store, text);
    ASSERT_FALSE(saved) << text;
    EXPECT_EQ(saved.error().code, upload_errc::not_an_image);
    EXPECT_EQ(chat::ports::user_message(saved.error().code),
              "Only JPEG, PNG, GIF or WebP images are allowed");
  }
  EXPECT_EQ(listing(uploads()), before);
  EXPECT_TRUE(before.empty());
}

TEST_F(FileUploadStore, EmptyAndOneByteInputsAreRefused) {
  auto store = open_store();
  for (const std::string& bytes : {""s, "\xFF"s, "\x89"s, "G"s, "R"s}) {
    auto saved = save(*store, bytes);
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().code, upload_errc::not_an_image);
  }
  EXPECT_TRUE(listing(uploads()).empty());
}

TEST_F(FileUploadStore, NamesTheServerCouldNotHaveMadeAreNotFoundEvenWhenSuchAFileExists) {
  auto store = open_store();
  const std::string hex = "0123456789abcdef0123456789abcdef";
  const std::string upper = "0123456789ABCDEF0123456789ABCDEF";
  // Real files where each refused name would lead if it were used as a path: a refusal
  // proves the name never reached the file system.
  touch(uploads().parent_path() / (hex + ".png"), k_png);
  for (const std::string& planted :
       {upper + ".png", hex + ".PNG", hex + ".jpeg", hex, hex + "0.png", hex + ".png.txt",
        ".tmp-" + hex, " " + hex + ".png", hex + ".png "}) {
    touch(uploads() / planted, k_png);
  }
  const std::vector<std::string> refused{
      "../" + hex + ".png",
      "/etc/passwd",
      "..%2f" + hex + ".png",
      "..%2F" + hex + ".png",
      "..",
      ".",
      "",
      upper + ".png",
      "0123456789abcdef0123456789abcdeF.png",
      hex + ".PNG",
      hex + ".jpeg",
      hex,
      hex + ".",
      hex + "0.png",
      hex.substr(1) + ".png",
      hex + ".png.txt",
      hex + ".pngx",
      hex + ".png\0"s,
      hex + "\0.png"s,
      hex.substr(0, 31) + "\0.png"s,
      hex.substr(0, 31) + "/.png",
      hex.substr(0, 31) + "g.png",
      ".tmp-" + hex,
      " " + hex + ".png",
      hex + ".png ",
      uploads().string() + "/" + hex + ".png",
  };
  for (const auto& name : refused) {
    EXPECT_FALSE(file_upload_store::valid_name(name)) << name;
    auto opened = open(*store, name);
    ASSERT_FALSE(opened) << name;
    EXPECT_EQ(opened.error().code, upload_errc::not_found) << name;
  }
}

TEST_F(FileUploadStore, ValidNameAcceptsExactlyTheGeneratedPattern) {
  const std::string hex = "0123456789abcdef0123456789abcdef";
  for (const char* extension : {".jpg", ".png", ".gif", ".webp"}) {
    EXPECT_TRUE(file_upload_store::valid_name(hex + extension)) << extension;
  }
  EXPECT_TRUE(file_upload_store::valid_name("ffffffffffffffffffffffffffffffff.gif"));
  EXPECT_FALSE(file_upload_store::valid_name("gggggggggggggggggggggggggggggggg.gif"));
}

TEST_F(FileUploadStore, AWellFormedNameNeverSavedIsNotFound) {
  auto store = open_store();
  auto opened = open(*store, "0123456789abcdef0123456789abcdef.png");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, upload_errc::not_found);
}

TEST_F(FileUploadStore, AWellFormedNameThatIsNotARegularFileIsNotFound) {
  auto store = open_store();
  const std::string directory = "0123456789abcdef0123456789abcdef.png";
  const std::string link = "fedcba9876543210fedcba9876543210.png";
  const std::string fifo = "00000000000000000000000000000000.gif";
  fs::create_directory(uploads() / directory);
  ASSERT_EQ(::mkfifo((uploads() / fifo).c_str(), 0640), 0);
  touch(dir_ / "secret", k_png);
  fs::create_symlink(dir_ / "secret", uploads() / link);
  for (const auto& name : {directory, link, fifo}) {
    auto opened = open(*store, name);
    ASSERT_FALSE(opened) << name;
    EXPECT_EQ(opened.error().code, upload_errc::not_found) << name;
  }
}

TEST_F(FileUploadStore, ConcurrentSavesFromTwoIoContextThreadsAllSucceedWithDistinctNames) {
  constexpr int k_threads = 2;
  constexpr int k_saves_per_thread = 25;
  auto store = open_store(2);
  std::mutex mutex;
  std::vector<std::string> names;
  int failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t]() {
      asio::io_context io;
      for (int i = 0; i < k_saves_per_thread; ++i) {
        std::string bytes = k_png + std::to_string(t) + ":" + std::to_string(i);
        asio::co_spawn(
            io,
            [&, bytes = std::move(bytes)]() mutable -> asio::awaitable<void> {
              auto saved = co_await store->save_image(std::move(bytes));
              std::lock_guard lock(mutex);
              if (saved) {
                names.push_back(saved->name);
              } else {
                ++failures;
              }
            },
            asio::detached);
      }
      io.run();
    });
  }
  for (auto& thread : threads)
    thread.join();

  EXPECT_EQ(failures, 0);
  const std::set<std::string> distinct(names.begin(), names.end());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(k_threads * k_saves_per_thread));
  EXPECT_EQ(listing(uploads()), distinct);  // every one on disk, no temporary left
}

TEST_F(FileUploadStore, TheCoroutineResumesOnTheCallersThread) {
  auto store = open_store(1);
  asio::io_context io;
  std::thread::id before;
  std::thread::id after;
  std::thread::id caller;
  bool saved_ok = false;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        before = std::this_thread::get_id();
        std::string bytes = k_png;
        auto saved = co_await store->save_image(std::move(bytes));
        after = std::this_thread::get_id();
        saved_ok = saved.has_value();
      },
      asio::detached);
  std::thread network([&]() {
    caller = std::this_thread::get_id();
    io.run();
  });
  network.join();
  EXPECT_TRUE(saved_ok);
  EXPECT_EQ(before, caller);
  EXPECT_EQ(after, caller);
}

TEST_F(FileUploadStore, TheNetworkThreadIsFreeWhileTheFileIsWritten) {
  // One network thread. The other work is queued behind the coroutine's start: had the
  // save written the file on this thread, it would have finished first.
  auto store = open_store(1);
  asio::io_context io;
  std::vector<std::string> order;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        std::string bytes = k_png + std::string(1024 * 1024, 'x');
        auto saved = co_await store->save_image(std::move(bytes));
        order.push_back(saved ? "saved" : "failed");
      },
      asio::detached);
  asio::post(io, [&]() { order.push_back("other work"); });
  io.run();
  EXPECT_EQ(order, (std::vector<std::string>{"other work", "saved"}));
}

TEST_F(FileUploadStore, OpeningCreatesTheMissingDirectoriesWithMode0750) {
  auto store = open_store();
  const auto rwx_rx = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec;
  EXPECT_TRUE(fs::is_directory(uploads()));
  EXPECT_EQ(permissions(uploads()), rwx_rx);
  EXPECT_EQ(permissions(uploads().parent_path()), rwx_rx);
  EXPECT_EQ(store->directory(), uploads());
}

TEST_F(FileUploadStore, OpeningAnExistingDirectoryKeepsItsImages) {
  std::string name;
  {
    auto store = open_store();
    auto saved = save(*store, k_gif89);
    ASSERT_TRUE(saved);
    name = saved->name;
  }
  auto store = open_store();
  auto opened = open(*store, name);
  ASSERT_TRUE(opened) << opened.error().detail;
  EXPECT_EQ(opened->bytes, k_gif89);
}

TEST_F(FileUploadStore, OpeningAFileInsteadOfADirectoryIsUnavailableWithADetail) {
  fs::create_directories(uploads().parent_path());
  touch(uploads(), "not a directory");
  auto opened = file_upload_store::open({uploads(), 1});
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, upload_errc::unavailable);
  EXPECT_NE(opened.error().detail.find(uploads().string()), std::string::npos);
}

TEST_F(FileUploadStore, AFileSystemFailureIsUnavailableAndOnlyTheLogDetailNamesThePath) {
  auto store = open_store();
  fs::remove_all(uploads());  // the store's directory is gone from under it
  auto saved = save(*store, k_png);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, upload_errc::unavailable);
  EXPECT_NE(saved.error().detail.find(uploads().string()), std::string::npos);
  const auto message = chat::ports::user_message(saved.error().code);
  EXPECT_EQ(message.find('/'), std::string_view::npos);
  EXPECT_EQ(message.find(dir_.filename().string()), std::string_view::npos);
}

TEST_F(FileUploadStore, OpeningRemovesOldTemporaryFilesAndKeepsYoungOnes) {
  fs::create_directories(uploads());
  const auto old_temp = uploads() / ".tmp-00000000000000000000000000000000";
  const auto young_temp = uploads() / ".tmp-11111111111111111111111111111111";
  const auto other = uploads() / ".keep";
  touch(old_temp, k_png);
  touch(young_temp, k_png);
  touch(other, "");
  fs::last_write_time(old_temp, fs::file_time_type::clock::now() - std::chrono::hours(2));
  fs::last_write_time(other, fs::file_time_type::clock::now() - std::chrono::hours(2));
  auto store = open_store();
  EXPECT_FALSE(fs::exists(old_temp));
  EXPECT_TRUE(fs::exists(young_temp));
  EXPECT_TRUE(fs::exists(other));
}

TEST_F(FileUploadStore, DestroyingTheStoreFinishesSavesAlreadyQueued) {
  auto store = open_store(1);
  asio::io_context io;
  int saved_count = 0;
  for (int i = 0; i < 5; ++i) {
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
          std::string bytes = k_webp;
          auto saved = co_await store->save_image(std::move(bytes));
          if (saved) ++saved_count;
        },
        asio::detached);
  }
  io.poll();  // every save is now queued on the worker
  store.reset();
  io.run();  // the completions were posted before the destructor returned
  EXPECT_EQ(saved_count, 5);
  EXPECT_EQ(listing(uploads()).size(), 5U);
}

}  // namespace
