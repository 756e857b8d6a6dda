#!/usr/bin/env python3
"""Measures the area import at national scale and the registry pages with 5,000 initiatives.

    python3 bench/registry.py [--backend sqlite|postgres] [--duration 10] [--connections 64]

Steps, each timed:
  1. write a synthetic national CBS file (bench/gen_cbs_areas.py, CSV and GeoJSON);
  2. create its 342 municipalities with their CBS codes (samenspel-bench, no areas yet);
  3. import the national CSV, then the GeoJSON (outlines), through the platform import page
     over HTTP, as an administrator does; then the CSV once more (nothing changes);
  4. map 5,000 initiatives into the largest municipality's registry (samenspel-bench);
  5. load the registry pages with wrk (64 connections, logged in) and record latency,
     throughput and the server's peak resident memory.

Writes bench/results/registry-<backend>.json and .md. Needs: a release build (made here),
wrk and curl (Debian packages), PostgreSQL on 127.0.0.1:5432 for --backend postgres. Only
127.0.0.1 is contacted.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "samen-aan-de-slag"
EMAIL = "bench@samenspel.example"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The two-step login secret of the benchmark's platform administrators (bench/src/main.rs).
BENCH_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret, at=None):
    """The six-digit TOTP code (RFC 6238, SHA-1, 30 s) of a base32 secret, now."""
    key = base64.b32decode(secret)
    step = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class Session:
    """A logged-in visitor, through curl with a cookie jar."""

    def __init__(self, base, jar):
        self.base, self.jar = base, jar

    def curl(self, *args):
        return run(["curl", "-sS", "-b", self.jar, "-c", self.jar, *args]).stdout

    def token(self, path="/"):
        page = self.curl(self.base + path)
        return re.search(r'name="csrf" value="([^"]+)"', page).group(1)

    def login(self, email=EMAIL):
        token = self.token("/login")
        self.curl("-o", "/dev/null", "--data-urlencode", f"csrf={token}",
                  "--data-urlencode", f"email={email}",
                  "--data-urlencode", f"password={PASSWORD}", self.base + "/login")
        # Platform administrators use two-step login: the code step is open after the password.
        page = self.curl(self.base + "/login/code")
        if 'action="/login/code"' in page:
            token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
            self.curl("-o", "/dev/null", "--data-urlencode", f"csrf={token}",
                      "--data-urlencode", f"code={totp_code(BENCH_TOTP_SECRET)}",
                      self.base + "/login/code")

    def cookie(self):
        for line in open(self.jar):
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 7 and parts[5] == "samenspel_session":
                return f"samenspel_session={parts[6]}"
        raise SystemExit("login failed: no session cookie")

    def upload(self, path, file):
        token = self.token("/")
        started = time.perf_counter()
        out = self.curl("-w", "\n%{http_code}", "-F", f"csrf={token}", "-F", f"file=@{file}",
                        f"{self.base}{path}")
        seconds = time.perf_counter() - started
        status = out.rsplit("\n", 1)[-1]
        return seconds, status, out


def wrk(url, cookie, duration, connections):
    out = run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "30s",
               "-H", f"Cookie: {cookie}", "-H", "Accept-Language: nl", url]).stdout
    def ms(label):
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return None
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"p50_ms": ms("50%"), "p99_ms": ms("99%"), "requests_per_s": rps, "errors": errors}


def sequential(url, cookie, count=30):
    """Server time of one request at a time: the median and the slowest of `count`."""
    times = []
    for _ in range(count):
        out = run(["curl", "-s", "-o", "/dev/null", "-w", "%{time_starttransfer}", "-H",
                   f"Cookie: {cookie}", url]).stdout
        times.append(float(out) * 1000)
    times.sort()
    return {"one_at_a_time_p50_ms": round(times[len(times) // 2], 1),
            "one_at_a_time_max_ms": round(times[-1], 1)}


def peak_rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def write_results(name, results, heading):
    """Writes bench/results/<name>.json and a Markdown table of the steps and pages."""
    out_dir = os.path.join(ROOT, "bench/results")
    os.makedirs(out_dir, exist_ok=True)
    stem = os.path.join(out_dir, name)
    with open(stem + ".json", "w") as f:
        json.dump(results, f, indent=2)
    lines = heading + ["", "| step | seconds |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in results["steps"].items()]
    lines += ["", "| page | one at a time: p50 ms | max ms | under load: p50 ms | p99 ms | requests/s | errors |",
              "|---|---|---|---|---|---|---|"]
    for label, r in results["pages"].items():
        lines.append(f"| {label} | {r['one_at_a_time_p50_ms']} | {r['one_at_a_time_max_ms']} | "
                     f"{r.get('p50_ms', '–')} | {r.get('p99_ms', '–')} | {r.get('requests_per_s', '–')} | "
                     f"{r.get('errors', '–')} |")
    with open(stem + ".md", "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--initiatives", type=int, default=5000)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="samenspel-bench-")
    results = {"backend": args.backend, "machine": f"{os.cpu_count()} cores", "steps": {}}
    print("building (release)…", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "samenspel", "-p", "samenspel-bench"],
                   check=True, cwd=ROOT)
    binary = os.path.join(ROOT, "target/release/samenspel")
    bench = os.path.join(ROOT, "target/release/samenspel-bench")

    csv, geojson = os.path.join(work, "areas.csv"), os.path.join(work, "areas.geojson")
    for fmt, path in (("csv", csv), ("geojson", geojson)):
        run([sys.executable, os.path.join(ROOT, "bench/gen_cbs_areas.py"), "--format", fmt, "--out", path])
    results["files"] = {"csv_mb": round(os.path.getsize(csv) / 1e6, 1),
                        "geojson_mb": round(os.path.getsize(geojson) / 1e6, 1)}

    if args.backend == "sqlite":
        url = f"sqlite://{work}/bench.db"
    else:
        name = f"samenspel_bench_{os.getpid()}"
        admin = os.environ.get("SAMENSPEL_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        run(["psql", admin, "-qc", f"CREATE DATABASE {name}"])
        url = admin.rsplit("/", 1)[0] + "/" + name

    started = time.perf_counter()
    run([bench, "--database-url", url, "registry", "--areas", csv, "--initiatives", "0"])
    results["steps"]["create_municipalities_s"] = round(time.perf_counter() - started, 2)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, DATABASE_URL=url, SAMENSPEL_LISTEN=f"127.0.0.1:{port}",
               SAMENSPEL_BASE_URL=base, SAMENSPEL_AUTH_ATTEMPTS_PER_MINUTE="1000",
               SAMENSPEL_MAIL_DIR=os.path.join(work, "mail"), RUST_LOG="warn")
    server = subprocess.Popen([binary, "serve"], env=env, cwd=work)
    try:
        for _ in range(100):
            try:
                run(["curl", "-sf", base + "/health"])
                break
            except subprocess.CalledProcessError:
                time.sleep(0.1)
        session = Session(base, os.path.join(work, "cookies"))
        session.login()
        for label, file in (("import_csv", csv), ("import_geojson", geojson), ("import_csv_again", csv)):
            seconds, status, out = session.upload("/admin/areas/import", file)
            if status != "200":
                raise SystemExit(f"{label}: status {status}\n{out[-2000:]}")
            results["steps"][f"{label}_s"] = round(seconds, 2)
            print(f"{label}: {seconds:.2f} s", file=sys.stderr)

        started = time.perf_counter()
        org = run([bench, "--database-url", url, "registry", "--areas", csv,
                   "--initiatives", str(args.initiatives)]).stdout.strip()
        results["steps"]["map_initiatives_s"] = round(time.perf_counter() - started, 2)

        cookie = session.cookie()
        registry = f"{base}/municipalities/{org}/initiatives"
        pages = {
            "registry": registry,
            "registry_theme_filter": registry + "?theme=heat",
            "registry_text_search": registry + "?q=warmtenet",
            "registry_page_100": registry + "?page=100&sort=members",
            "registry_csv_export": registry + ".csv?theme=wind",
            "areas": f"{base}/municipalities/{org}/areas",
            "areas_geojson": f"{base}/municipalities/{org}/areas.geojson",
        }
        first = run(["curl", "-s", "-b", f"samenspel_session={cookie.split('=', 1)[1]}", registry]).stdout
        found = re.search(r'id="results-heading"[^>]*>([^<]+)<', first)
        results["registry_heading"] = found.group(1).strip() if found else None
        results["pages"] = {}
        for label, url_ in pages.items():
            results["pages"][label] = sequential(url_, cookie)
            results["pages"][label].update(wrk(url_, cookie, args.duration, args.connections))
            print(label, results["pages"][label], file=sys.stderr)
        results["peak_rss_mb"] = round(peak_rss_mb(server.pid), 1)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        if args.backend == "postgres":
            run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
        shutil.rmtree(work, ignore_errors=True)

    write_results(f"registry-{args.backend}", results, [
        f"# Registry and area import — {args.backend}", "",
        f"{results['machine']}; {args.initiatives} initiatives in one registry; wrk, "
        f"{args.connections} connections, {args.duration} s per page; server peak RSS "
        f"{results['peak_rss_mb']} MB."])


if __name__ == "__main__":
    main()
