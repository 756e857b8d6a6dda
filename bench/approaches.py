#!/usr/bin/env python3
"""Measures the wijkaanpak pages with the national number of approaches.

    python3 bench/approaches.py [--backend sqlite|postgres] [--duration 10] [--connections 64]

Steps, each timed:
  1. write a synthetic national CBS file (bench/gen_cbs_areas.py) and create its 342
     municipalities with their areas (samenspel-bench registry --import-areas);
  2. create 2,000 approaches spread over the municipalities by size, with parties, kompas
     progress and its history, notes, positions and goals (samenspel-bench approaches);
  3. load the pages of the largest municipality's first approach, its overview and the hub,
     one request at a time (curl) and under load (wrk, logged in), and record the server's
     peak resident memory.

Writes bench/results/approaches-<backend>.json and .md. Needs what bench/registry.py needs.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from registry import (ROOT, Session, free_port, peak_rss_mb, run, sequential, wrk,  # noqa: E402
                      write_results)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--approaches", type=int, default=2000)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="samenspel-bench-")
    results = {"backend": args.backend, "machine": f"{os.cpu_count()} cores", "steps": {}}
    print("building (release)…", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "samenspel", "-p", "samenspel-bench"],
                   check=True, cwd=ROOT)
    binary = os.path.join(ROOT, "target/release/samenspel")
    bench = os.path.join(ROOT, "target/release/samenspel-bench")
    csv = os.path.join(work, "areas.csv")
    run([sys.executable, os.path.join(ROOT, "bench/gen_cbs_areas.py"), "--format", "csv", "--out", csv])

    if args.backend == "sqlite":
        url = f"sqlite://{work}/bench.db"
    else:
        name = f"samenspel_bench_{os.getpid()}"
        admin = os.environ.get("SAMENSPEL_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        run(["psql", admin, "-qc", f"CREATE DATABASE {name}"])
        url = admin.rsplit("/", 1)[0] + "/" + name

    server = None
    try:
        started = time.perf_counter()
        run([bench, "--database-url", url, "registry", "--areas", csv, "--import-areas",
             "--initiatives", "0"])
        results["steps"]["municipalities_and_areas_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        out = run([bench, "--database-url", url, "approaches", "--count", str(args.approaches)])
        results["steps"]["approaches_s"] = round(time.perf_counter() - started, 2)
        results["generator"] = out.stderr.strip().splitlines()[-1]
        org, approach = out.stdout.split()
        if args.backend == "postgres":
            run(["psql", url, "-qc", "ANALYZE"])

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = dict(os.environ, DATABASE_URL=url, SAMENSPEL_LISTEN=f"127.0.0.1:{port}",
                   SAMENSPEL_BASE_URL=base, SAMENSPEL_AUTH_ATTEMPTS_PER_MINUTE="1000",
                   SAMENSPEL_MAIL_DIR=os.path.join(work, "mail"), RUST_LOG="warn")
        started = time.perf_counter()
        server = subprocess.Popen([binary, "serve"], env=env, cwd=work)
        for _ in range(300):
            try:
                run(["curl", "-sf", base + "/health"])
                break
            except subprocess.CalledProcessError:
                time.sleep(0.05)
        results["steps"]["start_up_s"] = round(time.perf_counter() - started, 2)
        session = Session(base, os.path.join(work, "cookies"))
        session.login()
        cookie = session.cookie()
        a = f"{base}/approaches/{approach}"
        pages = {
            "project_page": a,
            "kompas": a + "/kompas",
            "kompas_filtered": a + "/kompas?status=completed",
            "knooppunt": a + "/kompas/map-existing-initiatives",
            "perspectives": a + "/perspectives",
            "ambition_and_goals": a + "/ambition",
            "parties": a + "/parties",
            "municipality_overview": f"{base}/municipalities/{org}/approaches",
        }
        results["pages"] = {}
        for label, page in pages.items():
            results["pages"][label] = sequential(page, cookie)
            results["pages"][label].update(wrk(page, cookie, args.duration, args.connections))
            print(label, results["pages"][label], file=sys.stderr)
        # The benchmark account is a member of every municipality, so its hub lists every
        # approach in the country: one at a time only.
        results["pages"]["hub_all_approaches"] = sequential(f"{base}/approaches", cookie, 10)
        results["peak_rss_mb"] = round(peak_rss_mb(server.pid), 1)
    finally:
        if server:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        if args.backend == "postgres":
            run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
        shutil.rmtree(work, ignore_errors=True)

    write_results(f"approaches-{args.backend}", results, [
        f"# Wijkaanpak pages — {args.backend}", "",
        f"{results['machine']}; {args.approaches} approaches ({results['generator']}); wrk, "
        f"{args.connections} connections, {args.duration} s per page; server peak RSS "
        f"{results['peak_rss_mb']} MB."])


if __name__ == "__main__":
    main()
