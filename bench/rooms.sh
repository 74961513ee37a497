#!/usr/bin/env bash
# Rooms benchmarks for docs/benchmarks.md (issue 6), each measured in one run:
#   - cached getChatroomById (the room with its members) requests/s and p99, CACHE=on
#     versus CACHE=off, in embedded mode (SQLite, in-process cache) and in cluster mode
#     (PostgreSQL + Redis, throwaway servers from scripts/test-services.sh);
#   - sendMessage/s with 16 senders and no subscribers, on PostgreSQL (and embedded).
# wrk -t2 on the same cores as chatd; RATE_LIMITS=off; ACCESS_TOKEN_TTL long enough.
# Knobs: DURATION (10s), CONNECTIONS (64). Results: bench/results/rooms-<time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CHATD=${CHATD:-build/release/chatd}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
[[ -x $CHATD ]] || { echo "bench: build first (make build)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench: wrk missing (make test-deps)" >&2; exit 1; }

if [[ -z ${TEST_DATABASE_URL:-} || -z ${TEST_REDIS_URL:-} ]]; then
  # Re-run inside throwaway PostgreSQL and Redis servers.
  exec scripts/test-services.sh run -- "$0" "$@"
fi

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
wait_up() {
  for _ in $(seq 1 400); do
    curl -fs "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "bench: chatd on port $1 did not start" >&2
  return 1
}
# wrk → "requests/s p99_ms"
run_wrk() {
  local connections=$1 script=$2 url=$3 out
  out=$(wrk -t2 -c"$connections" -d"$DURATION" --latency -s "$script" "$url")
  if grep -q "Non-2xx" <<<"$out"; then echo "bench: non-2xx answers: $out" >&2; exit 1; fi
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  echo "$rps $p99"
}

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

schemas=0
# start_chatd <mode: embedded|cluster> <cache: on|off>: sets `port` (not in a subshell,
# so the pid is remembered).
start_chatd() {
  local mode=$1 cache=$2 dir env=()
  port=$(free_port)
  dir=$(mktemp -d "$work/data.XXXXXX")
  if [[ $mode == cluster ]]; then
    schemas=$((schemas + 1))
    env+=(DATABASE_URL="$TEST_DATABASE_URL?schema=bench_rooms_$$_$schemas" REDIS_URL="$TEST_REDIS_URL")
  fi
  env PORT="$port" HOST=127.0.0.1 DATA_DIR="$dir" RATE_LIMITS=off CACHE="$cache" \
    LOG_LEVEL=warn ACCESS_TOKEN_TTL=1h "${env[@]}" "$CHATD" >/dev/null 2>&1 &
  pids+=($!)
  wait_up "$port"
}
stop_last() { kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; }

write_scripts() {  # <token> <room>
  cat >"$work/get_room.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "access_token=$1"
wrk.body = '{"query":"query Room(\$r: Float!) { getChatroomById(chatroomId: \$r) { id name access adminId colorHex description createdAt users { id fullname avatarUrl } } }","variables":{"r":$2}}'
LUA
  cat >"$work/send.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "access_token=$1"
wrk.body = '{"query":"mutation Send(\$r: Float!) { sendMessage(chatroomId: \$r, content: \\\\\\"¡Vamos Boca!\\\\\\") { cursor node { id createdAt } } }","variables":{"r":$2}}'
LUA
}

declare -A rps p99
for mode in embedded cluster; do
  for cache in on off; do
    start_chatd "$mode" "$cache"
    read -r token room < <(node bench/rooms_setup.mjs "http://127.0.0.1:$port")
    write_scripts "$token" "$room"
    wrk -t2 -c"$CONNECTIONS" -d2s -s "$work/get_room.lua" "http://127.0.0.1:$port/graphql" >/dev/null
    read -r rps[$mode-$cache] p99[$mode-$cache] < <(run_wrk "$CONNECTIONS" "$work/get_room.lua" "http://127.0.0.1:$port/graphql")
    if [[ $cache == on ]]; then
      read -r rps[$mode-send] p99[$mode-send] < <(run_wrk 16 "$work/send.lua" "http://127.0.0.1:$port/graphql")
    fi
    stop_last
  done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
check() { awk -v a="$1" -v t="$2" 'BEGIN { print (a >= t) ? "✔" : "✘" }'; }
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
mkdir -p bench/results
result=bench/results/rooms-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "Machine: $machine; wrk -t2 -c$CONNECTIONS -d$DURATION on the same cores; RATE_LIMITS=off; $(date -u +%Y-%m-%d)"
  echo
  echo "| measure | cache on | cache off | on/off | target |"
  echo "|---|---|---|---|---|"
  echo "| getChatroomById (room + members) requests/s, embedded (SQLite) | ${rps[embedded-on]} | ${rps[embedded-off]} | $(ratio "${rps[embedded-on]}" "${rps[embedded-off]}")× | ≥ 30 000 $(check "${rps[embedded-on]}" 30000) |"
  echo "| getChatroomById p99 (ms), embedded | ${p99[embedded-on]} | ${p99[embedded-off]} | | |"
  echo "| getChatroomById requests/s, PostgreSQL + Redis | ${rps[cluster-on]} | ${rps[cluster-off]} | $(ratio "${rps[cluster-on]}" "${rps[cluster-off]}")× | |"
  echo "| getChatroomById p99 (ms), PostgreSQL + Redis | ${p99[cluster-on]} | ${p99[cluster-off]} | | |"
  echo
  echo "| measure | requests/s | p99 (ms) | target |"
  echo "|---|---|---|---|"
  echo "| sendMessage, 16 senders, no subscribers, PostgreSQL + Redis | ${rps[cluster-send]} | ${p99[cluster-send]} | ≥ 5 000 $(check "${rps[cluster-send]}" 5000) |"
  echo "| sendMessage, 16 senders, no subscribers, embedded (SQLite) | ${rps[embedded-send]} | ${p99[embedded-send]} | |"
} | tee "$result"
