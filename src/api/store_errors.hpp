#pragma once
/// Store failures as GraphQL field errors (SPEC ERR-1, ERR-3, AUTH-1, ROOM-1): a
/// constraint the store reports becomes the sentence the contract promises, with the
/// input field it concerns in `extensions.errors`; an outage becomes an
/// INTERNAL_SERVER_ERROR without details (the detail goes to the log, with the request's
/// correlation id, never into the response).
///
/// Thread-safety: pure functions.

#include <string_view>

#include "graphql/execution/execute.hpp"
#include "ports/store.hpp"

namespace chat::api {

/// The field error answering `error`; logs `error.detail` for outages under
/// `correlation_id`.
graphql::field_error field_error_for(const ports::store_error& error,
                                     std::string_view correlation_id = {});

}  // namespace chat::api
