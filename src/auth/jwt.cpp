#include "auth/jwt.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <system_error>

namespace chat::auth {

namespace {

constexpr std::string_view k_header_json = R"({"alg":"HS256","typ":"JWT"})";
constexpr std::size_t k_mac_size = 32;  // SHA-256

constexpr std::string_view k_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// 0..63, or -1 for a character outside the base64url alphabet.
constexpr std::array<std::int8_t, 256> make_decode_table() {
  std::array<std::int8_t, 256> table{};
  for (auto& entry : table)
    entry = -1;
  for (std::size_t i = 0; i < k_alphabet.size(); ++i) {
    table[static_cast<unsigned char>(k_alphabet[i])] = static_cast<std::int8_t>(i);
  }
  return table;
}
constexpr auto k_decode = make_decode_table();

using mac = std::array<unsigned char, k_mac_size>;

/// HMAC-SHA256; false only if OpenSSL fails.
bool hmac_sha256(std::string_view secret, std::string_view data, mac& out) noexcept {
  // HMAC() treats a null key specially; an empty secret still needs a valid pointer.
  static constexpr unsigned char k_empty = 0;
  const void* key = secret.empty() ? static_cast<const void*>(&k_empty) : secret.data();
  unsigned int length = 0;
  const unsigned char* done =
      HMAC(EVP_sha256(), key, static_cast<int>(secret.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(), &length);
  return done != nullptr && length == k_mac_size;
}

/// The three parts of a compact JWS, or nullopt when there are not exactly three.
struct parts {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
  std::string_view signing_input;  // header '.' payload
};

std::optional<parts> split(std::string_view token) noexcept {
  const auto first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = token.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  if (token.find('.', second + 1) != std::string_view::npos) return std::nullopt;
  return parts{token.substr(0, first), token.substr(first + 1, second - first - 1),
               token.substr(second + 1), token.substr(0, second)};
}

bool signature_matches(const parts& p, std::string_view secret) {
  const auto given = base64url_decode(p.signature);
  if (!given || given->size() != k_mac_size) return false;
  mac expected{};
  if (!hmac_sha256(secret, p.signing_input, expected)) return false;
  return CRYPTO_memcmp(expected.data(), given->data(), k_mac_size) == 0;
}

/// A base64url part holding a JSON object; nullopt otherwise.
std::optional<boost::json::object> decode_object(std::string_view part) {
  const auto text = base64url_decode(part);
  if (!text) return std::nullopt;
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(*text, ec);
  if (ec || !value.is_object()) return std::nullopt;
  return std::move(value.as_object());
}

/// A NumericDate (RFC 7519 §2): an integer, or a finite number truncated to seconds.
std::optional<std::int64_t> numeric_date(const boost::json::value& v) noexcept {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64()) {
    if (v.get_uint64() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(v.get_uint64());
  }
  if (v.is_double()) {
    const double d = v.get_double();
    // 2^63 is exactly representable; every finite double below it converts safely.
    if (!std::isfinite(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

/// `sub` as chatd writes it (an integer) or as NestJS writes it (a decimal string).
std::optional<std::int64_t> subject(const boost::json::value& v) noexcept {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64()) {
    if (v.get_uint64() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(v.get_uint64());
  }
  if (v.is_string()) {
    const auto& s = v.get_string();
    if (s.empty()) return std::nullopt;
    std::int64_t out = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

jwt_result verify(std::string_view token, std::string_view secret, std::int64_t now) {
  if (token.size() > k_max_token_length) return jwt_error::malformed;
  const auto p = split(token);
  if (!p) return jwt_error::malformed;

  // The header decides how to check the signature, so it is read first; the payload
  // is only parsed once the signature holds.
  const auto header = decode_object(p->header);
  if (!header) return jwt_error::malformed;
  const auto* alg = header->if_contains("alg");
  if (alg == nullptr || !alg->is_string() || alg->get_string() != "HS256") {
    return jwt_error::unsupported_algorithm;
  }
  // RFC 7515 §4.1.11: extensions we do not understand must not be ignored.
  if (header->contains("crit")) return jwt_error::unsupported_algorithm;

  if (!signature_matches(*p, secret)) return jwt_error::bad_signature;

  const auto payload = decode_object(p->payload);
  if (!payload) return jwt_error::malformed;
  const auto* exp = payload->if_contains("exp");
  const auto* sub = payload->if_contains("sub");
  if (exp == nullptr || sub == nullptr) return jwt_error::missing_claims;

  jwt_claims claims;
  const auto exp_value = numeric_date(*exp);
  const auto sub_value = subject(*sub);
  if (!exp_value || !sub_value) return jwt_error::malformed;
  claims.exp = *exp_value;
  claims.sub = *sub_value;
  if (const auto* iat = payload->if_contains("iat")) {
    const auto iat_value = numeric_date(*iat);
    if (!iat_value) return jwt_error::malformed;
    claims.iat = *iat_value;
  }
  for (auto [name, field] : {std::pair{"fam", &claims.fam}, std::pair{"jti", &claims.jti}}) {
    if (const auto* v = payload->if_contains(name)) {
      if (!v->is_string()) return jwt_error::malformed;
      *field = std::string(v->get_string());
    }
  }
  if (now >= claims.exp) return jwt_error::expired;
  return claims;
}

}  // namespace

std::string_view name_of(jwt_error error) noexcept {
  switch (error) {
    case jwt_error::malformed:
      return "malformed";
    case jwt_error::unsupported_algorithm:
      return "unsupported_algorithm";
    case jwt_error::bad_signature:
      return "bad_signature";
    case jwt_error::expired:
      return "expired";
    case jwt_error::missing_claims:
      return "missing_claims";
  }
  return "unknown";
}

std::string sign_hs256(const jwt_claims& claims, std::string_view secret) {
  boost::json::object payload;
  payload["sub"] = claims.sub;
  payload["iat"] = claims.iat;
  payload["exp"] = claims.exp;
  if (!claims.fam.empty()) payload["fam"] = claims.fam;
  if (!claims.jti.empty()) payload["jti"] = claims.jti;

  std::string token = base64url_encode(k_header_json);
  token += '.';
  token += base64url_encode(boost::json::serialize(payload));
  mac signature{};
  if (!hmac_sha256(secret, token, signature)) throw std::runtime_error("HMAC-SHA256 failed");
  token += '.';
  token += base64url_encode(
      std::string_view(reinterpret_cast<const char*>(signature.data()), signature.size()));
  return token;
}

jwt_result verify_hs256(std::string_view token, std::string_view secret,
                        std::int64_t now_seconds) noexcept {
  try {
    return verify(token, secret, now_seconds);
  } catch (...) {
    // Only allocation can throw here; a token we cannot even hold is refused.
    return jwt_error::malformed;
  }
}

bool signature_valid(std::string_view token, std::string_view secret) noexcept {
  try {
    if (token.size() > k_max_token_length) return false;
    const auto p = split(token);
    return p && signature_matches(*p, secret);
  } catch (...) {
    return false;
  }
}

std::string random_token_id() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  static constexpr std::string_view k_hex = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const unsigned char b : bytes) {
    out += k_hex[b >> 4];
    out += k_hex[b & 0x0F];
  }
  return out;
}

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  const auto at = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t n = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out += k_alphabet[(n >> 18) & 63];
    out += k_alphabet[(n >> 12) & 63];
    out += k_alphabet[(n >> 6) & 63];
    out += k_alphabet[n & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    const std::uint32_t n = at(i) << 16;
    out += k_alphabet[(n >> 18) & 63];
    out += k_alphabet[(n >> 12) & 63];
  } else if (rest == 2) {
    const std::uint32_t n = (at(i) << 16) | (at(i + 1) << 8);
    out += k_alphabet[(n >> 18) & 63];
    out += k_alphabet[(n >> 12) & 63];
    out += k_alphabet[(n >> 6) & 63];
  }
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  // A final group of one character cannot hold a whole byte.
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    const std::int8_t v = k_decode[static_cast<unsigned char>(c)];
    if (v < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  // The 2 or 4 bits left over must be zero: otherwise two texts would decode alike.
  if ((bits & ((1U << count) - 1)) != 0) return std::nullopt;
  return out;
}

}  // namespace chat::auth
