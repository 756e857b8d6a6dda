# Samenspel — the two commands a newcomer needs:
#   make run    build, load the demo data into SQLite (data/samenspel.db) and serve on :8080
#   make test   every check and test: formatting, lints, unit and integration tests on SQLite
#               and PostgreSQL, and the browser tests
# Both do their own set-up on a fresh machine (see scripts/test-setup and the README).

.PHONY: run test frontend setup lint unit e2e

frontend:
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
		npm ci --no-audit --no-fund; fi

run: frontend
	cargo build --release --bin samenspel
	./target/release/samenspel demo
	./target/release/samenspel serve

setup:
	./scripts/test-setup

lint: frontend
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings

unit: setup
	cargo nextest run --no-fail-fast

# Built with the test targets' features, so that after `unit` nothing is compiled again.
e2e: setup
	cargo build --all-targets
	npm run e2e

test: setup lint unit e2e
