#include "app/config_parsers.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <charconv>

#include "text/json_text.hpp"

namespace chat::app {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split_commas(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string_view::npos ? text.size() : comma;
    parts.push_back(trim(text.substr(start, end - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return parts;
}

// Splits "15m" into 15 and "m".
bool split_number_unit(std::string_view text, std::uint64_t& number, std::string& unit) {
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, number);
  if (ec != std::errc{} || ptr == begin) return false;
  unit = lower(trim(std::string_view(ptr, static_cast<std::size_t>(end - ptr))));
  return true;
}

}  // namespace

parsed<std::int64_t> parse_integer(std::string_view text, std::int64_t min, std::int64_t max) {
  const auto expected =
      "expected an integer between " + std::to_string(min) + " and " + std::to_string(max);
  text = trim(text);
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size()) {
    return parsed<std::int64_t>::fail(expected);
  }
  if (value < min || value > max) return parsed<std::int64_t>::fail(expected);
  return parsed<std::int64_t>::ok(value);
}

parsed<std::chrono::milliseconds> parse_duration(std::string_view text) {
  using result = parsed<std::chrono::milliseconds>;
  const std::string expected = "expected a duration such as 250ms, 30s, 15m, 3h or 7d";
  std::uint64_t number = 0;
  std::string unit;
  if (!split_number_unit(trim(text), number, unit)) return result::fail(expected);
  std::uint64_t factor = 0;
  if (unit == "ms") {
    factor = 1;
  } else if (unit.empty() || unit == "s") {
    factor = 1000;
  } else if (unit == "m") {
    factor = 60'000;
  } else if (unit == "h") {
    factor = 3'600'000;
  } else if (unit == "d") {
    factor = 86'400'000;
  } else {
    return result::fail(expected);
  }
  constexpr std::uint64_t k_max_ms = 10ULL * 365 * 86'400'000;  // ten years
  if (number == 0 || number > k_max_ms / factor) {
    return result::fail("expected a duration above zero and at most ten years");
  }
  return result::ok(std::chrono::milliseconds(static_cast<std::int64_t>(number * factor)));
}

parsed<std::uint64_t> parse_size(std::string_view text) {
  using result = parsed<std::uint64_t>;
  const std::string expected = "expected a size in bytes such as 1048576, 512KB or 10MB";
  std::uint64_t number = 0;
  std::string unit;
  if (!split_number_unit(trim(text), number, unit)) return result::fail(expected);
  std::uint64_t factor = 0;
  if (unit.empty() || unit == "b") {
    factor = 1;
  } else if (unit == "k" || unit == "kb" || unit == "kib") {
    factor = 1024;
  } else if (unit == "m" || unit == "mb" || unit == "mib") {
    factor = 1024ULL * 1024;
  } else if (unit == "g" || unit == "gb" || unit == "gib") {
    factor = 1024ULL * 1024 * 1024;
  } else {
    return result::fail(expected);
  }
  constexpr std::uint64_t k_max = 1ULL << 40;  // 1 TiB
  if (number == 0 || number > k_max / factor) {
    return result::fail("expected a size above zero and at most 1TB");
  }
  return result::ok(number * factor);
}

parsed<std::string> parse_choice(std::string_view text, const std::vector<std::string>& choices) {
  const std::string wanted = lower(trim(text));
  std::string list;
  for (const auto& choice : choices) {
    if (choice == wanted) return parsed<std::string>::ok(choice);
    if (!list.empty()) list += ", ";
    list += choice;
  }
  return parsed<std::string>::fail("expected one of " + list);
}

parsed<database_target> parse_database_url(std::string_view text) {
  using result = parsed<database_target>;
  const std::string expected =
      "expected postgres://user:password@host:port/database (or sqlite:<path>)";
  text = trim(text);
  const std::string scheme_lower = lower(text.substr(0, text.find(':')));
  if (scheme_lower == "sqlite" || scheme_lower == "file") {
    std::string_view path = text.substr(text.find(':') + 1);
    if (path.starts_with("//")) path.remove_prefix(2);
    if (path.empty()) return result::fail("expected sqlite:<path to the database file>");
    database_target target;
    target.type = database_target::kind::sqlite;
    target.location = std::string(path);
    return result::ok(std::move(target));
  }
  auto parsed_url = boost::urls::parse_uri(text);
  if (!parsed_url) return result::fail(expected);
  boost::urls::url url(*parsed_url);
  const std::string scheme = lower(url.scheme());
  if (scheme != "postgres" && scheme != "postgresql") return result::fail(expected);
  if (url.encoded_host().empty()) return result::fail(expected + ": the host is missing");
  if (url.has_port()) {
    if (!parse_integer(url.port(), 1, 65535)) {
      return result::fail(expected + ": the port must be between 1 and 65535");
    }
  }
  database_target target;
  target.type = database_target::kind::postgres;
  // Prisma's `schema` parameter is not a libpq option: keep it aside.
  auto params = url.params();
  if (auto it = params.find("schema"); it != params.end()) {
    target.schema = (*it).value;
    if (target.schema.empty()) target.schema = "public";
    params.erase(it);
  }
  if (url.params().empty()) url.remove_query();
  target.location = std::string(url.buffer());
  return result::ok(std::move(target));
}

parsed<std::string> parse_redis_url(std::string_view text) {
  using result = parsed<std::string>;
  const std::string expected = "expected redis://[:password@]host[:port][/db]";
  auto parsed_url = boost::urls::parse_uri(trim(text));
  if (!parsed_url) return result::fail(expected);
  const std::string scheme = lower(parsed_url->scheme());
  if (scheme != "redis") {
    return result::fail(scheme == "rediss" ? "TLS (rediss://) is not supported; " + expected
                                           : expected);
  }
  if (parsed_url->encoded_host().empty()) return result::fail(expected + ": the host is missing");
  if (parsed_url->has_port() && !parse_integer(parsed_url->port(), 1, 65535)) {
    return result::fail(expected + ": the port must be between 1 and 65535");
  }
  const auto path = parsed_url->path();
  if (!path.empty() && path != "/" && !parse_integer(path.substr(1), 0, 1'000'000)) {
    return result::fail(expected + ": the database must be a number");
  }
  return result::ok(std::string(parsed_url->buffer()));
}

parsed<std::string> redis_url_from_parts(std::string_view host, std::string_view port,
                                         std::string_view password) {
  boost::urls::url url;
  url.set_scheme("redis");
  const std::string_view bare = host.empty() ? std::string_view("127.0.0.1") : trim(host);
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(std::string(bare), ec);
  if (!ec && address.is_v6()) {
    // An IPv6 literal is bracketed. (Appending, not `"[" + s + "]"`: GCC 12 at -O3 warns
    // falsely about that expression with -Wrestrict.)
    std::string literal(1, '[');
    literal.append(address.to_string());
    literal.push_back(']');
    url.set_encoded_host(literal);
  } else {
    url.set_host(bare);
  }
  if (!port.empty()) {
    if (!parse_integer(port, 1, 65535)) {
      return parsed<std::string>::fail("expected an integer between 1 and 65535");
    }
    url.set_port(trim(port));
  }
  if (!password.empty()) url.set_password(password);
  return parse_redis_url(url.buffer());
}

parsed<std::string> parse_public_url(std::string_view text) {
  using result = parsed<std::string>;
  const std::string expected = "expected an absolute http:// or https:// URL";
  auto parsed_url = boost::urls::parse_uri(trim(text));
  if (!parsed_url) return result::fail(expected);
  const std::string scheme = lower(parsed_url->scheme());
  if ((scheme != "http" && scheme != "https") || parsed_url->encoded_host().empty()) {
    return result::fail(expected);
  }
  if (parsed_url->has_query() || parsed_url->has_fragment()) {
    return result::fail(expected + " without query or fragment");
  }
  std::string out(parsed_url->buffer());
  while (!out.empty() && out.back() == '/')
    out.pop_back();
  return result::ok(std::move(out));
}

parsed<std::vector<std::string>> parse_origins(std::string_view text) {
  using result = parsed<std::vector<std::string>>;
  std::vector<std::string> origins;
  for (const auto part : split_commas(text)) {
    if (part.empty()) continue;
    if (part == "*") {
      origins.emplace_back("*");
      continue;
    }
    auto parsed_url = boost::urls::parse_uri(part);
    const bool valid =
        parsed_url &&
        (lower(parsed_url->scheme()) == "http" || lower(parsed_url->scheme()) == "https") &&
        !parsed_url->encoded_host().empty() &&
        (parsed_url->path().empty() || parsed_url->path() == "/") && !parsed_url->has_query() &&
        !parsed_url->has_userinfo();
    if (!valid) {
      return result::fail("expected comma-separated origins such as http://localhost:5173, got \"" +
                          printable(part) + "\"");
    }
    std::string origin(part);
    if (origin.back() == '/') origin.pop_back();
    origins.push_back(std::move(origin));
  }
  if (origins.empty()) return result::fail("expected at least one origin");
  return result::ok(std::move(origins));
}

parsed<std::vector<std::string>> parse_trusted_proxies(std::string_view text) {
  using result = parsed<std::vector<std::string>>;
  std::vector<std::string> proxies;
  const std::string all = lower(trim(text));
  if (all.empty() || all == "off" || all == "false" || all == "none") {
    return result::ok(std::move(proxies));
  }
  for (const auto part : split_commas(text)) {
    if (part.empty()) continue;
    const std::string item = lower(part);
    boost::system::error_code ec;
    if (item == "loopback") {
      proxies.push_back(item);
      continue;
    }
    if (item.find('/') != std::string::npos) {
      boost::asio::ip::make_network_v4(item, ec);
      if (ec) {
        ec.clear();
        boost::asio::ip::make_network_v6(item, ec);
      }
    } else {
      boost::asio::ip::make_address(item, ec);
    }
    if (ec) {
      return result::fail("expected off, or addresses and networks such as 10.0.0.0/8, got \"" +
                          printable(part) + "\"");
    }
    proxies.push_back(item);
  }
  return result::ok(std::move(proxies));
}

parsed<std::string> parse_listen_host(std::string_view text) {
  text = trim(text);
  if (text == "localhost") return parsed<std::string>::ok("127.0.0.1");
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return parsed<std::string>::fail("expected an IP address such as 0.0.0.0 or 127.0.0.1");
  return parsed<std::string>::ok(address.to_string());
}

std::string printable(std::string_view value, std::size_t max_bytes) {
  std::string out;
  const std::size_t keep = text::utf8_safe_prefix(value, max_bytes);
  text::append_json_escaped(out, value.substr(0, keep));
  if (keep < value.size()) out += "...";
  return out;
}

}  // namespace chat::app
