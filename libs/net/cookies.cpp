#include "net/cookies.hpp"

#include <charconv>

namespace chat::net {
namespace {

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

/// Splits `header` at its next `;`: returns the pair before it, advancing `header`.
/// A pair without `=` or with an empty name yields nullopt.
std::optional<std::pair<std::string_view, std::string_view>> next_pair(
    std::string_view& header) noexcept {
  const auto semicolon = header.find(';');
  const std::string_view pair = header.substr(0, semicolon);
  header = semicolon == std::string_view::npos ? std::string_view{} : header.substr(semicolon + 1);
  const auto eq = pair.find('=');
  if (eq == std::string_view::npos) return std::nullopt;
  const std::string_view name = trim(pair.substr(0, eq));
  if (name.empty()) return std::nullopt;
  std::string_view value = trim(pair.substr(eq + 1));
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  return std::pair{name, value};
}

// RFC 2616 §2.2 token, as RFC 6265 §4.1.1 uses it for cookie names.
bool is_token(std::string_view text) noexcept {
  if (text.empty()) return false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f) return false;
    if (std::string_view(R"(()<>@,;:\"/[]?={})").find(c) != std::string_view::npos) return false;
  }
  return true;
}

// RFC 6265 §4.1.1: cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E.
bool is_cookie_value(std::string_view text) noexcept {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x21 || byte > 0x7e || c == '"' || c == ',' || c == ';' || c == '\\') return false;
  }
  return true;
}

// RFC 6265 §4.1.1: path-value = <any CHAR except CTLs or ";">; we also want it absolute.
bool is_path(std::string_view text) noexcept {
  if (text.empty() || text.front() != '/') return false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f || c == ';') return false;
  }
  return true;
}

}  // namespace

std::vector<std::pair<std::string_view, std::string_view>> parse_cookie_header(
    std::string_view header) {
  std::vector<std::pair<std::string_view, std::string_view>> cookies;
  while (!header.empty()) {
    if (auto pair = next_pair(header)) cookies.push_back(*pair);
  }
  return cookies;
}

std::optional<std::string_view> find_cookie(std::string_view header,
                                            std::string_view name) noexcept {
  while (!header.empty()) {
    if (auto pair = next_pair(header); pair && pair->first == name) return pair->second;
  }
  return std::nullopt;
}

std::optional<std::string> to_header_value(const set_cookie& cookie) {
  if (!is_token(cookie.name) || !is_path(cookie.path)) return std::nullopt;
  if (!cookie.expire_now && !is_cookie_value(cookie.value)) return std::nullopt;
  if (!cookie.same_site.empty() && cookie.same_site != "Strict" && cookie.same_site != "Lax" &&
      cookie.same_site != "None") {
    return std::nullopt;
  }
  if (cookie.same_site == "None" && !cookie.secure) return std::nullopt;

  std::string out;
  out.reserve(cookie.name.size() + cookie.value.size() + cookie.path.size() + 96);
  out += cookie.name;
  out += '=';
  if (!cookie.expire_now) out += cookie.value;
  out += "; Path=";
  out += cookie.path;
  if (cookie.expire_now) {
    out += "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
  } else if (cookie.max_age_seconds) {
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, *cookie.max_age_seconds);
    (void)ec;  // 24 characters hold any int64
    out += "; Max-Age=";
    out.append(digits, end);
  }
  if (cookie.http_only) out += "; HttpOnly";
  if (cookie.secure) out += "; Secure";
  if (!cookie.same_site.empty()) {
    out += "; SameSite=";
    out += cookie.same_site;
  }
  return out;
}

}  // namespace chat::net
