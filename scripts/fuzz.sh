#!/usr/bin/env bash
# Runs the libFuzzer targets of the `fuzz` preset (`make fuzz`; `make test` runs them
# briefly through scripts/run-tests.sh).
#   scripts/fuzz.sh [parser|validate]...    default: both, one after the other
# Environment:
#   FUZZ_SECONDS  fuzzing time per target (default 600)
#   FUZZ_JOBS     fuzzing processes per target, libFuzzer -fork (default: the core count)
#   FUZZ_BUILD    1 (default) configures and builds the `fuzz` preset first; 0 does not
# Each target's working corpus is build/fuzz/corpus-<target>, kept between runs and seeded
# from the checked-in fuzz/corpus/<target>; reproducers go to build/fuzz/artifacts-<target>/
# and the output to build/fuzz/<target>.log. Exits non-zero on any crash, leak, timeout
# (-timeout, seconds per input) or out-of-memory (-rss_limit_mb), naming the reproducer.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-$(nproc)}
build_dir=build/fuzz
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(parser validate)

# Longest input each target is given: the parser sees whole documents (SDL included),
# validation request-sized ones.
max_len_of() {
  case $1 in
    parser) echo 4096 ;;
    validate) echo 2048 ;;
    *) echo "fuzz: unknown target '$1' (parser, validate)" >&2; return 1 ;;
  esac
}
for target in "${targets[@]}"; do max_len_of "$target" >/dev/null; done

if [[ ${FUZZ_BUILD:-1} == 1 ]]; then
  [[ -f $build_dir/build.ninja ]] || cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz
fi

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
status=0
for target in "${targets[@]}"; do
  binary=$build_dir/graphql_${target}_fuzz
  corpus=$build_dir/corpus-$target
  artifacts=$build_dir/artifacts-$target
  log=$build_dir/$target.log
  mkdir -p "$corpus" "$artifacts"
  stamp=$(mktemp)
  echo "fuzz $target: ${seconds}s, $jobs process(es), corpus $corpus, log $log"
  # Fork mode ignores timeouts and out-of-memory inputs unless told not to.
  set +e
  "$binary" -fork="$jobs" -ignore_crashes=0 -ignore_timeouts=0 -ignore_ooms=0 \
    -max_total_time="$seconds" -max_len="$(max_len_of "$target")" -timeout=10 \
    -rss_limit_mb=2048 -dict=fuzz/graphql.dict -artifact_prefix="$artifacts/" \
    "$corpus" "fuzz/corpus/$target" >"$log" 2>&1
  code=$?
  set -e
  # The last progress line: "#N: cov: C ft: F corp: K exec/s E oom/timeout/crash: a/b/c time: Ts".
  grep -E '^#[0-9]+: cov:' "$log" | tail -1 || true
  mapfile -t found < <(find "$artifacts" -type f -newer "$stamp" | sort)
  rm -f "$stamp"
  if [[ $code -ne 0 || ${#found[@]} -gt 0 ]]; then
    status=1
    echo "fuzz $target: FAILED (exit $code); the end of $log:" >&2
    tail -n 40 "$log" >&2
    for file in "${found[@]}"; do
      echo "fuzz $target: reproducer $file (replay: $binary $file)" >&2
    done
  else
    echo "fuzz $target: no crash, leak or timeout"
  fi
done
exit $status
