#pragma once
/// HTTP cookies (RFC 6265) for the session cookies of SPEC AUTH-3..AUTH-6: reading the
/// `Cookie` request header, and writing `Set-Cookie` values that can never carry an
/// injected attribute or header.
///
/// Thread-safety: pure functions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chat::net {

/// The `name=value` pairs of a `Cookie` header, in order, as views into `header`.
///
/// Lenient as RFC 6265 §5.2 asks of user agents (servers see what browsers and scripts
/// send): pairs are split at `;`, spaces and tabs around names and values are trimmed,
/// one pair of double quotes around a value is removed (`a="b"` → `b`), and a pair
/// without `=` or with an empty name is skipped. Duplicates are all kept. Never throws
/// on any input (only `std::bad_alloc`).
std::vector<std::pair<std::string_view, std::string_view>> parse_cookie_header(
    std::string_view header);

/// The value of the first cookie called `name` (case-sensitive) in a `Cookie` header,
/// read as `parse_cookie_header` does, as a view into `header`; nullopt when absent.
/// Does not allocate.
std::optional<std::string_view> find_cookie(std::string_view header,
                                            std::string_view name) noexcept;

/// One `Set-Cookie` header. The defaults are the session cookies of AUTH-3.
struct set_cookie {
  std::string name{};   // an RFC 6265 token
  std::string value{};  // *cookie-octet: no spaces, quotes, commas, semicolons or backslashes
  std::string path = "/";
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Strict";               // "Strict", "Lax", "None", or empty to omit it
  std::optional<std::int64_t> max_age_seconds{};  // omitted: a session cookie
  /// Clears the cookie: writes an empty value with `Max-Age=0` and a 1970 `Expires`
  /// (for old user agents), ignoring `value` and `max_age_seconds`. The name, path
  /// and flags must match the cookie being cleared.
  bool expire_now = false;
};

/// The value of a `Set-Cookie` header, attributes in this order:
/// `name=value; Path=/; Max-Age=900; HttpOnly; Secure; SameSite=Strict`
/// (cleared: `name=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ...`).
///
/// Returns nullopt, never a partial header, when the cookie cannot be written safely:
/// a name that is not an RFC 6265 token, a value with a byte outside cookie-octet, a
/// path that is empty, does not start with `/`, or holds `;` or a control character,
/// a `same_site` other than Strict, Lax, None (exact case) or empty, or `SameSite=None`
/// without `secure` (browsers drop such cookies silently).
[[nodiscard]] std::optional<std::string> to_header_value(const set_cookie& cookie);

}  // namespace chat::net
