#include "adapters/redis/redis_script.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace chat::adapters::redis {

namespace {

std::string sha1_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha1(), nullptr) != 1) {
    throw std::runtime_error("redis_script: SHA1 is not available");
  }
  constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 0x0f];
  }
  return out;
}

}  // namespace

redis_script::redis_script(std::string source)
    : source_(std::move(source)), sha1_(sha1_hex(source_)) {}

}  // namespace chat::adapters::redis
