#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those that are missing.
# Non-interactive and idempotent; uses sudo when not running as root.
#   scripts/deps.sh          build + run dependencies (make run, make build)
#   scripts/deps.sh --test   also what the tests and benchmarks need (make test)
#   scripts/deps.sh --fuzz   build dependencies and the fuzzing toolchain (make fuzz)
set -euo pipefail

build_packages=(
  cmake ninja-build ccache pkg-config g++ make
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libspdlog-dev libfmt-dev libssl-dev libcrypt-dev
  libpq-dev libhiredis-dev libsqlite3-dev
)
# clang 14 with libFuzzer and the sanitizer runtimes (libclang-rt-14-dev), and
# llvm-symbolizer (llvm-14) for readable sanitizer reports: the `fuzz` preset.
fuzz_packages=(clang libclang-rt-14-dev llvm-14)
test_packages=(
  libgtest-dev libgmock-dev libbenchmark-dev
  "${fuzz_packages[@]}" clang-format
  postgresql redis-server wrk curl
  sqlite3  # tests/e2e/storage.test.mjs sets a newer schema version (OPS-2)
  chromium  # the e2e suite's browser test of GraphiQL (tests/e2e/graphiql.test.mjs)
)

packages=("${build_packages[@]}")
# npm installs GraphiQL's browser files, which the build compiles into chatd (make web),
# and Node.js runs the end-to-end suite; any recent one will do (Debian's 18 or newer).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
case "${1:-}" in
  --test) packages+=("${test_packages[@]}") ;;
  --fuzz) packages+=("${fuzz_packages[@]}") ;;
esac

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "deps: installing ${missing[*]}" >&2
sudo=()
[[ $(id -u) -ne 0 ]] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
