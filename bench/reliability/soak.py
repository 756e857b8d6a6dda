#!/usr/bin/env python3
"""A soak: steady load on the logged-in pages for a long time, with no errors and memory that
stays flat.

    python3 bench/reliability/soak.py --backend sqlite|postgres --binary PATH \
        [--minutes 30] [--connections 16] [--record NAME]

A fresh database with the demo data; `samenspel serve`; the demo's project leader logs in.
wrk (2 threads, --connections connections) then asks for the pages a project leader uses, in
turn, with the session cookie, for --minutes (fractions allowed): for each wijkaanpak its
project page, kompas and logbook, and the municipality's registry, the notifications and the
home page. Every page is checked to answer 200 before and after the load.

Meanwhile the server's resident memory (VmRSS in /proc/PID/status) is sampled every 10 s, or
30 times over a run shorter than 5 minutes. Passes when
  - errors = 0: every response was 200 (these pages answer 200 to a logged-in project leader;
    a redirect would mean the session was lost) and wrk saw no socket error or timeout, and
  - RSS at the end <= 1.10 x RSS after the warm-up (the first sample at 20 % of the run).
"""

import argparse
import os
import re
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (Browser, Failure, binary_label, check_binary, demo_server, machine,  # noqa: E402
                     note, on_exit, record, run_check)

GROWTH_ALLOWED = 1.10
WARM_UP = 0.20

# Cycles through the paths (each wrk thread from its own starting point) and counts every
# answer that is not 200, per status; done() prints the totals of all threads.
LUA = """
local paths = {%(paths)s}
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter)
  table.insert(threads, thread)
end

function init(args)
  i = offset
  statuses = {}
end

function request()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  if status ~= 200 then
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("STATUS %%d %%d\\n", status, n))
  end
  io.write(string.format("LATENCY p50 %%d p99 %%d max %%d\\n",
    latency:percentile(50), latency:percentile(99), latency.max))
end
"""


def pages(db, browser):
    approaches = [row[0] for row in db.query("SELECT id FROM approaches ORDER BY id")]
    municipalities = sorted({row[0] for row in db.query("SELECT municipality_id FROM approaches")})
    paths = []
    for a in approaches:
        paths += [f"/approaches/{a}", f"/approaches/{a}/kompas", f"/approaches/{a}/logbook"]
    paths += [f"/municipalities/{m}/initiatives" for m in municipalities]
    paths += ["/notifications", "/"]
    for path in paths:
        status = browser.get(path).status
        if status != 200:
            raise Failure(f"{path} answers {status} to the logged-in project leader")
    return paths


def parse_wrk(out):
    def count(pattern):
        return sum(int(n) for n in re.findall(pattern, out))
    requests = re.search(r"(\d+) requests in ([\d.]+)(m|s|ms)", out)
    statuses = {int(s): int(n) for s, n in re.findall(r"^STATUS (\d+) (\d+)$", out, re.M)}
    latency = re.search(r"^LATENCY p50 (\d+) p99 (\d+) max (\d+)$", out, re.M)
    socket_errors = count(r"(?:connect|read|write|timeout) (\d+)")
    return {
        "requests": int(requests.group(1)) if requests else 0,
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "non_200": statuses,
        "non_2xx_3xx": count(r"Non-2xx or 3xx responses: (\d+)"),
        "socket_errors": socket_errors,
        "p50_ms": round(int(latency.group(1)) / 1000, 2) if latency else None,
        "p99_ms": round(int(latency.group(2)) / 1000, 2) if latency else None,
        "max_ms": round(int(latency.group(3)) / 1000, 2) if latency else None,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--binary", required=True, help="the samenspel binary to test")
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--record", metavar="NAME", help="also write bench/results/NAME.json and .md")
    parser.add_argument("--memory-not-judged", action="store_true",
                        help="report memory but pass on it: a run of a few minutes is still warming "
                             "up (the 30-minute run judges memory)")
    args = parser.parse_args()
    seconds = max(1, round(args.minutes * 60))
    interval = min(10.0, seconds / 30)

    def body():
        binary = check_binary(args.binary)
        if subprocess.run(["which", "wrk"], capture_output=True).returncode != 0:
            raise Failure("wrk is not installed (apt-get install wrk; scripts/test-setup does)")
        db, server = demo_server(binary, args.backend, "soak")
        work = server.work
        leader = Browser(server.base).login()
        paths = pages(db, leader)
        script = os.path.join(work, "pages.lua")
        with open(script, "w") as f:
            f.write(LUA % {"paths": ", ".join(f'"{p}"' for p in paths)})

        note(f"soak: {len(paths)} pages, {args.connections} connections, {seconds} s, "
             f"RSS every {interval:g} s")
        wrk = subprocess.Popen(
            ["wrk", "-t2", f"-c{args.connections}", f"-d{seconds}s", "--timeout", "10s",
             "-s", script, "-H", f"Cookie: {leader.session_cookie()}", "-H", "Accept-Language: nl",
             server.base],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        on_exit(lambda: wrk.poll() is None and wrk.kill())
        started = time.monotonic()
        samples = []  # (seconds since start, RSS in kB)
        parts = []  # (seconds since start, anonymous kB, file-backed kB): what the RSS is made of
        next_at = 0.0
        while wrk.poll() is None:
            elapsed = time.monotonic() - started
            if elapsed >= next_at:
                if not server.alive():
                    raise Failure(f"the server exited during the soak (status {server.process.returncode})")
                samples.append((round(elapsed, 1), server.status_kb("VmRSS")))
                parts.append((round(elapsed, 1), server.status_kb("RssAnon"), server.status_kb("RssFile")))
                next_at += interval
            time.sleep(min(0.2, max(0.0, next_at - (time.monotonic() - started))))
        out = wrk.stdout.read()
        if wrk.returncode != 0:
            raise Failure(f"wrk exited with {wrk.returncode}: {out.strip()[-300:]}")
        figures = parse_wrk(out)
        peak = server.status_kb("VmHWM")
        # The session and every page still work after the load.
        after = {path: leader.get(path).status for path in paths}
        broken_after = {path: status for path, status in after.items() if status != 200}

        logged = server.errors_logged()
        warm = next(((t, kb) for t, kb in samples if t >= WARM_UP * seconds), samples[-1])
        end = samples[-1]
        warm_parts = parts[samples.index(warm)]
        growth = end[1] / warm[1]
        errors = sum(figures["non_200"].values()) + figures["socket_errors"]
        if figures["requests"] == 0:
            raise Failure(f"wrk made no request: {out.strip()[-300:]}")
        results = {
            "check": "soak", "backend": args.backend, "machine": machine(),
            "binary": binary_label(args.binary), "seconds": seconds, "connections": args.connections,
            "pages": paths, **figures, "errors": errors,
            "rss_after_warm_up_mb": round(warm[1] / 1024, 1), "rss_at_end_mb": round(end[1] / 1024, 1),
            "rss_growth_percent": round((growth - 1) * 100, 1), "peak_rss_mb": round(peak / 1024, 1),
            "rss_samples_mb": [[t, round(kb / 1024, 1)] for t, kb in samples],
            "rss_anon_file_samples_mb": [[t, round(a / 1024, 1), round(f / 1024, 1)] for t, a, f in parts],
            "server_log_errors": len(logged),
        }
        shown = samples if len(samples) <= 12 else \
            [samples[round(i * (len(samples) - 1) / 11)] for i in range(12)]
        series = ", ".join(f"{t:g}s {kb / 1024:.1f}" for t, kb in shown)
        judged = ("not judged: --memory-not-judged" if args.memory_not_judged
                  else f"allowed +{(GROWTH_ALLOWED - 1) * 100:.0f} %")
        summary = [
            f"backend {args.backend}, {seconds} s, {args.connections} connections, {len(paths)} pages in turn",
            f"requests: {figures['requests']} ({figures['requests_per_s']:.0f}/s), latency p50 "
            f"{figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms",
            f"errors: {errors} (not 200: {figures['non_200'] or 0}, socket errors: {figures['socket_errors']})",
            f"RSS MB: after warm-up ({warm[0]:g} s) {warm[1] / 1024:.1f}, at the end ({end[0]:g} s) "
            f"{end[1] / 1024:.1f}: {results['rss_growth_percent']:+.1f} % ({judged}); "
            f"peak {peak / 1024:.1f}",
            f"RSS series ({len(samples)} samples, MB): {series}",
            f"of which anonymous {warm_parts[1] / 1024:.1f} -> {parts[-1][1] / 1024:.1f} MB, "
            f"file-backed {warm_parts[2] / 1024:.1f} -> {parts[-1][2] / 1024:.1f} MB (after warm-up -> end)",
            f"errors in the server's log: {len(logged)}" + (f", first: {logged[0][:200]}" if logged else ""),
        ]
        problems = []
        if errors:
            problems.append(f"{errors} errors under load: not 200 {figures['non_200']}, "
                            f"socket errors {figures['socket_errors']}")
        if broken_after:
            problems.append(f"after the soak, pages answer other than 200: {broken_after}")
        if growth > GROWTH_ALLOWED and not args.memory_not_judged:
            problems.append(f"RSS grew {(growth - 1) * 100:.1f} % after the warm-up "
                            f"({warm[1] / 1024:.1f} MB -> {end[1] / 1024:.1f} MB), more than "
                            f"{(GROWTH_ALLOWED - 1) * 100:.0f} %")
        results["result"] = f"FAIL: {problems[0]}" if problems else "PASS"
        print("\n".join(summary))
        if args.record:
            step = max(1, len(samples) // 30)
            record(args.record, results, [
                f"# Soak — {args.backend}", "",
                f"{machine()}; `{binary_label(args.binary)}`; wrk -t2 -c{args.connections} for {seconds} s "
                f"over {len(paths)} logged-in pages in turn.", "",
                f"- result: {results['result']}",
                *[f"- {line}" for line in summary[1:4]], "",
                "| seconds | RSS MB |", "|---|---|",
                *[f"| {t:g} | {kb / 1024:.1f} |" for t, kb in samples[::step]],
                *([f"| {samples[-1][0]:g} | {samples[-1][1] / 1024:.1f} |"] if (len(samples) - 1) % step else []),
            ])
        if problems:
            raise Failure(problems[0])

    run_check("soak", seconds + 180, body)


if __name__ == "__main__":
    main()
