#pragma once
/// The local-file-system adapter of the upload store port (MSG-3, HTTP-5): one file per
/// image in one directory (DATA_DIR/uploads), named `<32 hex>.<ext>`.
///
/// A save writes a temporary file (`.tmp-<32 hex>`, mode 0640) in the same directory,
/// fsyncs it, renames it to its final name and fsyncs the directory, so a name answered
/// survives a crash (REL-2) and a reader never sees half an image. Temporary files left by
/// a crash never match a served name; `open` removes those older than an hour.
///
/// Blocking file I/O runs on the store's own worker threads, never on the caller's; the
/// caller's coroutine is resumed on its own executor (whose io_context is kept busy
/// meanwhile). Names are checked (`valid_name`) on the caller's thread, content is
/// sniffed there too (a few bytes): refusals cost no thread hop and touch no file.
///
/// Thread-safety: `save_image` and `open_image` may be called concurrently from any
/// thread. Destroy the store before the io_contexts of its callers: the destructor
/// finishes queued operations (their completions are posted to those io_contexts), then
/// joins its threads.

#include <boost/asio/thread_pool.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "ports/upload_store.hpp"

namespace chat::adapters {

struct file_upload_options {
  std::filesystem::path directory;  // DATA_DIR/uploads; created (0750) if missing
  unsigned workers = 1;             // file I/O threads (0 is taken as 1)
};

class file_upload_store final : public ports::upload_store {
 public:
  /// Creates the directory if missing (each missing level 0750) and opens it. Start-up
  /// code: may block. Errors: `unavailable` with a detail (for the log).
  static ports::upload_result<std::unique_ptr<file_upload_store>> open(file_upload_options options);

  file_upload_store(const file_upload_store&) = delete;
  file_upload_store& operator=(const file_upload_store&) = delete;
  /// Finishes queued operations, joins the worker threads, closes the directory.
  ~file_upload_store() override;

  task<ports::saved_image> save_image(std::string bytes) override;
  task<ports::image_content> open_image(std::string name) override;

  /// Whether `name` is one `save_image` could have made: exactly
  /// `^[0-9a-f]{32}\.(jpg|png|gif|webp)$`. Pure; any thread.
  static bool valid_name(std::string_view name) noexcept;

  /// The directory images are kept in.
  const std::filesystem::path& directory() const noexcept { return directory_; }

 private:
  file_upload_store(std::filesystem::path directory, int directory_fd, unsigned workers);

  /// On a worker thread: writes, syncs and renames; answers the final name.
  ports::upload_result<ports::saved_image> write_file(const std::string& bytes,
                                                      domain::image_type type) const;
  /// On a worker thread: reads the whole file `name` (already validated).
  ports::upload_result<ports::image_content> read_file(const std::string& name,
                                                       domain::image_type type) const;

  std::filesystem::path directory_;
  int directory_fd_;  // every file operation is relative to it (openat, renameat)
  boost::asio::thread_pool workers_;
};

}  // namespace chat::adapters
