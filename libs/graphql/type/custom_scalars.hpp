#pragma once
/// The custom scalars of SPEC GQL-3, as `scalar_coercion`s to hand to `build_schema`
/// (`build_options::scalars`):
///
///  - `DateTime`: an RFC 3339 date-time. Inputs (variables and string literals) are
///    validated and normalised to UTC with milliseconds (`2025-11-10T20:00:00.000Z`);
///    results may be such a string or a number of milliseconds since the Unix epoch, and
///    are written in the same normal form. Years 0000–9999.
///  - `Upload`: a file of a GraphQL multipart request (SPEC HTTP-2). The multipart layer
///    replaces the `null` a client sends at a file's variable path with an upload
///    reference (`make_upload_reference`); the scalar accepts only such references, refuses
///    literals, and cannot be a result (graphql-upload's `GraphQLUpload` messages). A
///    reference names a file of the current request by index, so a client that writes one
///    into plain JSON can only name files of its own request, which the resolver looks
///    up in the request's context.
///
/// Thread-safety: pure functions.

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graphql/type/schema.hpp"

namespace chat::graphql {

/// Milliseconds since the Unix epoch of an RFC 3339 date-time (`2025-11-10T21:00:00+01:00`,
/// `2025-11-10t20:00:00.123456z`); nullopt when `text` is not one. Fractions beyond
/// milliseconds are truncated; a leap second (`:60`) is refused, as JavaScript's `Date`
/// does.
std::optional<std::int64_t> parse_date_time(std::string_view text) noexcept;

/// `epoch_ms` as `YYYY-MM-DDTHH:MM:SS.sssZ`; nullopt outside years 0000–9999.
std::optional<std::string> format_date_time(std::int64_t epoch_ms);

scalar_coercion date_time_coercion();

/// The JSON an `Upload` variable holds for the `index`-th file of a multipart request.
boost::json::value make_upload_reference(std::uint32_t index);
/// The file index of an upload reference; nullopt for any other value.
std::optional<std::uint32_t> upload_index(const boost::json::value& v) noexcept;

scalar_coercion upload_coercion();

}  // namespace chat::graphql
