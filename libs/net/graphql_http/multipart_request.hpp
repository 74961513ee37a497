#pragma once
/// GraphQL multipart requests (SPEC HTTP-2): file uploads as apollo-upload-client sends
/// them, per https://github.com/jaydenseric/graphql-multipart-request-spec. A
/// `multipart/form-data` body holds, in this order, an `operations` field (the JSON of
/// a normal POST: one operation object or a batch array), a `map` field (a JSON object
/// from each file's field name to the object paths where the file goes, such as
/// `["variables.file"]` or `["0.variables.file"]` in a batch), then the file parts:
///
///     --B\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":…}\r\n
///     --B\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"1":["variables.file"]}\r\n
///     --B\r\nContent-Disposition: form-data; name="1"; filename="a.png"\r\n
///     Content-Type: image/png\r\n\r\n<bytes>\r\n--B--\r\n
///
/// Each mapped path must exist in `operations` and hold `null` (what the client puts
/// where a file goes); it is replaced by `graphql::make_upload_reference(i)`, `i` being
/// the file's index in `multipart_request::files`, which the `Upload` scalar accepts.
/// The operations then go through `parse_request` exactly as a JSON POST does (batch
/// limit, member checks, messages).
///
/// Failures reuse graphql-upload's messages where it has one, so clients of the old
/// backend see the same text. Pure functions: no I/O, never throw on any input (only
/// `std::bad_alloc`). Thread-safety: pure functions.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "net/graphql_http/graphql_request.hpp"

namespace chat::net::graphql_http {

struct multipart_limits {
  /// File parts per request (HTTP-2: one). More map entries or more file parts: 413.
  std::size_t max_files = 1;
  /// Bytes of one file (UPLOAD_MAX_BYTES). A larger file: 413.
  std::uint64_t max_file_bytes = 10 * 1024 * 1024;
  /// Bytes of the `operations` field, and separately of the `map` field. Larger: 413.
  std::size_t max_operations_bytes = 1024 * 1024;
  /// Applied to the operations as to a JSON POST (batch size).
  request_limits request{};
};

/// One file of the request. Every field is as the client declared it, unverified:
/// `filename` may hold `../`, quotes, or anything else and must never become a path;
/// `declared_type` (the part's Content-Type, empty when it had none) says nothing
/// about the bytes.
struct uploaded_file {
  std::string field_name;     // its key in `map`
  std::string filename;       // the part's `filename` parameter, unescaped; may be empty
  std::string declared_type;  // the part's Content-Type header value, as sent
  /// A view into the `body` given to `parse_multipart_request`: valid only while that
  /// buffer lives (the `http_request` that owns it).
  std::string_view bytes;
};

struct multipart_request {
  parsed_request request;            // variables hold upload references where files go
  std::vector<uploaded_file> files;  // index = the upload reference's index; map order
};

/// A refused multipart request: 400 (`BAD_REQUEST`) when malformed, 413
/// (`PAYLOAD_TOO_LARGE`) over a limit, 415 when the body is not `multipart/form-data`.
struct multipart_error {
  http::status status = http::status::bad_request;
  std::string code = "BAD_REQUEST";  // the ERR-1 `extensions.code`
  std::string message;
};

using multipart_result = std::variant<multipart_request, multipart_error>;

/// True when `content_type` names `multipart/form-data` (case-insensitive), the media
/// type to route to `parse_multipart_request` instead of `parse_request`.
bool is_multipart_form_data(std::string_view content_type) noexcept;

/// Reads a GraphQL multipart request: the boundary comes from `content_type_header`
/// (`boundary=` case-insensitive, quoted or not, 1–70 characters of RFC 2046
/// `bchars`); `body` is the whole request body, which may have a preamble before the
/// first boundary and an epilogue after the last. File bytes are binary (CR, LF, NUL
/// and `--` are content unless they form CRLF `--boundary`). Parts that are neither
/// `operations`, `map` nor mapped files are ignored (as graphql-upload does), except
/// that after `map` an unmapped part with a `filename` still counts toward `max_files`
/// (as busboy counts it), and before `map` a part with a `filename` is misordered.
multipart_result parse_multipart_request(std::string_view content_type_header,
                                         std::string_view body,
                                         const multipart_limits& limits = {});

}  // namespace chat::net::graphql_http
