#include "net/http_server.hpp"

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <ctime>
#include <mutex>
#include <unordered_set>
#include <vector>

#include "net/graphql_http/multipart_request.hpp"
#include "observability/correlation_id.hpp"

namespace chat::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

constexpr auto k_tuple = asio::as_tuple(asio::use_awaitable);

/// A connection as the drain logic sees it. Lives in its session's coroutine frame and
/// is touched only on its io_context's thread.
struct connection_slot {
  beast::tcp_stream* stream = nullptr;
  bool idle = true;  // waiting for the first byte of a request
};

/// The `Date` header value, formatted at most once per second per thread.
std::string_view http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local char text[64] = {};
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    cached_second = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  }
  return text;
}

/// Errors that mean the peer went away or the connection was closed on purpose: no
/// response is possible or useful.
bool is_disconnect(const error_code& ec) {
  return ec == http::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
         ec == asio::error::operation_aborted || ec == beast::error::timeout ||
         ec == http::error::partial_message || ec == asio::error::bad_descriptor;
}

}  // namespace

struct http_server::impl : std::enable_shared_from_this<impl> {
  impl(io_pool& p, server_options o, http_handler& h)
      : pool(p), options(o), handler(h), acceptor(p.at(0)), drain_timer(p.at(0)) {
    per_context.resize(pool.size());
  }

  io_pool& pool;
  server_options options;
  http_handler& handler;
  tcp::acceptor acceptor;

  // Each context's live connections; only touched on that context's thread.
  std::vector<std::unordered_set<connection_slot*>> per_context;

  std::atomic<std::size_t> open{0};
  std::atomic<std::uint64_t> accepted{0};
  std::atomic<std::uint64_t> rejected{0};

  std::atomic<bool> draining{false};
  std::mutex drain_mutex;
  std::function<void()> drain_done;  // guarded by drain_mutex; called once
  asio::steady_timer drain_timer;    // on context 0

  asio::awaitable<void> accept_loop();
  asio::awaitable<void> run_session(tcp::socket socket, std::size_t context_index);
  asio::awaitable<bool> send(beast::tcp_stream& stream, http_response& response,
                             std::string_view method, std::string_view target,
                             const request_info& info);
  asio::awaitable<void> send_error(beast::tcp_stream& stream, http::status status,
                                   std::string_view code, std::string_view message,
                                   std::string_view method, std::string_view target,
                                   const request_info& info);
  static asio::awaitable<void> linger_close(beast::tcp_stream& stream);

  void connection_closed();
  void finish_drain();
  void close_connections(bool idle_only);
};

// ---- accepting ----

asio::awaitable<void> http_server::impl::accept_loop() {
  auto self = shared_from_this();
  asio::steady_timer backoff(acceptor.get_executor());
  while (acceptor.is_open()) {
    auto [ec, accepted_socket] = co_await acceptor.async_accept(k_tuple);
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) break;
      // Out of descriptors (EMFILE/ENFILE) or a transient network error: pause briefly
      // instead of spinning, then keep serving.
      backoff.expires_after(std::chrono::milliseconds(50));
      co_await backoff.async_wait(k_tuple);
      continue;
    }
    if (draining.load()) break;
    accepted.fetch_add(1, std::memory_order_relaxed);
    if (open.load(std::memory_order_relaxed) >= options.max_connections) {
      rejected.fetch_add(1, std::memory_order_relaxed);
      error_code ignored;
      accepted_socket.close(ignored);
      continue;
    }
    open.fetch_add(1, std::memory_order_relaxed);
    // Hand the descriptor to the next context. Accepting straight onto that context
    // would leave a pending accept on context 0 owning a socket of another context,
    // which breaks tearing the pool down.
    const std::size_t index = pool.next_index();
    error_code ec_move;
    const auto protocol = accepted_socket.local_endpoint(ec_move).protocol();
    tcp::socket socket(pool.at(index));
    if (!ec_move) socket.assign(protocol, accepted_socket.release(ec_move), ec_move);
    if (ec_move) {
      open.fetch_sub(1, std::memory_order_relaxed);
      continue;
    }
    error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    asio::co_spawn(pool.at(index), run_session(std::move(socket), index), asio::detached);
  }
}

// ---- one connection ----

asio::awaitable<void> http_server::impl::run_session(tcp::socket socket,
                                                     std::size_t context_index) {
  auto self = shared_from_this();
  error_code ec_remote;
  const auto remote = socket.remote_endpoint(ec_remote);
  const asio::ip::address remote_address = ec_remote ? asio::ip::address{} : remote.address();

  beast::tcp_stream stream(std::move(socket));
  connection_slot slot{&stream, true};
  auto& slots = per_context[context_index];
  slots.insert(&slot);

  beast::flat_buffer buffer;
  try {
    for (;;) {
      // Between requests: idle until the first byte arrives (or the peer leaves, the
      // idle timeout fires, or a drain closes idle connections).
      slot.idle = true;
      if (draining.load()) break;
      if (buffer.size() == 0) {
        // Idle connections can number in the tens of thousands: do not let one keep the
        // large buffer an earlier request needed.
        if (buffer.capacity() > 16 * 1024) buffer.shrink_to_fit();
        stream.expires_after(options.idle_timeout);
        auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), k_tuple);
        if (ec) break;
        buffer.commit(n);
      }
      slot.idle = false;

      request_info info;
      info.started = std::chrono::steady_clock::now();
      info.remote_address = remote_address;

      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      // The body limit depends on the content type, known only once the headers are
      // in: lift it here and set it below, before any body byte is parsed.
      parser.body_limit(boost::none);

      // The whole header must arrive within header_timeout of its first byte, so a
      // client dribbling one byte a second is cut off.
      stream.expires_after(options.header_timeout);
      if (auto [ec, n] = co_await http::async_read_header(stream, buffer, parser, k_tuple); ec) {
        if (is_disconnect(ec)) break;
        info.correlation_id = obs::make_uuid_v4();
        if (ec == http::error::header_limit) {
          co_await send_error(stream, http::status::request_header_fields_too_large, "BAD_REQUEST",
                              "Request headers are too large", {}, {}, info);
        } else {
          co_await send_error(stream, http::status::bad_request, "BAD_REQUEST",
                              "Malformed HTTP request", {}, {}, info);
        }
        break;
      }

      const auto& header = parser.get();
      info.correlation_id = obs::correlation_id_from(header["x-correlation-id"]);
      const std::string method(header.method_string());
      const std::string target(header.target());

      const std::uint64_t limit =
          graphql_http::is_multipart_form_data(header[http::field::content_type])
              ? options.max_multipart_body_bytes
              : options.max_body_bytes;
      const auto too_large_message = [&] {
        return "Request body is too large (limit " + std::to_string(limit) + " bytes)";
      };
      if (parser.content_length() && *parser.content_length() > limit) {
        co_await send_error(stream, http::status::payload_too_large, "PAYLOAD_TOO_LARGE",
                            too_large_message(), method, target, info);
        break;
      }
      parser.body_limit(limit);

      if (!parser.is_done()) {
        if (beast::iequals(header[http::field::expect], "100-continue")) {
          static constexpr std::string_view k_continue = "HTTP/1.1 100 Continue\r\n\r\n";
          stream.expires_after(options.write_timeout);
          auto [ec, n] = co_await asio::async_write(stream, asio::buffer(k_continue), k_tuple);
          if (ec) break;
        }
        stream.expires_after(options.body_timeout);
        if (auto [ec, n] = co_await http::async_read(stream, buffer, parser, k_tuple); ec) {
          if (ec == http::error::body_limit) {
            co_await send_error(stream, http::status::payload_too_large, "PAYLOAD_TOO_LARGE",
                                too_large_message(), method, target, info);
          } else if (!is_disconnect(ec)) {
            co_await send_error(stream, http::status::bad_request, "BAD_REQUEST",
                                "Malformed HTTP request body", method, target, info);
          }
          break;
        }
      }

      http_request request = parser.release();
      http_response response;
      try {
        response = co_await handler.handle(request, info);
      } catch (const std::exception&) {
        response = handler.error_response(http::status::internal_server_error,
                                          "INTERNAL_SERVER_ERROR", "Internal server error", info);
      }
      // A drain that started while the handler ran still gets this response out, but
      // the connection closes after it.
      response.keep_alive(request.keep_alive() && !draining.load());
      if (!co_await send(stream, response, method, target, info)) break;
      if (!response.keep_alive()) {
        // Bytes the client already sent beyond this request (pipelining) would turn the
        // close into a reset: linger only then.
        error_code ec;
        if (buffer.size() > 0 || stream.socket().available(ec) > 0) co_await linger_close(stream);
        break;
      }
    }
  } catch (const std::exception&) {
    // Only programmer errors reach here (Beast and Asio report through error codes);
    // the connection is dropped either way.
  }

  error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream.socket().close(ignored);
  slots.erase(&slot);
  connection_closed();
}

asio::awaitable<bool> http_server::impl::send(beast::tcp_stream& stream, http_response& response,
                                              std::string_view method, std::string_view target,
                                              const request_info& info) {
  response.set(http::field::date, http_date());
  response.set("x-correlation-id", info.correlation_id);
  // A HEAD answer carries the length of the GET body it stands for: keep it.
  if (!response.has_content_length() && !response.chunked()) response.prepare_payload();
  stream.expires_after(options.write_timeout);
  auto [ec, n] = co_await http::async_write(stream, response, k_tuple);

  exchange_record record;
  record.method = method;
  record.target = target;
  record.status = response.result_int();
  record.bytes_out = response.body().size();
  record.duration = std::chrono::steady_clock::now() - info.started;
  record.correlation_id = info.correlation_id;
  record.remote_address = &info.remote_address;
  handler.on_complete(record);
  co_return !ec;
}

asio::awaitable<void> http_server::impl::send_error(beast::tcp_stream& stream, http::status status,
                                                    std::string_view code, std::string_view message,
                                                    std::string_view method,
                                                    std::string_view target,
                                                    const request_info& info) {
  http_response response = handler.error_response(status, code, message, info);
  response.version(11);
  response.keep_alive(false);
  if (co_await send(stream, response, method, target, info)) co_await linger_close(stream);
}

// Closing a socket that still has unread request bytes makes the kernel send RST, which
// can destroy the response before the client reads it (a 413 sent mid-upload). So: stop
// sending, then read and discard for a short while until the client closes its side.
asio::awaitable<void> http_server::impl::linger_close(beast::tcp_stream& stream) {
  error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) co_return;
  stream.expires_after(std::chrono::seconds(2));
  std::array<char, 16 * 1024> sink{};
  std::size_t discarded = 0;
  while (discarded < 8 * 1024 * 1024) {
    auto [read_ec, n] = co_await stream.async_read_some(asio::buffer(sink), k_tuple);
    if (read_ec) break;
    discarded += n;
  }
}

// ---- draining ----

void http_server::impl::connection_closed() {
  const std::size_t left = open.fetch_sub(1, std::memory_order_acq_rel) - 1;
  if (left == 0 && draining.load()) finish_drain();
}

void http_server::impl::finish_drain() {
  std::function<void()> done;
  {
    std::lock_guard lock(drain_mutex);
    done = std::move(drain_done);
    drain_done = nullptr;
  }
  if (done) {
    asio::post(drain_timer.get_executor(),
               [self = shared_from_this()] { self->drain_timer.cancel(); });
    done();
  }
}

void http_server::impl::close_connections(bool idle_only) {
  for (std::size_t i = 0; i < pool.size(); ++i) {
    asio::post(pool.at(i), [self = shared_from_this(), i, idle_only] {
      for (connection_slot* slot : self->per_context[i]) {
        if (!idle_only || slot->idle) slot->stream->cancel();
        if (!idle_only) {
          error_code ignored;
          slot->stream->socket().close(ignored);
        }
      }
    });
  }
}

// ---- public ----

http_server::http_server(io_pool& pool, server_options options, http_handler& handler)
    : impl_(std::make_shared<impl>(pool, options, handler)) {}

http_server::~http_server() {
  error_code ignored;
  impl_->acceptor.close(ignored);
}

tcp::endpoint http_server::listen(std::string_view host, std::uint16_t port) {
  const auto address = asio::ip::make_address(std::string(host));
  const tcp::endpoint endpoint(address, port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  asio::co_spawn(acceptor.get_executor(), impl_->accept_loop(), asio::detached);
  return acceptor.local_endpoint();
}

void http_server::drain(std::chrono::milliseconds timeout, std::function<void()> done) {
  {
    std::lock_guard lock(impl_->drain_mutex);
    if (impl_->draining.exchange(true)) return;
    impl_->drain_done = std::move(done);
  }
  auto self = impl_;
  asio::post(impl_->acceptor.get_executor(), [self, timeout] {
    error_code ignored;
    self->acceptor.close(ignored);
    self->drain_timer.expires_after(timeout);
    self->drain_timer.async_wait([self](error_code ec) {
      if (ec) return;  // every connection closed in time
      // Out of time: close what is left; sessions then end on their I/O errors. A last
      // grace period covers a handler that is not waiting on its socket.
      self->close_connections(false);
      self->drain_timer.expires_after(std::chrono::seconds(1));
      self->drain_timer.async_wait([self](error_code ec2) {
        if (!ec2) self->finish_drain();
      });
    });
  });
  impl_->close_connections(true);
  if (impl_->open.load() == 0) impl_->finish_drain();
}

std::size_t http_server::open_connections() const noexcept {
  return impl_->open.load();
}
std::uint64_t http_server::accepted_connections() const noexcept {
  return impl_->accepted.load();
}
std::uint64_t http_server::rejected_connections() const noexcept {
  return impl_->rejected.load();
}

}  // namespace chat::net
