-- wrk script: POST /graphql `{ hello }` as a GraphQL-over-HTTP JSON request.
wrk.method = "POST"
wrk.body = '{"query":"{ hello }"}'
wrk.headers["Content-Type"] = "application/json"
