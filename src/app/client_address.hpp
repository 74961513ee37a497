#pragma once
/// RL-2: the client address a request is limited by. It is the socket's peer, unless
/// that peer is a proxy named by `TRUST_PROXY` (`loopback`, addresses, networks): then
/// `X-Forwarded-For` is read from the right, skipping trusted proxies, and the first
/// address that is not one is the client (a client cannot forge the entries its own
/// proxies appended).
///
/// Thread-safety: immutable after construction; `client_of` may be called concurrently.

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace chat::app {

class trusted_proxies {
 public:
  /// `entries` as `parse_trusted_proxies` gives them (validated, lower case).
  explicit trusted_proxies(const std::vector<std::string>& entries);

  bool trusts(const boost::asio::ip::address& address) const noexcept;

  /// The client's address as text.
  std::string client_of(const boost::asio::ip::address& peer, std::string_view forwarded_for) const;

 private:
  bool loopback_ = false;
  std::vector<boost::asio::ip::address> addresses_;
  std::vector<boost::asio::ip::network_v4> networks_v4_;
  std::vector<boost::asio::ip::network_v6> networks_v6_;
};

}  // namespace chat::app
