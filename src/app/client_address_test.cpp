// RL-2: which address a request is limited by (TRUST_PROXY).
#include "app/client_address.hpp"

#include <gtest/gtest.h>

namespace chat::app {
namespace {

boost::asio::ip::address ip(const char* text) {
  return boost::asio::ip::make_address(text);
}

TEST(TrustedProxies, WithoutTrustedProxiesThePeerIsTheClientAndForwardedForIsIgnored) {
  const trusted_proxies none({});
  EXPECT_EQ(none.client_of(ip("10.0.0.5"), "1.2.3.4"), "10.0.0.5");
  EXPECT_EQ(none.client_of(ip("127.0.0.1"), "1.2.3.4"), "127.0.0.1");
}

TEST(TrustedProxies, ATrustedPeerHandsOverToTheRightmostUntrustedForwardedAddress) {
  const trusted_proxies proxies({"loopback", "10.0.0.0/8"});
  EXPECT_EQ(proxies.client_of(ip("127.0.0.1"), "203.0.113.9"), "203.0.113.9");
  // The client forged the first entry; its proxies appended the rest.
  EXPECT_EQ(proxies.client_of(ip("127.0.0.1"), "6.6.6.6, 203.0.113.9, 10.1.2.3"), "203.0.113.9");
  EXPECT_EQ(proxies.client_of(ip("10.9.9.9"), ""), "10.9.9.9");
  EXPECT_EQ(proxies.client_of(ip("127.0.0.1"), "garbage"), "127.0.0.1");
}

TEST(TrustedProxies, AddressesNetworksAndMappedAddressesMatch) {
  const trusted_proxies proxies({"192.168.1.10", "2001:db8::/32"});
  EXPECT_TRUE(proxies.trusts(ip("192.168.1.10")));
  EXPECT_TRUE(proxies.trusts(ip("::ffff:192.168.1.10")));
  EXPECT_FALSE(proxies.trusts(ip("192.168.1.11")));
  EXPECT_TRUE(proxies.trusts(ip("2001:db8::1")));
  EXPECT_FALSE(proxies.trusts(ip("2001:db9::1")));
  EXPECT_FALSE(proxies.trusts(ip("127.0.0.1")));
}

}  // namespace
}  // namespace chat::app
