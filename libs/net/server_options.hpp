#pragma once
/// Limits and timeouts of the HTTP server (SPEC HTTP-6). One struct, filled from the
/// application's configuration.

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace chat::net {

struct server_options {
  /// Request line plus headers; larger is answered 431.
  std::size_t max_header_bytes = 16 * 1024;
  /// Request bodies other than multipart; larger is answered 413 (HTTP-6: 1 MB).
  std::uint64_t max_body_bytes = 1024 * 1024;
  /// multipart/form-data bodies (uploads, HTTP-2): the upload limit plus envelope.
  std::uint64_t max_multipart_body_bytes = 10 * 1024 * 1024 + 64 * 1024;
  /// From the first byte of a request to the end of its headers (slow-header clients).
  std::chrono::milliseconds header_timeout{10'000};
  /// For the whole body once the headers are in.
  std::chrono::milliseconds body_timeout{60'000};
  /// A keep-alive connection waiting for its next request.
  std::chrono::milliseconds idle_timeout{60'000};
  /// Writing one response.
  std::chrono::milliseconds write_timeout{30'000};
  /// Connections above this are closed as soon as they are accepted.
  std::size_t max_connections = 50'000;
};

}  // namespace chat::net
