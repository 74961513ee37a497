#pragma once
/// A Lua script for `redis_client::eval_script` (RL-2's atomic limits, presence): its
/// text and the SHA1 that EVALSHA names it by, computed once.
///
/// Thread-safety: immutable after construction; share freely.

#include <string>

namespace chat::adapters::redis {

class redis_script {
 public:
  explicit redis_script(std::string source);

  const std::string& source() const noexcept { return source_; }
  /// 40 lowercase hex digits, as `SCRIPT LOAD` answers.
  const std::string& sha1() const noexcept { return sha1_; }

 private:
  std::string source_;
  std::string sha1_;
};

}  // namespace chat::adapters::redis
