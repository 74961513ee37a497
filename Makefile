# Futbol Chat — the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := build

BUILD_DIR := build
# ccache keys on paths relative to the checkout, so a fresh clone (CI) reuses the cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true
CHATD := $(BUILD_DIR)/release/chatd
E2E_DIR := tests/e2e
WEB_DIR := web/graphiql
SOURCES = $(shell git ls-files '*.cpp' '*.hpp' 2>/dev/null || find libs src tests bench -name '*.[ch]pp')

.PHONY: deps test-deps web configure build build-tests run test unit e2e bench fuzz format format-check clean

deps:
	@scripts/deps.sh

test-deps:
	@scripts/deps.sh --test
	@cd $(E2E_DIR) && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }

# GraphiQL's browser files (npm), compiled into chatd: installed again only when
# package-lock.json is newer than the installed tree.
web: deps
	@cd $(WEB_DIR) && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }

# Configuring needs web/graphiql/node_modules (src/app/CMakeLists.txt checks).
$(BUILD_DIR)/%/build.ninja: | web
	cmake --preset $* > /dev/null

# The libFuzzer targets (clang) build only the GraphQL engine: no GraphiQL files needed.
$(BUILD_DIR)/fuzz/build.ninja:
	cmake --preset fuzz > /dev/null

# Release build of the server only: build/release/chatd.
build: deps web $(BUILD_DIR)/release/build.ninja
	cmake --build --preset release --target chatd

# Release (everything), the ASan/UBSan build of the tests and the fuzz targets.
build-tests: test-deps web $(BUILD_DIR)/release/build.ninja $(BUILD_DIR)/asan/build.ninja \
             $(BUILD_DIR)/fuzz/build.ninja
	cmake --build --preset release
	cmake --build --preset asan
	cmake --build --preset fuzz

# Embedded mode (SQLite, in-process bus) at http://localhost:3000.
run: build
	exec ./$(CHATD)

# Every test: unit (ASan/UBSan and release), PostgreSQL and Redis integration tests against
# throwaway servers, end-to-end tests against the release binary, and the format check.
test: build-tests
	scripts/test-services.sh run -- scripts/run-tests.sh

# HTTP benchmarks (wrk) and the GraphQL engine's (Google Benchmark, graphql-js in
# bench/node_modules): see docs/benchmarks.md.
bench: build
	@scripts/deps.sh --test
	@cd bench && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }
	cmake --preset release -DCHAT_BENCH=ON > /dev/null
	cmake --build --preset release --target graphql_engine_bench store_bench
	bench/run.sh

# libFuzzer on the GraphQL parser and validation, FUZZ_SECONDS (default 600) per target
# on every core; fails naming the reproducer (scripts/fuzz.sh, docs/graphql-engine.md).
fuzz:
	@scripts/deps.sh --fuzz
	scripts/fuzz.sh

format:
	@clang-format -i $(SOURCES)

# Quiet on success (the file list would bury the test summary in CI logs).
format-check:
	@clang-format --dry-run -Werror $(SOURCES) && echo "format-check: $(words $(SOURCES)) files formatted"

clean:
	rm -rf $(BUILD_DIR)
