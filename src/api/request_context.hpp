#pragma once
/// What resolvers know about the request they serve (`resolve_info::context`): who is
/// signed in (AUTH-6), the cookies it came with and the ones to send back (AUTH-3..5),
/// the files of a multipart request (HTTP-2), and where the server is reached from
/// outside (MSG-3 absolute upload URLs).
///
/// Thread-safety: one request's context is used by that request's execution only (one
/// executor); it is not shared.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/ids.hpp"

namespace chat::api {

/// One file of a multipart request. The client's file name and declared type are kept
/// for logs only: what a file is comes from its bytes (MSG-3), and where it is stored
/// from the server (never from the client's name).
struct request_file {
  std::string filename;
  std::string declared_type;
  std::string bytes;
};

class request_loaders;  // loaders.hpp: GQL-6 batched lookups, made on first use

struct request_context {
  std::string correlation_id;
  /// AUTH-6: the user a verified access token names (header first, else cookie).
  std::optional<domain::user_id> user;
  /// RL-2: the client's address (the socket peer, or X-Forwarded-For behind a trusted
  /// proxy), for limits of requests without a user.
  std::string client_ip;
  /// The `refresh_token` cookie as received (AUTH-4, AUTH-5); empty: none.
  std::string refresh_cookie;
  /// `Set-Cookie` header values to send with the response, in order.
  std::vector<std::string> set_cookies;
  /// HTTP-2: the files a multipart request carried; an `Upload` value `{"__upload": n}`
  /// is `files[n]`.
  std::vector<request_file> files;
  /// `PUBLIC_URL`, or the scheme and host of this request (no trailing slash).
  std::string public_url;
  /// The request's batched lookups (`loaders.hpp`).
  std::shared_ptr<request_loaders> loaders;
};

}  // namespace chat::api
