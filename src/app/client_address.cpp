#include "app/client_address.hpp"

namespace chat::app {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

/// An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) compares as its IPv4 address.
boost::asio::ip::address unmapped(const boost::asio::ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) {
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
  }
  return a;
}

}  // namespace

trusted_proxies::trusted_proxies(const std::vector<std::string>& entries) {
  for (const auto& entry : entries) {
    boost::system::error_code ec;
    if (entry == "loopback") {
      loopback_ = true;
    } else if (entry.find('/') != std::string::npos) {
      auto v4 = boost::asio::ip::make_network_v4(entry, ec);
      if (!ec) {
        networks_v4_.push_back(v4);
        continue;
      }
      ec.clear();
      auto v6 = boost::asio::ip::make_network_v6(entry, ec);
      if (!ec) networks_v6_.push_back(v6);
    } else {
      auto address = boost::asio::ip::make_address(entry, ec);
      if (!ec) addresses_.push_back(unmapped(address));
    }
  }
}

bool trusted_proxies::trusts(const boost::asio::ip::address& raw) const noexcept {
  const auto address = unmapped(raw);
  if (loopback_ && address.is_loopback()) return true;
  for (const auto& a : addresses_) {
    if (a == address) return true;
  }
  if (address.is_v4()) {
    const auto bits = address.to_v4().to_uint();
    for (const auto& n : networks_v4_) {
      if ((bits & n.netmask().to_uint()) == n.network().to_uint()) return true;
    }
  } else {
    for (const auto& n : networks_v6_) {
      const boost::asio::ip::network_v6 host(address.to_v6(), 128);
      if (host == n || host.is_subnet_of(n)) return true;
    }
  }
  return false;
}

std::string trusted_proxies::client_of(const boost::asio::ip::address& peer,
                                       std::string_view forwarded_for) const {
  auto client = unmapped(peer);
  if (!trusts(client)) return client.to_string();
  // From the right: each hop appended the address it saw.
  while (!forwarded_for.empty()) {
    const auto comma = forwarded_for.rfind(',');
    const auto part =
        trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for =
        comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    boost::system::error_code ec;
    const auto hop = boost::asio::ip::make_address(std::string(part), ec);
    if (ec) break;  // garbage: keep the last trusted hop's view
    client = unmapped(hop);
    if (!trusts(client)) break;
  }
  return client.to_string();
}

}  // namespace chat::app
