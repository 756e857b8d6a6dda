#!/usr/bin/env python3
"""Kills the server with SIGKILL in the middle of a write load and checks that no acknowledged
write is lost and that the database is consistent afterwards.

    python3 bench/reliability/durability.py --backend sqlite|postgres --binary PATH \
        [--seconds 20] [--kills 3] [--writers 4] [--seed N] [--record NAME]

1. A fresh database with the demo data (`samenspel demo`); `samenspel serve` on it.
2. The demo's project leader logs in; `--writers` threads add link entries to the logbook of a
   wijkaanpak as fast as the server takes them, each with a unique title (dur-<writer>-<n>).
   A write counts as acknowledged when the server answered 303 to the new entry's page; each
   acknowledged title is appended to a log file at once.
3. At random moments (`--kills` times over about `--seconds` seconds) the server process gets
   SIGKILL; it is started again on the same database, the leader logs in again, the writers go on.
4. After the last kill the server is started once more (it must come up), then stopped, and
   the database is read directly: every acknowledged title must be in log_entries exactly once,
   and the database must pass its integrity check (SQLite: PRAGMA integrity_check and
   foreign_key_check; PostgreSQL: amcheck's bt_index_check with heapallindexed on every btree
   index of the public schema).

Fails (exit 1, one line on stderr) on a lost write, a failed integrity check, a write refused
with another status than 303, or a server that does not come back.
"""

import argparse
import http.client
import os
import random
import re
import sys
import threading
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (Browser, Failure, binary_label, check_binary, demo_server, machine,  # noqa: E402
                     note, record, run_check)


class Load:
    """The writers and what they saw. The main thread pauses them around a restart."""

    def __init__(self, approach, ack_log, writers):
        self.approach = approach
        self.live = threading.Event()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.base, self.cookies, self.csrf, self.generation = None, None, None, 0
        self.acknowledged = []
        self.unknown = []  # sent, but the server died before it answered
        self.refused = []  # answered, but not with the 303 that acknowledges a write
        self.ack_log = open(ack_log, "a", buffering=1)
        self.threads = [threading.Thread(target=self.write, args=(n,), daemon=True) for n in range(writers)]

    def resume(self, base, browser):
        with self.lock:
            self.base, self.cookies, self.csrf = base, dict(browser.cookies), browser.csrf
            self.generation += 1
        self.live.set()

    def write(self, writer):
        entry = re.compile(rf"/approaches/{self.approach}/logbook/\d+")
        path = f"/approaches/{self.approach}/logbook/new/link"
        seq, browser, generation = 0, None, 0
        while not self.stopping.is_set():
            if not self.live.wait(timeout=0.2):
                continue
            with self.lock:
                if generation != self.generation or browser is None:
                    if browser:
                        browser.close()
                    browser = Browser(self.base, self.cookies, timeout=30)
                    browser.csrf, generation = self.csrf, self.generation
            seq += 1
            title = f"dur-{writer}-{seq}"
            try:
                response = browser.post(path, [
                    ("party", ""), ("visibility", "parties"), ("title", title),
                    ("url", f"https://example.org/durability/{writer}/{seq}"),
                    ("body", "Written by bench/reliability/durability.py."),
                ])
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.unknown.append(title)
                browser.close()
                time.sleep(0.02)
                continue
            if response.status == 303 and entry.fullmatch(response.location):
                with self.lock:
                    self.acknowledged.append(title)
                    self.ack_log.write(title + "\n")
            else:
                with self.lock:
                    self.refused.append((title, response.status, response.text[:200]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--binary", required=True, help="the samenspel binary to test")
    parser.add_argument("--seconds", type=float, default=20, help="about how long the write load runs")
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=None, help="for the moments of the kills")
    parser.add_argument("--record", metavar="NAME", help="also write bench/results/NAME.json and .md")
    args = parser.parse_args()
    if args.kills < 1 or args.writers < 1 or args.seconds <= 0:
        parser.error("--kills and --writers must be at least 1, --seconds positive")
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    limit = args.seconds * 1.5 + 60 + 30 * args.kills

    def body():
        binary = check_binary(args.binary)
        db, server = demo_server(binary, args.backend, "durability")
        work = server.work

        leader = Browser(server.base).login()
        approaches = [row[0] for row in db.query("SELECT id FROM approaches ORDER BY id")]
        approach = next((a for a in approaches
                         if leader.get(f"/approaches/{a}/logbook/new/link").status == 200), None)
        if approach is None:
            raise Failure(f"the project leader may add a link to none of the approaches {approaches}")

        load = Load(approach, os.path.join(work, "acknowledged.log"), args.writers)
        for thread in load.threads:
            thread.start()
        rng = random.Random(seed)
        segment = args.seconds / args.kills
        recoveries = []
        started = time.monotonic()
        load.resume(server.base, leader)
        for kill in range(1, args.kills + 1):
            time.sleep(rng.uniform(0.5 * segment, 1.5 * segment))
            if not server.alive():
                raise Failure(f"the server exited by itself (status {server.process.returncode})")
            before = len(load.acknowledged)
            load.live.clear()
            server.kill()
            load_seconds = time.monotonic() - started
            note(f"kill {kill}: SIGKILL after {time.monotonic() - started:.1f} s, "
                 f"{before} writes acknowledged so far")
            time.sleep(0.2)  # let the writers see their connections fail
            server.start()
            recoveries.append(round(server.wait_ready(), 2))
            leader = Browser(server.base).login()
            if kill < args.kills:
                load.resume(server.base, leader)
        load.stopping.set()
        for thread in load.threads:
            thread.join(timeout=35)
        load.ack_log.close()
        # The last start must also serve: a page that reads the logbook.
        page = leader.get(f"/approaches/{approach}/logbook")
        if page.status != 200:
            raise Failure(f"after the last restart the logbook answers {page.status}")
        exit_status = server.stop()

        with open(os.path.join(work, "acknowledged.log")) as f:
            acknowledged = [line.strip() for line in f if line.strip()]
        stored = {}
        for (title,) in db.query("SELECT title FROM log_entries WHERE title LIKE 'dur-%'"):
            stored[title] = stored.get(title, 0) + 1
        lost = [t for t in acknowledged if t not in stored]
        doubled = sorted(t for t, n in stored.items() if n > 1)
        in_flight_committed = sum(1 for t in load.unknown if t in stored)
        integrity = db.integrity()
        logged = server.errors_logged()

        results = {
            "check": "durability", "backend": args.backend, "machine": machine(),
            "binary": binary_label(args.binary), "seed": seed, "writers": args.writers,
            "load_seconds": round(load_seconds, 1), "kills": args.kills,
            "writes_acknowledged": len(acknowledged), "acknowledged_found": len(acknowledged) - len(lost),
            "lost": len(lost), "stored_twice": len(doubled),
            "in_flight_at_a_kill": len(load.unknown), "in_flight_committed": in_flight_committed,
            "refused": len(load.refused), "restart_seconds": recoveries,
            "exit_status_after_sigterm": exit_status, "integrity": integrity,
            "server_log_errors": len(logged),
        }
        summary = [
            f"backend {args.backend}, {args.writers} writers, {load_seconds:.1f} s from the start of the load to the last kill, "
            f"{args.kills} SIGKILLs (seed {seed}), restarts took {recoveries} s",
            f"writes acknowledged: {len(acknowledged)}; found in log_entries: "
            f"{len(acknowledged) - len(lost)}; lost: {len(lost)}; stored twice: {len(doubled)}",
            f"in flight at a kill (no answer): {len(load.unknown)}, of which committed: {in_flight_committed}",
            f"refused writes: {len(load.refused)}; integrity: {integrity}",
            f"errors in the server's log: {len(logged)}" + (f", first: {logged[0][:200]}" if logged else ""),
        ]
        problems = []
        if load.refused:
            title, status, text = load.refused[0]
            problems.append(f"{len(load.refused)} writes refused, e.g. {title}: status {status} {text!r}")
        if lost:
            problems.append(f"{len(lost)} acknowledged writes are missing from log_entries, e.g. {lost[:5]}")
        if doubled:
            problems.append(f"{len(doubled)} titles are stored more than once, e.g. {doubled[:5]}")
        if not acknowledged:
            problems.append("no write was acknowledged at all")
        results["result"] = f"FAIL: {problems[0]}" if problems else "PASS"
        print("\n".join(summary))
        if args.record:
            record(args.record, results, [
                f"# Durability under SIGKILL — {args.backend}", "",
                f"{machine()}; `{binary_label(args.binary)}`; "
                f"`durability.py --seconds {args.seconds:g} --kills {args.kills} --writers {args.writers} "
                f"--seed {seed}`", "",
                "| figure | value |", "|---|---|",
                *[f"| {k} | {v} |" for k, v in results.items() if k not in ("check", "machine", "binary")],
            ])
        if problems:
            raise Failure(problems[0])

    run_check("durability", limit, body)


if __name__ == "__main__":
    main()
