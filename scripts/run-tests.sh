#!/usr/bin/env bash
# Runs every test suite and prints one summary. Called by `make test` inside
# scripts/test-services.sh, which provides TEST_DATABASE_URL and TEST_REDIS_URL.
# Every suite runs even when an earlier one fails; the exit code says whether all passed.
set -uo pipefail
cd "$(dirname "$0")/.."

: "${TEST_DATABASE_URL:?run me through scripts/test-services.sh}"
: "${TEST_REDIS_URL:?run me through scripts/test-services.sh}"

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT
passed=0
failed=0
failures=()

# ctest prints "100% tests passed, 0 tests failed out of 57".
run_ctest() {
  local name=$1; shift
  echo "==> $name"
  ctest "$@" 2>&1 | tee "$log_dir/$name.log"
  local status=${PIPESTATUS[0]}
  local line total bad
  line=$(grep -E "tests passed, [0-9]+ tests? failed out of" "$log_dir/$name.log" | tail -1)
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
  bad=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$line")
  if [[ -z "$line" ]]; then total=0; bad=1; fi
  passed=$((passed + total - bad))
  failed=$((failed + bad))
  [[ $status -ne 0 || -z "$line" ]] && failures+=("$name")
}

# node --test prints "# pass N" and "# fail N".
run_node() {
  local name=$1; shift
  echo "==> $name"
  (cd tests/e2e && CHATD_BIN="$PWD/../../build/release/chatd" node --test --test-concurrency=1 "$@") \
    2>&1 | tee "$log_dir/$name.log"
  local status=${PIPESTATUS[0]}
  local ok bad
  ok=$(grep -E "^# pass [0-9]+" "$log_dir/$name.log" | tail -1 | awk '{print $3}')
  bad=$(grep -E "^# fail [0-9]+" "$log_dir/$name.log" | tail -1 | awk '{print $3}')
  passed=$((passed + ${ok:-0}))
  failed=$((failed + ${bad:-1}))
  [[ $status -ne 0 || -z "$ok" ]] && failures+=("$name")
}

# scripts/fuzz.sh fails on any crash, leak or timeout and names the reproducer; each
# target counts as one suite. The targets were built by `make build-tests`. Reproducible
# runs (a fixed seed and number of runs from the checked-in corpus): a failure here
# fails the same way on any machine; `make fuzz` explores without end.
run_fuzz() {
  local target=$1 runs=$2
  echo "==> fuzz-$target"
  if FUZZ_BUILD=0 FUZZ_RUNS=$runs FUZZ_SEED=20261127 scripts/fuzz.sh "$target" 2>&1 |
    tee "$log_dir/fuzz-$target.log"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("fuzz-$target")
  fi
}

run_ctest unit-asan --preset asan -L unit -j2
run_ctest release --preset release -j2
run_node e2e
run_fuzz parser 600000
run_fuzz validate 300000

echo "==> format-check"
if make --no-print-directory format-check; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  failures+=("format-check")
fi

echo
if [[ ${#failures[@]} -gt 0 ]]; then
  # What failed, again at the very end: CI logs are often read from the tail.
  for name in "${failures[@]}"; do
    [[ -f $log_dir/$name.log ]] || continue
    echo "--- $name:"
    grep -E "^not ok|\(Failed\)|\(Timeout\)|\(SEGFAULT\)|==[0-9]+==ERROR|^SUMMARY: |deadly signal|reproducer|FAILED \(exit|Test unit written|^# fail" \
      "$log_dir/$name.log" | head -n 30
  done
  echo "FAILED suites: ${failures[*]}"
fi
echo "summary: $passed passed, $failed failed"
[[ ${#failures[@]} -eq 0 && $failed -eq 0 ]]
