// Tests for HS256 JSON Web Tokens (SPEC AUTH-3).

#include "auth/jwt.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <set>
#include <string>
#include <string_view>

namespace {

using chat::auth::base64url_decode;
using chat::auth::base64url_encode;
using chat::auth::jwt_claims;
using chat::auth::jwt_error;
using chat::auth::k_max_token_length;
using chat::auth::random_token_id;
using chat::auth::sign_hs256;
using chat::auth::signature_valid;
using chat::auth::verify_hs256;

constexpr std::string_view k_secret = "an-access-secret-of-at-least-32-bytes!";
constexpr std::int64_t k_now = 1700000100;

/// Signs arbitrary header and payload JSON with OpenSSL directly (not through
/// sign_hs256), to make the tokens the verifier must refuse.
std::string sign_raw(std::string_view header_json, std::string_view payload_json,
                     std::string_view secret = k_secret) {
  std::string input = base64url_encode(header_json) + "." + base64url_encode(payload_json);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &length);
  return input + "." +
         base64url_encode(std::string_view(reinterpret_cast<const char*>(mac), length));
}

constexpr std::string_view k_hs256 = R"({"alg":"HS256","typ":"JWT"})";

jwt_claims claims_for(std::int64_t sub) {
  jwt_claims c;
  c.sub = sub;
  c.iat = 1700000000;
  c.exp = 1700000900;
  return c;
}

jwt_error error_of(std::string_view token, std::string_view secret = k_secret,
                   std::int64_t now = k_now) {
  const auto r = verify_hs256(token, secret, now);
  EXPECT_FALSE(r.has_value()) << token;
  return r.has_value() ? jwt_error::malformed : r.error();
}

// ---- signing and round trips ----

TEST(Jwt, ASignedTokenVerifiesToTheSameClaims) {
  const jwt_claims c = claims_for(42);
  const auto r = verify_hs256(sign_hs256(c, k_secret), k_secret, k_now);
  ASSERT_TRUE(r.has_value()) << name_of(r.error());
  EXPECT_EQ(*r, c);
  EXPECT_TRUE(r->fam.empty());
  EXPECT_TRUE(r->jti.empty());
}

TEST(Jwt, ARefreshTokenKeepsItsFamilyAndTokenIds) {
  jwt_claims c = claims_for(7);
  c.fam = random_token_id();
  c.jti = random_token_id();
  const auto r = verify_hs256(sign_hs256(c, k_secret), k_secret, k_now);
  ASSERT_TRUE(r.has_value()) << name_of(r.error());
  EXPECT_EQ(*r, c);
}

TEST(Jwt, SignsTheSameBytesAsAnIndependentImplementation) {
  // Made with Python's hmac and base64 modules.
  EXPECT_EQ(sign_hs256(claims_for(42), k_secret),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            "eyJzdWIiOjQyLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMDkwMH0."
            "0sYlfWujfxBwyZZhhnfR4df8RM2fhLULqZak_LvoRi0");
  jwt_claims c = claims_for(42);
  c.fam = "f00d";
  c.jti = "beef";
  EXPECT_EQ(sign_hs256(c, k_secret),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            "eyJzdWIiOjQyLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMDkwMCwiZmFtIjoiZjAwZCIsImp0aSI6"
            "ImJlZWYifQ.5E9Wofpms6cpgRawokBagf0C_id18SIw56n09pzoxVM");
}

TEST(Jwt, TheHeaderIsExactlyHs256Jwt) {
  const std::string token = sign_hs256(claims_for(1), k_secret);
  EXPECT_EQ(base64url_decode(token.substr(0, token.find('.'))), std::string(k_hs256));
}

TEST(Jwt, TheRfc7515AppendixA1SignatureIsAccepted) {
  const auto key = base64url_decode(
      "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
  ASSERT_TRUE(key.has_value());
  const std::string token =
      "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0"
      "cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  EXPECT_TRUE(signature_valid(token, *key));
  // A valid signature over a payload without `sub`.
  EXPECT_EQ(error_of(token, *key, 0), jwt_error::missing_claims);
  EXPECT_FALSE(signature_valid(token, k_secret));
  EXPECT_EQ(error_of(token, k_secret, 0), jwt_error::bad_signature);
}

// ---- refusals ----

TEST(Jwt, ATokenSignedWithAnotherSecretIsRefused) {
  const std::string token = sign_hs256(claims_for(42), "the-refresh-secret-of-at-least-32-b");
  EXPECT_EQ(error_of(token), jwt_error::bad_signature);
}

TEST(Jwt, ATamperedPayloadIsRefused) {
  const std::string token = sign_hs256(claims_for(42), k_secret);
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);
  const std::string forged_payload =
      base64url_encode(R"({"sub":1,"iat":1700000000,"exp":1700000900})");
  const std::string forged = token.substr(0, first + 1) + forged_payload + token.substr(second);
  EXPECT_EQ(error_of(forged), jwt_error::bad_signature);
}

TEST(Jwt, ATamperedSignatureIsRefused) {
  std::string token = sign_hs256(claims_for(42), k_secret);
  const std::size_t at = token.rfind('.') + 5;
  token[at] = token[at] == 'A' ? 'B' : 'A';
  EXPECT_EQ(error_of(token), jwt_error::bad_signature);
}

TEST(Jwt, ATruncatedOrMissingSignatureIsRefused) {
  const std::string token = sign_hs256(claims_for(42), k_secret);
  EXPECT_EQ(error_of(token.substr(0, token.size() - 4)), jwt_error::bad_signature);
  EXPECT_EQ(error_of(token.substr(0, token.rfind('.') + 1)), jwt_error::bad_signature);
}

TEST(Jwt, AlgNoneIsRefused) {
  const std::string payload = base64url_encode(R"({"sub":42,"exp":1700000900})");
  EXPECT_EQ(error_of(base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." + payload + "."),
            jwt_error::unsupported_algorithm);
  EXPECT_EQ(error_of(sign_raw(R"({"alg":"none"})", R"({"sub":42,"exp":1700000900})")),
            jwt_error::unsupported_algorithm);
}

TEST(Jwt, OtherAlgorithmsAreRefusedEvenWithAnHs256Signature) {
  for (const char* header :
       {R"({"alg":"HS512","typ":"JWT"})", R"({"alg":"HS384"})", R"({"alg":"RS256"})",
        R"({"alg":"ES256"})", R"({"alg":"hs256"})", R"({"alg":"HS256 "})", R"({"alg":null})",
        R"({"alg":256})", R"({"alg":["HS256"]})", R"({"typ":"JWT"})", R"({})"}) {
    EXPECT_EQ(error_of(sign_raw(header, R"({"sub":42,"exp":1700000900})")),
              jwt_error::unsupported_algorithm)
        << header;
  }
}

TEST(Jwt, AHeaderWithCritIsRefused) {
  EXPECT_EQ(
      error_of(sign_raw(R"({"alg":"HS256","crit":["exp"]})", R"({"sub":42,"exp":1700000900})")),
      jwt_error::unsupported_algorithm);
}

TEST(Jwt, AnExpiredTokenIsRefused) {
  const std::string token = sign_hs256(claims_for(42), k_secret);
  EXPECT_TRUE(verify_hs256(token, k_secret, 1700000899).has_value());
  EXPECT_EQ(error_of(token, k_secret, 1700000900), jwt_error::expired);
  EXPECT_EQ(error_of(token, k_secret, 1800000000), jwt_error::expired);
}

TEST(Jwt, ATokenWithoutExpIsRefused) {
  EXPECT_EQ(error_of(sign_raw(k_hs256, R"({"sub":42,"iat":1700000000})")),
            jwt_error::missing_claims);
}

TEST(Jwt, ATokenWithoutSubIsRefused) {
  EXPECT_EQ(error_of(sign_raw(k_hs256, R"({"exp":1700000900})")), jwt_error::missing_claims);
}

TEST(Jwt, ASubjectWrittenAsADecimalStringIsAccepted) {
  // Made with Python's hmac and base64 modules, as a NestJS backend writes `sub`.
  const auto r = verify_hs256(
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
      "eyJzdWIiOiI0MiIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAwOTAwfQ."
      "K8cnK_wKmFlENK2nIFg6pi_0x-T6flKsE-qvK5_Wg8c",
      k_secret, k_now);
  ASSERT_TRUE(r.has_value()) << name_of(r.error());
  EXPECT_EQ(*r, claims_for(42));
  const auto big = verify_hs256(sign_raw(k_hs256, R"({"sub":"9007199254740993","exp":1700000900})"),
                                k_secret, k_now);
  ASSERT_TRUE(big.has_value());
  EXPECT_EQ(big->sub, 9007199254740993);
}

TEST(Jwt, ASubjectOfAnyOtherShapeIsMalformed) {
  for (const char* sub : {R"(true)", R"(null)", R"(1.5)", R"(4e1)", R"([42])", R"({"id":42})",
                          R"("")", R"("42a")", R"(" 42")", R"("+42")", R"("4 2")",
                          R"("99999999999999999999")", R"(18446744073709551615)"}) {
    const std::string payload = std::string(R"({"exp":1700000900,"sub":)") + sub + "}";
    EXPECT_EQ(error_of(sign_raw(k_hs256, payload)), jwt_error::malformed) << sub;
  }
}

TEST(Jwt, ExpAndIatMustBeNumbersAndIdsMustBeStrings) {
  for (const char* payload :
       {R"({"sub":42,"exp":"1700000900"})", R"({"sub":42,"exp":null})",
        R"({"sub":42,"exp":1700000900,"iat":"now"})", R"({"sub":42,"exp":1e300})",
        R"({"sub":42,"exp":1700000900,"fam":7})", R"({"sub":42,"exp":1700000900,"jti":null})"}) {
    EXPECT_EQ(error_of(sign_raw(k_hs256, payload)), jwt_error::malformed) << payload;
  }
}

TEST(Jwt, AFractionalExpIsReadAsWholeSeconds) {
  const auto r =
      verify_hs256(sign_raw(k_hs256, R"({"sub":42,"exp":1700000900.75})"), k_secret, k_now);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->exp, 1700000900);
  EXPECT_EQ(r->iat, 0);
}

TEST(Jwt, GarbageIsMalformed) {
  for (const char* token :
       {"", ".", "..", "...", "abc", "a.b", "a.b.c.d", "not a token", "eyJhbGciOiJIUzI1NiJ9",
        "Bearer null", "null", "a..b", "e30=.e30.e30", "e30.e30.e30.", " e30.e30.e30"}) {
    EXPECT_EQ(error_of(token), jwt_error::malformed) << token;
  }
  EXPECT_EQ(error_of(std::string("e30\0.e30.e30", 12)), jwt_error::malformed);
}

TEST(Jwt, AHeaderOrPayloadThatIsNotAJsonObjectIsMalformed) {
  EXPECT_EQ(error_of(sign_raw("[1,2]", R"({"sub":42,"exp":1700000900})")), jwt_error::malformed);
  EXPECT_EQ(error_of(sign_raw(R"({"alg":"HS256")", R"({"sub":42,"exp":1700000900})")),
            jwt_error::malformed);
  EXPECT_EQ(error_of(sign_raw(k_hs256, "42")), jwt_error::malformed);
  EXPECT_EQ(error_of(sign_raw(k_hs256, R"({"sub":42,"exp":1700000900)")), jwt_error::malformed);
  EXPECT_EQ(error_of(sign_raw(k_hs256, R"({"sub":42,"exp":1700000900} x)")), jwt_error::malformed);
}

TEST(Jwt, ATokenOfUpTo4096BytesIsReadAndALongerOneIsMalformed) {
  EXPECT_EQ(k_max_token_length, 4096U);
  jwt_claims c = claims_for(42);
  c.jti.assign(3100, 'x');
  std::string token = sign_hs256(c, k_secret);
  // base64 grows 4 characters per 3 bytes: shrink until exactly on the limit.
  while (token.size() > k_max_token_length) {
    c.jti.pop_back();
    token = sign_hs256(c, k_secret);
  }
  ASSERT_EQ(token.size(), k_max_token_length);
  EXPECT_TRUE(verify_hs256(token, k_secret, k_now).has_value());

  c.jti += "xxx";
  token = sign_hs256(c, k_secret);
  ASSERT_GT(token.size(), k_max_token_length);
  EXPECT_FALSE(signature_valid(token, k_secret));  // not even decoded
  EXPECT_EQ(error_of(token), jwt_error::malformed);
  EXPECT_EQ(error_of(std::string(1 << 20, 'a')), jwt_error::malformed);
}

TEST(Jwt, ErrorsHaveShortNames) {
  EXPECT_EQ(name_of(jwt_error::malformed), "malformed");
  EXPECT_EQ(name_of(jwt_error::unsupported_algorithm), "unsupported_algorithm");
  EXPECT_EQ(name_of(jwt_error::bad_signature), "bad_signature");
  EXPECT_EQ(name_of(jwt_error::expired), "expired");
  EXPECT_EQ(name_of(jwt_error::missing_claims), "missing_claims");
}

// ---- base64url and token ids ----

TEST(Base64url, RoundTripsEveryLengthAndByte) {
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    bytes += static_cast<char>(i * 37 + 11);
    const std::string text = base64url_encode(bytes);
    EXPECT_EQ(text.find_first_of("+/="), std::string::npos);
    EXPECT_EQ(base64url_decode(text), bytes);
  }
}

TEST(Base64url, MatchesTheRfc4648Vectors) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("fooba"), "Zm9vYmE");
  EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64url_encode("\xfb\xff\xbf"), "-_-_");
  EXPECT_EQ(base64url_decode("-_-_"), std::string("\xfb\xff\xbf"));
}

TEST(Base64url, RefusesPaddingAndCharactersOutsideTheAlphabet) {
  for (const char* text :
       {"Zg==", "Zm8=", "Zm9v=", "+/+/", "Zm 9v", "Zm9v\n", "Zm9v.", "Z", "Zm9vY", "%41"}) {
    EXPECT_FALSE(base64url_decode(text).has_value()) << text;
  }
  EXPECT_FALSE(base64url_decode(std::string("Zm\0v", 4)).has_value());
  EXPECT_FALSE(base64url_decode("Zm9v\xC3\xA9").has_value());
}

TEST(Base64url, RefusesNonZeroTrailingBits) {
  EXPECT_EQ(base64url_decode("Zg"), std::string("f"));
  EXPECT_FALSE(base64url_decode("Zh").has_value());
  EXPECT_EQ(base64url_decode("Zm8"), std::string("fo"));
  EXPECT_FALSE(base64url_decode("Zm9").has_value());
}

TEST(RandomTokenId, Is32LowerCaseHexCharactersAndNeverRepeats) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = random_token_id();
    ASSERT_EQ(id.size(), 32U);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
    EXPECT_TRUE(seen.insert(id).second);
  }
}

}  // namespace
