#!/usr/bin/env bash
# HTTP benchmarks for docs/benchmarks.md, measured in one run against a baseline:
#   - wrk GET /healthz, 64 connections, 2 threads: chatd vs a bare Node.js http server
#   - wrk POST /graphql `{ hello }`, same settings: chatd vs graphql-js behind a bare
#     Node.js http server (bench/graphql_js_server.mjs)
#   - start-up to the first answered /healthz and idle resident memory
# then the GraphQL engine benchmarks (bench/engine.sh) unless ENGINE=0, then the storage
# benchmarks (bench/store.sh: both store adapters against raw sqlite3/libpq, throwaway
# PostgreSQL) unless STORE=0, then the login benchmark (bench/accounts.sh) unless
# ACCOUNTS=0, then the rooms benchmarks (bench/rooms.sh: cache on/off, sendMessage) unless
# ROOMS=0.
# Results go to bench/results/http-<timestamp>.md and stdout.
# Knobs: DURATION (default 10s), CONNECTIONS (64), RUNS (startup runs, 20), ENGINE (1),
# STORE (1; bench/store.sh has its own DURATION, default 5 s per measure: STORE_DURATION).
set -euo pipefail
cd "$(dirname "$0")/.."

CHATD=${CHATD:-build/release/chatd}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
RUNS=${RUNS:-20}
[[ -x $CHATD ]] || { echo "bench: build first (make build)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench: wrk missing (make test-deps)" >&2; exit 1; }

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
wait_up() {
  for _ in $(seq 1 200); do
    curl -fs "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "bench: server on port $1 did not start" >&2
  return 1
}
# wrk → "requests/s p99_ms"; more arguments go to wrk (e.g. -s bench/post_hello.lua).
run_wrk() {
  local url=$1 out
  shift
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  echo "$rps $p99"
}

data_dir=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$data_dir"; }
trap cleanup EXIT

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

# chatd, logging every request (LOG_LEVEL=info) to /dev/null.
port=$(free_port)
PORT=$port HOST=127.0.0.1 DATA_DIR=$data_dir "$CHATD" >/dev/null 2>&1 &
pids+=($!)
wait_up "$port"
wrk -t2 -c"$CONNECTIONS" -d2s "http://127.0.0.1:$port/healthz" >/dev/null  # warm-up
read -r chatd_rps chatd_p99 < <(run_wrk "http://127.0.0.1:$port/healthz")
# POST /graphql { hello } on the same server: CSRF and media checks, JSON body, document
# cache hit (GQL-4), execution, response.
[[ $(curl -fs -H 'content-type: application/json' -d '{"query":"{ hello }"}' \
  "http://127.0.0.1:$port/graphql") == *'"hello"'* ]] || { echo "bench: chatd { hello } failed" >&2; exit 1; }
wrk -t2 -c"$CONNECTIONS" -d2s -s bench/post_hello.lua "http://127.0.0.1:$port/graphql" >/dev/null
read -r chatd_gql_rps chatd_gql_p99 < <(run_wrk "http://127.0.0.1:$port/graphql" -s bench/post_hello.lua)
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# Baseline: bare Node.js http server.
port=$(free_port)
node bench/node_baseline.mjs "$port" &
pids+=($!)
wait_up "$port"
wrk -t2 -c"$CONNECTIONS" -d2s "http://127.0.0.1:$port/healthz" >/dev/null
read -r node_rps node_p99 < <(run_wrk "http://127.0.0.1:$port/healthz")
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# Baseline of POST { hello }: graphql-js (bench/package.json) on a bare Node.js http server.
[[ -d bench/node_modules/graphql ]] ||
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
port=$(free_port)
node bench/graphql_js_server.mjs "$port" &
pids+=($!)
wait_up "$port"
wrk -t2 -c"$CONNECTIONS" -d2s -s bench/post_hello.lua "http://127.0.0.1:$port/graphql" >/dev/null
read -r node_gql_rps node_gql_p99 < <(run_wrk "http://127.0.0.1:$port/graphql" -s bench/post_hello.lua)
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# Start-up and idle memory, chatd and the baseline.
port=$(free_port)
chatd_start=$(PORT=$port HOST=127.0.0.1 DATA_DIR=$data_dir node bench/startup.mjs "$RUNS" "$port" -- "$CHATD")
port=$(free_port)
node_start=$(node bench/startup.mjs "$RUNS" "$port" -- node bench/node_baseline.mjs "$port")
field() { node -e "console.log(JSON.parse(process.argv[1])[process.argv[2]])" "$1" "$2"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
mkdir -p bench/results
result=bench/results/http-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "Machine: $machine; wrk -t2 -c$CONNECTIONS -d$DURATION on the same cores; $(date -u +%Y-%m-%d)"
  echo
  echo "| measure | chatd | Node.js http baseline | ratio |"
  echo "|---|---|---|---|"
  echo "| GET /healthz requests/s | $chatd_rps | $node_rps | $(ratio "$chatd_rps" "$node_rps")x |"
  echo "| GET /healthz p99 (ms) | $chatd_p99 | $node_p99 | $(ratio "$node_p99" "$chatd_p99")x lower |"
  echo
  echo "| measure | chatd | graphql-js 16.15 on Node.js http | ratio |"
  echo "|---|---|---|---|"
  echo "| POST /graphql { hello } requests/s | $chatd_gql_rps | $node_gql_rps | $(ratio "$chatd_gql_rps" "$node_gql_rps")x |"
  echo "| POST /graphql { hello } p99 (ms) | $chatd_gql_p99 | $node_gql_p99 | $(ratio "$node_gql_p99" "$chatd_gql_p99")x lower |"
  echo
  echo "| measure | chatd | Node.js http baseline | ratio |"
  echo "|---|---|---|---|"
  echo "| start-up to first /healthz, median of $RUNS (ms) | $(field "$chatd_start" startupMsMedian) | $(field "$node_start" startupMsMedian) | |"
  echo "| idle resident memory (MB) | $(awk -v k="$(field "$chatd_start" idleRssKb)" 'BEGIN{printf "%.1f", k/1024}') | $(awk -v k="$(field "$node_start" idleRssKb)" 'BEGIN{printf "%.1f", k/1024}') | |"
} | tee "$result"

if [[ ${ENGINE:-1} != 0 ]]; then
  echo
  bench/engine.sh
fi

if [[ ${STORE:-1} != 0 ]]; then
  echo
  DURATION=${STORE_DURATION:-5} bench/store.sh
fi

if [[ ${ACCOUNTS:-1} != 0 ]]; then
  echo
  DURATION=${ACCOUNTS_DURATION:-10} bench/accounts.sh
fi

if [[ ${ROOMS:-1} != 0 ]]; then
  echo
  DURATION=$DURATION bench/rooms.sh
fi
