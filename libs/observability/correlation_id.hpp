#pragma once
/// Correlation ids (SPEC OBS-2): a well-formed `x-correlation-id` request header is kept,
/// anything else is replaced by a fresh UUIDv4.
///
/// Thread-safety: all functions are safe to call from any thread.

#include <string>
#include <string_view>

namespace chat::obs {

/// Longest correlation id accepted from a client.
inline constexpr std::size_t k_max_correlation_id_length = 128;

/// True when `id` is 1..128 characters of `[A-Za-z0-9._-]`.
bool is_valid_correlation_id(std::string_view id) noexcept;

/// A random RFC 4122 version 4 UUID in lower-case canonical form.
std::string make_uuid_v4();

/// `header` when it is a valid correlation id, otherwise a new UUIDv4.
std::string correlation_id_from(std::string_view header);

}  // namespace chat::obs
