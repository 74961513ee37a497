#pragma once
/// The upload store port (DESIGN principle 5): uploaded images (SPEC MSG-3, HTTP-2,
/// HTTP-5), in chat vocabulary. Adapter: `adapters/files/file_upload_store`
/// (DATA_DIR/uploads on the local file system).
///
/// An image is kept under a name the server makes: 128 random bits in lower-case hex
/// and the extension of the type its content shows (`3f…a1.png`), never anything the
/// client sent. `GET /uploads/<name>` serves it (HTTP-5).
///
/// Every operation is a coroutine awaited on a network thread; adapters never block that
/// thread and resume the caller on its own executor. Failures are values
/// (`upload_result`), never exceptions; `unavailable` carries a detail for the log only
/// (ERR-3: no file path ever reaches a response; `user_message` is what a person sees).
///
/// Durability (REL-2): a `save_image` that answered a name has the image on disk (file
/// and directory entry synced).
///
/// Thread-safety: a store may be called concurrently from every network thread.
///
/// Calling convention: move argument values in as locals (`co_await s.save_image(
/// std::move(bytes))`), as with `store`.

#include <boost/asio/awaitable.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "domain/image_type.hpp"

namespace chat::ports {

enum class upload_errc : std::uint8_t {
  not_an_image,  // MSG-3: the content is not JPEG, PNG, GIF or WebP
  not_found,     // no image of that name (or not a name the server could have made)
  unavailable,   // the file system failed; retry later
};

/// A short name for logs and metrics (`"not_an_image"`).
inline std::string_view name_of(upload_errc code) noexcept {
  switch (code) {
    case upload_errc::not_an_image:
      return "not_an_image";
    case upload_errc::not_found:
      return "not_found";
    case upload_errc::unavailable:
      return "unavailable";
  }
  return "unknown";
}

/// The sentence a person sees (ERR-4); never a path or an OS error (ERR-3).
inline std::string_view user_message(upload_errc code) noexcept {
  switch (code) {
    case upload_errc::not_an_image:
      return "Only JPEG, PNG, GIF or WebP images are allowed";
    case upload_errc::not_found:
      return "Image not found";
    case upload_errc::unavailable:
      return "The image could not be stored. Please try again later.";
  }
  return "Internal server error";
}

struct upload_error {
  upload_errc code = upload_errc::unavailable;
  /// For the log (with the correlation id), never for a response (ERR-3).
  std::string detail;
};

/// A value or an `upload_error` (std::expected is C++23; the shape of `store_result`).
template <class T>
class upload_result {
 public:
  /// No answer (yet): `unavailable` (lets a result be a completion handler's argument).
  upload_result()
      : data_(std::in_place_index<1>, upload_error{upload_errc::unavailable, "no result"}) {}
  upload_result(T value) : data_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  upload_result(upload_error error)                                            // NOLINT
      : data_(std::in_place_index<1>, std::move(error)) {}

  bool has_value() const noexcept { return data_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const upload_error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, upload_error> data_;
};

/// What `save_image` answers: the generated name (what `/uploads/<name>` serves) and
/// the type the content showed.
struct saved_image {
  std::string name;
  domain::image_type type = domain::image_type::png;
};

/// What `open_image` answers: the whole file.
struct image_content {
  std::string bytes;
  domain::image_type type = domain::image_type::png;

  /// `"image/png"` …: the Content-Type to serve it with (HTTP-5, with `nosniff`).
  std::string_view content_type() const noexcept { return domain::content_type_of(type); }
  std::size_t size() const noexcept { return bytes.size(); }
};

class upload_store {
 public:
  template <class T>
  using task = boost::asio::awaitable<upload_result<T>>;

  virtual ~upload_store() = default;

  /// Recognises `bytes` by content (MSG-3), refusing anything else with `not_an_image`
  /// before writing anything; stores it durably under a new generated name and answers
  /// it. The size limit (UPLOAD_MAX_BYTES) is the transport's (HTTP-2), not checked here.
  virtual task<saved_image> save_image(std::string bytes) = 0;

  /// The image stored under `name`. `not_found` when there is none, and for any `name`
  /// that is not exactly a name `save_image` could make (`^[0-9a-f]{32}\.(jpg|png|gif|webp)$`):
  /// such a name is refused before the file system is touched (no `../`, no absolute
  /// path, no NUL, no upper case).
  virtual task<image_content> open_image(std::string name) = 0;
};

}  // namespace chat::ports
