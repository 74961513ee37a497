#!/usr/bin/env bash
# Login benchmark for docs/benchmarks.md (issue 5, AUTH-2): logins/s with 32 clients
# logging in back to back, and `{ hello }` p99 on other connections at a fixed rate,
# without and with that load, against one chatd (bench/login_load.mjs).
# Knobs: DURATION seconds per measure (10), CLIENTS (32), RATE hello/s (400).
# Results go to bench/results/accounts-<timestamp>.md and stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

CHATD=${CHATD:-build/release/chatd}
[[ -x $CHATD ]] || { echo "bench: build first (make build)" >&2; exit 1; }
json=$(node bench/login_load.mjs --chatd "$CHATD" --duration "${DURATION:-10}" \
  --clients "${CLIENTS:-32}" --rate "${RATE:-400}")
field() { node -e "console.log(JSON.parse(process.argv[1])[process.argv[2]])" "$json" "$1"; }

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
mkdir -p bench/results
result=bench/results/accounts-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "Machine: $machine; chatd with its defaults (bcrypt cost 10); $(date -u +%Y-%m-%d)"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| logins/s, $(field clients) clients back to back | $(field loginsPerSecond) |"
  echo "| login latency p50 / p99 (ms) | $(field loginP50Ms) / $(field loginP99Ms) |"
  echo "| \`{ hello }\` p50 / p99 without login load, $(field helloRate)/s on 4 connections (ms) | $(field helloP50IdleMs) / $(field helloP99IdleMs) |"
  echo "| \`{ hello }\` p50 / p99 with the login load (ms) | $(field helloP50LoadedMs) / $(field helloP99LoadedMs) |"
  echo "| p99 with load / p99 without (target ≤ 2×) | $(field ratio)× |"
  echo
  echo "Raw: \`$json\`"
} | tee "$result"
