#include "adapters/files/file_upload_store.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <system_error>
#include <utility>

namespace chat::adapters {

namespace {

using ports::image_content;
using ports::saved_image;
using ports::upload_errc;
using ports::upload_error;
using ports::upload_result;

constexpr std::size_t k_random_bytes = 16;  // 128 bits: 32 hex digits
constexpr std::string_view k_temp_prefix = ".tmp-";
constexpr auto k_stale_temp_age = std::chrono::hours(1);
constexpr int k_rename_attempts = 4;
constexpr mode_t k_directory_mode = 0750;
constexpr mode_t k_file_mode = 0640;

// Errors are built outside coroutine bodies: GCC 12 mishandles braced temporaries in
// them (store.hpp).
upload_error failure(upload_errc code, std::string detail) {
  return {code, std::move(detail)};
}

/// For the log only (ERR-3): what failed, on which path, and the OS's reason.
upload_error os_failure(std::string_view what, const std::filesystem::path& path, int error) {
  return failure(upload_errc::unavailable, "uploads: " + std::string(what) + " " + path.string() +
                                               ": " + std::strerror(error));
}

/// `k_random_bytes` from OpenSSL's CSPRNG as lower-case hex, or nothing if it fails.
std::optional<std::string> random_hex() {
  std::array<unsigned char, k_random_bytes> raw{};
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) return std::nullopt;
  constexpr std::string_view k_digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(raw.size() * 2);
  for (const unsigned char byte : raw) {
    hex.push_back(k_digits[byte >> 4]);
    hex.push_back(k_digits[byte & 0x0F]);
  }
  return hex;
}

/// Closes `fd` on scope exit unless released.
class fd_guard {
 public:
  explicit fd_guard(int fd) noexcept : fd_(fd) {}
  fd_guard(const fd_guard&) = delete;
  fd_guard& operator=(const fd_guard&) = delete;
  ~fd_guard() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const noexcept { return fd_; }
  /// Closes now and answers close()'s errno (0: success).
  int close() noexcept {
    const int fd = std::exchange(fd_, -1);
    return ::close(fd) == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

bool write_all(int fd, const std::string& bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

/// Renames without replacing (a name collision must never overwrite another image):
/// renameat2(RENAME_NOREPLACE) where the file system supports it.
int rename_no_replace(int dir_fd, const char* from, const char* to) {
  if (::renameat2(dir_fd, from, dir_fd, to, RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return errno;
  // No RENAME_NOREPLACE here: link (fails on an existing name), then drop the temp name.
  if (::linkat(dir_fd, from, dir_fd, to, 0) != 0) return errno;
  ::unlinkat(dir_fd, from, 0);
  return 0;
}

/// Creates every missing level of `dir` with exactly `k_directory_mode` (whatever the
/// umask); existing levels keep theirs.
int make_directories(const std::filesystem::path& dir) {
  std::filesystem::path prefix;
  for (const auto& part : dir) {
    prefix /= part;
    if (::mkdir(prefix.c_str(), k_directory_mode) == 0) {
      if (::chmod(prefix.c_str(), k_directory_mode) != 0) return errno;
    } else if (errno != EEXIST) {
      return errno;
    }
  }
  return 0;
}

/// Best effort: removes temporary files a crash left behind. Only old ones: another
/// instance sharing the directory may be writing a young one right now.
void remove_stale_temp_files(const std::filesystem::path& dir) {
  std::error_code ec;
  const auto now = std::filesystem::file_time_type::clock::now();
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(k_temp_prefix)) continue;
    std::error_code entry_ec;
    const auto written = std::filesystem::last_write_time(it->path(), entry_ec);
    if (!entry_ec && now - written > k_stale_temp_age) {
      std::filesystem::remove(it->path(), entry_ec);
    }
  }
}

/// An awaitable that answers `result` at once.
template <class T>
ports::upload_store::task<T> ready(upload_result<T> result) {
  co_return result;
}

/// Runs `fn` on `pool` and resumes the awaiting coroutine on its own executor with the
/// answer. The work guard keeps the caller's io_context busy until the answer arrives,
/// and travels with the handler: once posted, the caller may resume, finish and destroy
/// its io_context before this thread runs another line.
template <class T, class Fn>
ports::upload_store::task<T> run_on(boost::asio::thread_pool& pool, Fn fn) {
  co_return co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&,
                                                 void(upload_result<T>)>(
      [&pool, &fn](auto handler) {
        auto work = boost::asio::make_work_guard(boost::asio::get_associated_executor(handler));
        boost::asio::post(pool, [fn = std::move(fn), handler = std::move(handler),
                                 work = std::move(work)]() mutable {
          upload_result<T> result;
          try {
            result = fn();
          } catch (const std::exception& e) {
            result = failure(upload_errc::unavailable, std::string("uploads: ") + e.what());
          }
          auto executor = work.get_executor();
          boost::asio::post(executor, [handler = std::move(handler), work = std::move(work),
                                       result = std::move(result)]() mutable {
            work.reset();
            std::move(handler)(std::move(result));
          });
        });
      },
      boost::asio::use_awaitable);
}

}  // namespace

ports::upload_result<std::unique_ptr<file_upload_store>> file_upload_store::open(
    file_upload_options options) {
  if (options.directory.empty()) {
    return failure(upload_errc::unavailable, "uploads: no directory configured");
  }
  if (const int error = make_directories(options.directory); error != 0) {
    return os_failure("cannot create directory", options.directory, error);
  }
  const int fd = ::open(options.directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return os_failure("cannot open directory", options.directory, errno);
  if (::faccessat(fd, ".", W_OK | X_OK, AT_EACCESS) != 0) {
    const int error = errno;
    ::close(fd);
    return os_failure("cannot write to directory", options.directory, error);
  }
  remove_stale_temp_files(options.directory);
  return std::unique_ptr<file_upload_store>(
      new file_upload_store(std::move(options.directory), fd, options.workers));
}

file_upload_store::file_upload_store(std::filesystem::path directory, int directory_fd,
                                     unsigned workers)
    : directory_(std::move(directory)),
      directory_fd_(directory_fd),
      workers_(workers == 0 ? 1 : workers) {}

file_upload_store::~file_upload_store() {
  workers_.join();  // without stop(): runs every queued operation first
  ::close(directory_fd_);
}

bool file_upload_store::valid_name(std::string_view name) noexcept {
  constexpr std::size_t k_hex_digits = k_random_bytes * 2;
  if (name.size() <= k_hex_digits + 1 || name[k_hex_digits] != '.') return false;
  for (const char c : name.substr(0, k_hex_digits)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return domain::image_type_of_extension(name.substr(k_hex_digits + 1)).has_value();
}

ports::upload_store::task<saved_image> file_upload_store::save_image(std::string bytes) {
  const auto type = domain::sniff_image(bytes);
  if (!type) {
    return ready<saved_image>(failure(upload_errc::not_an_image, "uploads: not an image"));
  }
  return run_on<saved_image>(workers_, [this, bytes = std::move(bytes), type = *type]() {
    return write_file(bytes, type);
  });
}

ports::upload_store::task<image_content> file_upload_store::open_image(std::string name) {
  if (!valid_name(name)) {
    return ready<image_content>(failure(upload_errc::not_found, "uploads: not an image name"));
  }
  const auto type = *domain::image_type_of_extension(name.substr(name.find('.') + 1));
  return run_on<image_content>(
      workers_, [this, name = std::move(name), type]() { return read_file(name, type); });
}

upload_result<saved_image> file_upload_store::write_file(const std::string& bytes,
                                                         domain::image_type type) const {
  const auto temp_random = random_hex();
  if (!temp_random) return failure(upload_errc::unavailable, "uploads: RAND_bytes failed");
  const std::string temp = std::string(k_temp_prefix) + *temp_random;

  fd_guard file(::openat(directory_fd_, temp.c_str(),
                         O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, k_file_mode));
  if (file.get() < 0) return os_failure("cannot create", directory_ / temp, errno);
  // From here on, a failure removes the temporary file.
  const auto abandon = [&](std::string_view what, int error) {
    ::unlinkat(directory_fd_, temp.c_str(), 0);
    return os_failure(what, directory_ / temp, error);
  };
  // The umask may only narrow the mode: make it exactly 0640.
  if (::fchmod(file.get(), k_file_mode) != 0) return abandon("cannot chmod", errno);
  if (!write_all(file.get(), bytes)) return abandon("cannot write", errno);
  if (::fsync(file.get()) != 0) return abandon("cannot fsync", errno);
  if (const int error = file.close(); error != 0) return abandon("cannot close", error);

  for (int attempt = 0; attempt < k_rename_attempts; ++attempt) {
    const auto random = random_hex();
    if (!random) {
      ::unlinkat(directory_fd_, temp.c_str(), 0);
      return failure(upload_errc::unavailable, "uploads: RAND_bytes failed");
    }
    saved_image saved{*random + "." + std::string(domain::extension_of(type)), type};
    const int error = rename_no_replace(directory_fd_, temp.c_str(), saved.name.c_str());
    if (error == EEXIST) continue;  // 2^-128 per pair of images; draw again
    if (error != 0) return abandon("cannot rename", error);
    // The new directory entry must reach the disk too before the name is answered.
    if (::fsync(directory_fd_) != 0) {
      const int sync_error = errno;
      ::unlinkat(directory_fd_, saved.name.c_str(), 0);  // never answered: nobody refers to it
      return os_failure("cannot fsync directory", directory_, sync_error);
    }
    return saved;
  }
  return abandon("no free name for", EEXIST);
}

upload_result<image_content> file_upload_store::read_file(const std::string& name,
                                                          domain::image_type type) const {
  // O_NONBLOCK: a FIFO planted under an image's name must not hang a worker (regular
  // files ignore the flag); anything but a regular file is refused below.
  fd_guard file(
      ::openat(directory_fd_, name.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
  if (file.get() < 0) {
    const int error = errno;
    if (error == ENOENT || error == ELOOP || error == ENOTDIR) {
      return failure(upload_errc::not_found, "uploads: no such image");
    }
    return os_failure("cannot open", directory_ / name, error);
  }
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) return os_failure("cannot stat", directory_ / name, errno);
  if (!S_ISREG(status.st_mode)) return failure(upload_errc::not_found, "uploads: not a file");

  image_content content{std::string(static_cast<std::size_t>(status.st_size), '\0'), type};
  std::size_t got = 0;
  while (got < content.bytes.size()) {
    const ssize_t n = ::read(file.get(), content.bytes.data() + got, content.bytes.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return os_failure("cannot read", directory_ / name, errno);
    }
    if (n == 0) break;  // shorter than it was a moment ago (files are never rewritten)
    got += static_cast<std::size_t>(n);
  }
  content.bytes.resize(got);
  return content;
}

}  // namespace chat::adapters
