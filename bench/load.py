#!/usr/bin/env python3
"""The load benchmark: a realistic page mix over the national data set, against nginx.

    python3 bench/load.py [--backend sqlite|postgres] [--duration 30] [--page-seconds 4]
                          [--connections 64] [--scale 1.0] [--keep] [--profile SECONDS]

Steps:
  1. builds the release binaries and fills a fresh database with the national data set of
     QUALITY.md (samenspel-bench national, timed; with --keep the database is kept in
     /tmp/samenspel-national-* and used again by the next run with the same backend and scale);
  2. starts the server (timed: start-up with the national data set) with `server_timing` on;
  3. logs in one person per role — the project leader of the largest municipality, a volunteer
     of an initiative and an employee of a partner taking part in its biggest approach, a
     platform administrator — and makes the leader a calendar link; residents come without
     an account;
  4. every page once (each must answer 200), then one request at a time (client time to first
     byte), then each page alone under load (wrk, --connections, --page-seconds): the server's
     own time per request from its Server-Timing header, p50 and p99;
  5. the page mix (weights below) under load for --duration seconds: requests/s, client
     latency, errors, the server's time per route; then the same responses, saved as files,
     served by nginx with the same mix and connections: our throughput as a ratio of nginx's;
  6. with --profile, `perf record -g` on the server during the mix: the kernel's share of the
     samples and the shares by shared object;
  7. the server's peak resident memory.

Writes bench/results/load-<backend>.json and .md. Needs wrk, curl and nginx (Debian packages;
installed here with apt-get when missing) and, for postgres, PostgreSQL on 127.0.0.1:5432.
Only 127.0.0.1 is contacted.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from registry import ROOT, Session, free_port, peak_rss_mb, run, sequential  # noqa: E402

LEADER = "projectleider@bench.samenspel.example"
VOLUNTEER = "vrijwilliger@bench.samenspel.example"
PARTNER = "partner@bench.samenspel.example"
ADMIN = "beheerder@bench.samenspel.example"
LUA = os.path.join(ROOT, "bench/mix.lua")


def pages(m, cursor, calendar, district):
    """(label, role, path, weight): what each kind of user opens, and how often. `district`:
    a district of the largest municipality, whose neighbourhoods the areas page and the
    registry's filter then list."""
    a = f"/approaches/{m['approach']}"
    org = f"/municipalities/{m['municipality']}"
    audit = (f"/admin/audit?who={LEADER}&action=logbook.entry_added"
             "&from=2025-01-01&until=2025-07-01")
    return [
        # The municipality's project leader, at a desk.
        ("home", "leader", "/", 6),
        ("my_approaches", "leader", "/approaches", 5),
        ("project_page", "leader", a, 8),
        ("kompas", "leader", a + "/kompas", 5),
        ("knooppunt", "leader", a + "/kompas/map-existing-initiatives", 3),
        ("logbook", "leader", a + "/logbook", 8),
        ("logbook_older", "leader", a + "/logbook?" + cursor, 2),
        ("logbook_search", "leader", a + "/logbook?q=warmtenet+besluit", 4),
        ("logbook_filtered", "leader", a + "/logbook?kind=action", 2),
        ("log_entry", "leader", "entry", 6),
        ("notifications", "leader", "/notifications", 3),
        ("parties", "leader", a + "/parties", 2),
        ("ambition", "leader", a + "/ambition", 2),
        ("perspectives", "leader", a + "/perspectives", 2),
        ("municipality_approaches", "leader", org + "/approaches", 2),
        ("registry", "leader", org + "/initiatives", 3),
        ("registry_search", "leader", org + "/initiatives?q=zon", 1),
        ("areas", "leader", org + "/areas", 1),
        ("areas_district", "leader", f"{org}/areas?district={district}", 1),
        ("registry_district", "leader", f"{org}/initiatives?area={district}", 1),
        ("initiative", "leader", f"/initiatives/{m['initiative']}", 2),
        ("organisation", "leader", f"/organisations/{m['municipality']}", 1),
        # A volunteer of the initiative, on a phone.
        ("volunteer_home", "volunteer", "/", 3),
        ("volunteer_project_page", "volunteer", a, 3),
        ("volunteer_logbook", "volunteer", a + "/logbook", 3),
        ("volunteer_log_entry", "volunteer", "entry", 2),
        ("volunteer_notifications", "volunteer", "/notifications", 2),
        # An employee of a partner.
        ("partner_project_page", "partner", a, 2),
        ("partner_kompas", "partner", a + "/kompas", 1),
        ("partner_logbook", "partner", a + "/logbook", 2),
        # The platform administrator.
        ("audit_filtered", "admin", audit, 1),
        ("audit", "admin", "/admin/audit", 1),
        ("admin_users", "admin", "/admin/users", 1),
        # Residents, without an account; and the leader's calendar program.
        ("public_page", "resident", f"/p/{m['approach']}", 4),
        ("public_feed", "resident", f"/p/{m['approach']}/feed.atom", 3),
        ("calendar_feed", "resident", f"/calendar/{calendar}.ics", 1),
    ]


def ensure_tools():
    missing = [p for p, tool in (("wrk", "wrk"), ("curl", "curl"), ("nginx", "nginx"))
               if shutil.which(tool) is None and not os.path.exists(f"/usr/sbin/{tool}")]
    if missing:
        print(f"installing {' '.join(missing)} (Debian packages)…", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=True,
                       stdout=subprocess.DEVNULL)


def wrk_mix(base, lines, seconds, connections, work, name, times=True):
    """Runs wrk over `lines` ((label, path, cookie)) and returns mix.lua's JSON; with `times`
    it reads the server's time of every response (which costs wrk some throughput)."""
    mix = os.path.join(work, f"{name}.tsv")
    out = os.path.join(work, f"{name}.json")
    with open(mix, "w") as f:
        for label, path, cookie in lines:
            f.write(f"{label}\t{path}\t{cookie}\n")
    env = dict(os.environ, MIX_FILE=mix, MIX_OUT=out, MIX_TIMES="1" if times else "0")
    run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-s", LUA, base],
        env=env)
    with open(out) as f:
        return json.load(f)


def start_nginx(work, lines, base, port):
    """Saves each distinct response of the mix as a file and serves the folder with nginx."""
    root = os.path.join(work, "static")
    os.makedirs(root)
    files, static_lines = {}, []
    for label, path, cookie in lines:
        key = (path, cookie)
        if key not in files:
            name = f"/r{len(files)}.html"
            args = ["curl", "-sS", "-o", root + name, "-H", "Accept-Language: nl"]
            if cookie:
                args += ["-H", f"Cookie: {cookie}"]
            run(args + [base + path])
            files[key] = name
        static_lines.append((label, files[key], ""))
    for path in (work, root):
        os.chmod(path, 0o755)
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""worker_processes 2;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
daemon off;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    default_type text/html;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
""")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen([nginx, "-c", conf, "-p", work])
    wait_for(f"http://127.0.0.1:{port}{static_lines[0][1]}")
    return process, static_lines


def wait_for(url, tries=600):
    for _ in range(tries):
        if subprocess.run(["curl", "-sf", "-o", "/dev/null", url]).returncode == 0:
            return
        time.sleep(0.05)
    raise SystemExit(f"{url} did not answer")


def status_of(base, path, cookie):
    args = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}"]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    return run(args + [base + path]).stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--duration", type=int, default=30, help="seconds of the page mix")
    parser.add_argument("--page-seconds", type=int, default=4, help="seconds per page alone")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--scale", type=float, default=1.0, help="of the national volumes")
    parser.add_argument("--keep", action="store_true", help="keep the data set for the next run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", type=int, default=0, metavar="SECONDS",
                        help="also record the server with `perf record -g` for this long under "
                             "the page mix, and report the kernel's share of the samples")
    parser.add_argument("--generate-only", action="store_true",
                        help="with --keep: make the data set for a later run, measure nothing")
    args = parser.parse_args()
    ensure_tools()

    work = tempfile.mkdtemp(prefix="samenspel-load-")
    results = {"backend": args.backend, "machine": f"{os.cpu_count()} cores",
               "connections": args.connections, "scale": args.scale, "steps": {}}
    print("building (release)…", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "samenspel", "-p", "samenspel-bench"],
                   check=True, cwd=ROOT)
    binary = os.path.join(ROOT, "target/release/samenspel")
    bench = os.path.join(ROOT, "target/release/samenspel-bench")

    tag = f"{args.backend}_{str(args.scale).replace('.', '_')}_{args.seed}"
    keep_dir = f"/tmp/samenspel-national-{tag}"
    manifest_path = os.path.join(keep_dir, "manifest.json")
    reuse = args.keep and os.path.exists(manifest_path)
    data = keep_dir if args.keep else work
    os.makedirs(data, exist_ok=True)
    admin_url = os.environ.get("SAMENSPEL_TEST_POSTGRES_URL",
                               "postgres://postgres@127.0.0.1:5432/postgres")
    if args.backend == "sqlite":
        url = f"sqlite://{data}/national.db"
    else:
        name = f"samenspel_national_{tag}" if args.keep else f"samenspel_load_{os.getpid()}"
        url = admin_url.rsplit("/", 1)[0] + "/" + name

    server = nginx = None
    try:
        if reuse:
            with open(manifest_path) as f:
                manifest = json.load(f)
            print("using the kept data set", keep_dir, file=sys.stderr)
        else:
            if args.backend == "postgres":
                run(["psql", admin_url, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
                run(["psql", admin_url, "-qc", f"CREATE DATABASE {name}"])
            elif os.path.exists(f"{data}/national.db"):
                os.remove(f"{data}/national.db")
            csv = os.path.join(work, "areas.csv")
            run([sys.executable, os.path.join(ROOT, "bench/gen_cbs_areas.py"), "--format", "csv",
                 "--out", csv])
            print("generating the national data set…", file=sys.stderr)
            out = subprocess.run([bench, "--database-url", url, "national", "--areas", csv,
                                  "--scale", str(args.scale), "--seed", str(args.seed)],
                                 check=True, text=True, stdout=subprocess.PIPE)
            manifest = json.loads(out.stdout.strip().splitlines()[-1])
            if args.keep:
                with open(manifest_path, "w") as f:
                    json.dump(manifest, f)
        if args.generate_only:
            return
        results["generator"] = {"seconds": manifest["seconds"], "steps": manifest["steps"]}
        results["steps"]["generate_s"] = manifest["seconds"]

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = dict(os.environ, DATABASE_URL=url, SAMENSPEL_LISTEN=f"127.0.0.1:{port}",
                   SAMENSPEL_BASE_URL=base, SAMENSPEL_AUTH_ATTEMPTS_PER_MINUTE="1000",
                   SAMENSPEL_SERVER_TIMING="true", SAMENSPEL_RUN_WORKER="false",
                   SAMENSPEL_MAIL_DIR=os.path.join(work, "mail"), RUST_LOG="warn")
        started = time.perf_counter()
        server = subprocess.Popen([binary, "serve"], env=env, cwd=work)
        wait_for(base + "/health")
        results["steps"]["start_up_s"] = round(time.perf_counter() - started, 2)

        cookies = {"resident": ""}
        for role, email in (("leader", LEADER), ("volunteer", VOLUNTEER), ("partner", PARTNER),
                            ("admin", ADMIN)):
            session = Session(base, os.path.join(work, f"cookies-{role}"))
            session.login(email)
            cookies[role] = session.cookie()
            if role == "leader":
                token = session.token("/calendar-links")
                made = session.curl("--data-urlencode", f"csrf={token}", "--data-urlencode",
                                    f"approach={manifest['approach']}", base + "/calendar-links")
                calendar = re.search(r"/calendar/([A-Za-z0-9_-]+)\.ics", made).group(1)
                timeline = session.curl(f"{base}/approaches/{manifest['approach']}/logbook")
                cursor = re.search(r"(before=[0-9.]+)", timeline).group(1)
                areas = session.curl(f"{base}/municipalities/{manifest['municipality']}/areas")
                district = re.search(r"\?district=([0-9]+)", areas).group(1)

        entries = manifest["entries"]
        page_list = pages(manifest, cursor, calendar, district)

        def resolve(label, path, n=0):
            return f"/approaches/{manifest['approach']}/logbook/{entries[n % len(entries)]}" \
                if path == "entry" else path

        bad = []
        for label, role, path, _ in page_list:
            status = status_of(base, resolve(label, path), cookies[role])
            if status != "200":
                bad.append(f"{label} {resolve(label, path)}: {status}")
        if bad:
            raise SystemExit("pages that did not answer 200:\n  " + "\n  ".join(bad))

        results["pages"] = {}
        for label, role, path, _ in page_list:
            page = resolve(label, path)
            result = sequential(base + page, cookies[role] or "none=1", 20)
            alone = wrk_mix(base, [(label, page, cookies[role])], args.page_seconds,
                            args.connections, work, "page")
            routes = alone["routes"]
            route = max(routes.values(), key=lambda r: r["count"]) if routes else {}
            result.update({"server_p50_ms": route.get("p50_ms"), "server_p99_ms": route.get("p99_ms"),
                           "client_p99_ms": alone["client_p99_ms"],
                           "requests_per_s": alone["requests_per_s"],
                           "errors": sum(alone["errors"].values())})
            results["pages"][label] = result
            print(label, result, file=sys.stderr)

        lines = []
        for label, role, path, weight in page_list:
            for n in range(weight * 4):
                lines.append((label, resolve(label, path, n), cookies[role]))
        random.Random(args.seed).shuffle(lines)
        mix = wrk_mix(base, lines, args.duration, args.connections, work, "mix", times=False)
        results["mix"] = mix
        # Once more, reading the server's time per route (wrk is slower at that).
        results["mix_routes"] = wrk_mix(base, lines, max(5, args.duration // 2), args.connections,
                                        work, "mix-routes")["routes"]
        if args.profile:
            results["profile"] = profile(server.pid, base, lines, args, work)
        results["peak_rss_mb"] = round(peak_rss_mb(server.pid), 1)

        nginx_port = free_port()
        nginx, static_lines = start_nginx(work, lines, base, nginx_port)
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        server = None
        static = wrk_mix(f"http://127.0.0.1:{nginx_port}", static_lines, args.duration,
                         args.connections, work, "nginx", times=False)
        results["nginx"] = {k: static[k] for k in ("requests", "requests_per_s", "client_p50_ms",
                                                   "client_p99_ms", "errors")}
        results["ratio_to_nginx"] = round(mix["requests_per_s"] / static["requests_per_s"], 3)
    finally:
        for process in (server, nginx):
            if process:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
        if args.backend == "postgres" and not args.keep:
            run(["psql", admin_url, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
        shutil.rmtree(work, ignore_errors=True)
    write(results, args)


def profile(pid, base, lines, args, work):
    """`perf record -g` on the server while wrk runs the page mix; returns the share of the
    samples in the kernel and in each shared object, largest first."""
    data = os.path.join(work, "perf.data")
    perf = subprocess.Popen(["perf", "record", "-g", "-q", "-o", data, "-p", str(pid), "--",
                             "sleep", str(args.profile)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wrk_mix(base, lines, args.profile, args.connections, work, "mix-profile", times=False)
    perf.wait(timeout=args.profile + 60)
    report = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso",
                             "--stdio", "-q"], capture_output=True, text=True).stdout
    shares = {}
    for line in report.splitlines():
        match = re.match(r"\s*([0-9.]+)%\s+(\S+)", line)
        if match:
            shares[match.group(2)] = shares.get(match.group(2), 0.0) + float(match.group(1))
    top = sorted(shares.items(), key=lambda item: -item[1])[:8]
    report = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso,sym",
                             "--stdio", "-q", "-g", "none"], capture_output=True, text=True).stdout
    symbols = []
    for line in report.splitlines():
        match = re.match(r"\s*([0-9.]+)%\s+(\S+)\s+\[[.k]\]\s+(.+)", line)
        if match and len(symbols) < 15:
            symbols.append({"share": float(match.group(1)), "object": match.group(2),
                            "symbol": match.group(3).strip()[:80]})
    return {"seconds": args.profile,
            "kernel_share": round(shares.get("[kernel.kallsyms]", 0.0), 1),
            "by_object": [{"object": name, "share": round(share, 1)} for name, share in top],
            "top_symbols": symbols}


def write(results, args):
    out = os.path.join(ROOT, "bench/results", f"load-{args.backend}")
    with open(out + ".json", "w") as f:
        json.dump(results, f, indent=2)
    mix, gen = results["mix"], results["generator"]
    errors = sum(mix["errors"].values())
    lines = [
        f"# Load — {args.backend}", "",
        f"{results['machine']}; national data set × {args.scale} (generated in "
        f"{gen['seconds']:.0f} s: " + ", ".join(f"{k} {v:.0f}" for k, v in gen["steps"].items())
        + f"); start-up {results['steps']['start_up_s']} s; {args.connections} connections; "
        f"server peak RSS {results['peak_rss_mb']} MB.", "",
        f"**Page mix** ({args.duration} s): {mix['requests_per_s']:.0f} requests/s, client p50 "
        f"{mix['client_p50_ms']:.1f} ms / p99 {mix['client_p99_ms']:.1f} ms, {errors} errors. "
        f"**nginx** serving the same responses as files: {results['nginx']['requests_per_s']:.0f} "
        f"requests/s; ratio {results['ratio_to_nginx']}.", ""]
    if "profile" in results:
        prof = results["profile"]
        lines += [f"**Profile** (`perf record -g`, {prof['seconds']} s of the mix): "
                  f"{prof['kernel_share']} % of the server's samples in the kernel; by object: "
                  + ", ".join(f"{o['object']} {o['share']} %" for o in prof["by_object"]) + ".", ""]
        if prof.get("top_symbols"):
            lines += ["| share of samples | object | symbol |", "|---|---|---|"]
            lines += [f"| {t['share']} % | {t['object']} | `{t['symbol']}` |"
                      for t in prof["top_symbols"]]
            lines += [""]
    lines += [
        "| page | one at a time p50 ms | alone under load: server p50 ms | server p99 ms | "
        "client p99 ms | requests/s | errors |", "|---|---|---|---|---|---|---|"]
    for label, r in results["pages"].items():
        lines.append(f"| {label} | {r['one_at_a_time_p50_ms']} | {r['server_p50_ms']} | "
                     f"{r['server_p99_ms']} | {r['client_p99_ms']:.1f} | {r['requests_per_s']:.0f} | "
                     f"{r['errors']} |")
    lines += ["", "Server time per route in the mix:", "",
              "| route | requests | p50 ms | p99 ms | max ms | ≥ 400 |", "|---|---|---|---|---|---|"]
    for route, r in sorted(results["mix_routes"].items()):
        lines.append(f"| `{route}` | {r['count']} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                     f"{r['max_ms']:.1f} | {r['failed']} |")
    with open(out + ".md", "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
