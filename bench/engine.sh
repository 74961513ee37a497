#!/usr/bin/env bash
# GraphQL engine benchmarks for docs/benchmarks.md (issue 3), measured in one run:
#   - bench/graphql_engine_bench (Google Benchmark): lex, parse, validate and execute the
#     full introspection query, with and without the document cache; `{ hello }`; a
#     50-message query; Boost.JSON parse + serialize of the same response as the baseline
#   - bench/graphql_js_bench.mjs: graphql-js 16.15 on the same operations
# Results go to bench/results/graphql-engine-<timestamp>.md and stdout.
# Knobs: ENGINE_BENCH (the binary), REPETITIONS (3; the median counts), MIN_TIME (0.5 s
# per repetition).
set -euo pipefail
cd "$(dirname "$0")/.."

ENGINE_BENCH=${ENGINE_BENCH:-build/release/bench/graphql_engine_bench}
REPETITIONS=${REPETITIONS:-3}
MIN_TIME=${MIN_TIME:-0.5}
[[ -x $ENGINE_BENCH ]] || {
  echo "bench: $ENGINE_BENCH missing (make bench builds it; needs libbenchmark-dev)" >&2
  exit 1
}
[[ -d bench/node_modules/graphql ]] ||
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$ENGINE_BENCH" --benchmark_repetitions="$REPETITIONS" --benchmark_min_time="$MIN_TIME" \
  --benchmark_report_aggregates_only=true --benchmark_out="$out/chatd.json" \
  --benchmark_out_format=json >&2
node bench/graphql_js_bench.mjs --time-ms "$(awk -v t="$MIN_TIME" 'BEGIN { print t * 2000 }')" \
  >"$out/graphql-js.json"

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
mkdir -p bench/results
result=bench/results/graphql-engine-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "Machine: $machine; $(date -u +%Y-%m-%d)"
  echo
  node bench/engine_table.mjs "$out/chatd.json" "$out/graphql-js.json"
} | tee "$result"
