// The one translation unit that compiles Asio's and Beast's non-template code
// (BOOST_ASIO_SEPARATE_COMPILATION / BOOST_BEAST_SEPARATE_COMPILATION), so every
// other file that includes them compiles faster.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
