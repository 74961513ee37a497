#!/usr/bin/env bash
# Runs the libFuzzer targets of the `fuzz` preset (`make fuzz`; `make test` runs them
# briefly through scripts/run-tests.sh).
#   scripts/fuzz.sh [parser|validate]...    default: both, one after the other
# Environment:
#   FUZZ_SECONDS  fuzzing time per target (default 600)
#   FUZZ_JOBS     fuzzing processes per target, libFuzzer -fork (default: the core count)
#   FUZZ_BUILD    1 (default) configures and builds the `fuzz` preset first; 0 does not
#   FUZZ_RUNS     when set: a reproducible run instead (what `make test` does): one
#                 process, the checked-in corpus only (in a fresh working corpus), then
#                 FUZZ_RUNS mutations with the seed FUZZ_SEED (default 1); FUZZ_SECONDS
#                 and FUZZ_JOBS are ignored
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
  set +e
  if [[ -n ${FUZZ_RUNS:-} ]]; then
    # Reproducible: the same binary, seeds and seed number make the same inputs, given
    # fixed addresses (setarch -R: pointer comparisons feed the mutator) and no corpus
    # reloads (which are timed).
    work=$(mktemp -d)
    fixed=()
    setarch "$(uname -m)" -R true 2>/dev/null && fixed=(setarch "$(uname -m)" -R)
    echo "fuzz $target: reproducible, $FUZZ_RUNS runs, seed ${FUZZ_SEED:-1}${fixed:+, fixed addresses}"
    "${fixed[@]}" "$binary" -seed="${FUZZ_SEED:-1}" -runs="$FUZZ_RUNS" -reload=0 \
      -max_len="$(max_len_of "$target")" -timeout=10 -rss_limit_mb=2048 \
      -dict=fuzz/graphql.dict -artifact_prefix="$artifacts/" -print_final_stats=1 \
      "$work" "fuzz/corpus/$target" >"$log" 2>&1
    code=$?
    rm -rf "$work"
  else
    echo "fuzz $target: ${seconds}s, $jobs process(es), corpus $corpus, log $log"
    # Fork mode ignores timeouts and out-of-memory inputs unless told not to.
    "$binary" -fork="$jobs" -ignore_crashes=0 -ignore_timeouts=0 -ignore_ooms=0 \
      -max_total_time="$seconds" -max_len="$(max_len_of "$target")" -timeout=10 \
      -rss_limit_mb=2048 -dict=fuzz/graphql.dict -artifact_prefix="$artifacts/" \
      "$corpus" "fuzz/corpus/$target" >"$log" 2>&1
    code=$?
  fi
  set -e
  # The last progress line: "#N: cov: C ft: F corp: K exec/s E oom/timeout/crash: a/b/c time: Ts".
  grep -E '^#[0-9]+(: cov:|\s+DONE)' "$log" | tail -1 || true
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
