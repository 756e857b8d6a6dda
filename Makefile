# Samenspel — the two commands a newcomer needs:
#   make run    build, load the demo data into SQLite (data/samenspel.db) and serve on :8080
#   make test   every check and test: formatting, lints, unit and integration tests on SQLite
#               and PostgreSQL, the browser tests and the short reliability checks
# Both do their own set-up on a fresh machine (see scripts/test-setup and the README).

.PHONY: run test frontend setup lint unit e2e reliability

frontend:
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
		npm ci --no-audit --no-fund; fi

run: frontend
	cargo build --release --bin samenspel
	# data/samenspel.db is the demo's own database: accounts tried out in it may stay.
	./target/release/samenspel demo --force
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

# Short versions of the reliability checks (bench/reliability/README.md has the real ones), on
# the debug binary `e2e` built (the same build command, so nothing is compiled again): SIGKILL
# under a write load on both databases, two nodes on one PostgreSQL, a one-minute soak (errors
# only: memory is judged by the 30-minute soak, one minute is still warm-up).
RELIABILITY_BIN = target/debug/samenspel
reliability: setup
	cargo build --all-targets
	python3 bench/reliability/durability.py --backend sqlite --binary $(RELIABILITY_BIN) --seconds 15 --kills 2
	python3 bench/reliability/durability.py --backend postgres --binary $(RELIABILITY_BIN) --seconds 15 --kills 2
	python3 bench/reliability/two_nodes.py --binary $(RELIABILITY_BIN)
	python3 bench/reliability/soak.py --backend sqlite --binary $(RELIABILITY_BIN) --minutes 1 --memory-not-judged

test: setup lint unit e2e reliability
