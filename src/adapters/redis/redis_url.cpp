#include "adapters/redis/redis_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <charconv>

namespace chat::adapters::redis {

namespace {

constexpr int k_max_db = 1'000'000;  // as app::parse_redis_url

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

bool equals_lower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

/// Digits only (no sign, no blanks), within [min, max].
bool parse_number(std::string_view text, int min, int max, int& out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return false;
  if (value < min || value > max) return false;
  out = value;
  return true;
}

redis_url_parse fail(std::string why) {
  return {std::nullopt, std::move(why)};
}

}  // namespace

redis_url_parse parse_redis_url(std::string_view text) {
  const std::string expected = "expected redis://[[user]:password@]host[:port][/db]";
  auto parsed = boost::urls::parse_uri(trim(text));
  if (!parsed) return fail(expected);
  const boost::urls::url_view& url = *parsed;
  if (!equals_lower(url.scheme(), "redis")) {
    return fail(equals_lower(url.scheme(), "rediss")
                    ? "TLS (rediss://) is not supported; " + expected
                    : expected);
  }
  if (url.encoded_host().empty()) return fail(expected + ": the host is missing");

  redis_url out;
  // host_address() is the IPv6 address without its brackets, a name percent-decoded.
  out.host = url.host_address();
  if (url.has_port()) {
    int port = 0;
    if (!parse_number(url.port(), 1, 65535, port)) {
      return fail(expected + ": the port must be between 1 and 65535");
    }
    out.port = static_cast<std::uint16_t>(port);
  }
  const std::string path = url.path();
  if (!path.empty() && path != "/") {
    if (!parse_number(std::string_view(path).substr(1), 0, k_max_db, out.db)) {
      return fail(expected + ": the database must be a number");
    }
  }
  if (url.has_userinfo()) {
    if (url.has_password()) {
      out.username = url.user();
      out.password = url.password();
    } else {
      out.password = url.user();  // redis-cli: `redis://secret@host`
    }
  }
  return {std::move(out), {}};
}

std::string describe(const redis_url& url) {
  const bool v6 = url.host.find(':') != std::string::npos;
  std::string out = v6 ? "[" + url.host + "]" : url.host;
  out += ':';
  out += std::to_string(url.port);
  out += '/';
  out += std::to_string(url.db);
  return out;
}

}  // namespace chat::adapters::redis
