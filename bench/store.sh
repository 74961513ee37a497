#!/usr/bin/env bash
# Storage benchmarks for docs/benchmarks.md (issue 4), measured in one run against raw
# baselines on the same database (bench/store_bench.cpp):
#   - message inserts/s with 16 concurrent writers and newest-page reads/s through both
#     store adapters (SQLite, PostgreSQL)
#   - raw sqlite3 INSERTs, a transaction each, on the same file (WAL, synchronous=FULL)
#   - raw libpq pipelined INSERTs and SELECTs on the same PostgreSQL table
# PostgreSQL is a throwaway server (scripts/test-services.sh) unless BENCH_DATABASE_URL is
# set (PG=0 skips it). SQLite's file lives in a temp dir under the build dir.
# Results go to bench/results/store-<timestamp>.md and stdout.
# Knobs: STORE_BENCH (the binary; built with the release preset when missing), DURATION
# (seconds per measure, default 5), WRITERS (16), READERS (16), BATCH (64), PG (1).
set -euo pipefail
cd "$(dirname "$0")/.."

STORE_BENCH=${STORE_BENCH:-build/release/bench/store_bench}
DURATION=${DURATION:-5}
DURATION=${DURATION%s}  # bench/run.sh writes durations as `10s`
WRITERS=${WRITERS:-16}
READERS=${READERS:-16}
BATCH=${BATCH:-64}
if [[ ! -x $STORE_BENCH ]]; then
  if [[ $STORE_BENCH == build/release/bench/store_bench ]]; then
    cmake --preset release -DCHAT_BENCH=ON >/dev/null
    cmake --build --preset release --target store_bench >&2
  else
    echo "bench: $STORE_BENCH missing" >&2
    exit 1
  fi
fi

build_dir=$(dirname "$(dirname "$STORE_BENCH")")
work=$(mktemp -d "$build_dir/store-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

args=(--duration "$DURATION" --writers "$WRITERS" --readers "$READERS" --batch "$BATCH"
  --dir "$work")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
status=0
if [[ ${PG:-1} == 0 ]]; then
  env -u BENCH_DATABASE_URL "$STORE_BENCH" "${args[@]}" >"$work/table.md" || status=$?
elif [[ -n ${BENCH_DATABASE_URL:-} ]]; then
  "$STORE_BENCH" "${args[@]}" >"$work/table.md" || status=$?
else
  # shellcheck disable=SC2016  # expanded by the inner shell, once the services run
  scripts/test-services.sh run -- bash -c 'BENCH_DATABASE_URL=$TEST_DATABASE_URL exec "$@"' \
    store-bench "$STORE_BENCH" "${args[@]}" >"$work/table.md" || status=$?
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
disk=$(df -P "$work" | awk 'NR==2 {print $1}')
mkdir -p bench/results
result=bench/results/store-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "Machine: $machine; SQLite on $disk; load average $load_before before, $load_after after; $(date -u +%Y-%m-%d)"
  echo "store_bench --duration $DURATION --writers $WRITERS --readers $READERS --batch $BATCH"
  echo
  cat "$work/table.md"
} | tee "$result"
if ((status != 0)); then
  echo "bench: store_bench failed (exit $status); the table above is partial" >&2
fi
exit "$status"
