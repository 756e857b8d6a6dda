#!/usr/bin/env python3
"""Two application nodes on one PostgreSQL database: they start together, share sessions,
run each background job once, and read each other's uploads.

    python3 bench/reliability/two_nodes.py --binary PATH [--resets 20] [--upload-mb 3] [--record NAME]

Set-up: a fresh, empty PostgreSQL database; a moto S3 server (`python3 -m moto.server`) with
one bucket, the upload store of both nodes; an SMTP sink (aiosmtpd, in this process) that
answers slowly (50 ms a message) so that both workers are busy at once, with one port per
node so that each mail shows which node sent it. Nodes A and B (`samenspel serve`, each with
its job worker) are started at the same moment on the empty database: both run the migrations
at start-up, under the advisory lock. The demo data is loaded after both are up (`samenspel
demo`, once).

Checks:
  start-up  both nodes answer /health; every migration is recorded once and succeeded.
  sessions  the project leader logs in on A; the same cookie shows /account on B (200, their
            address on it); after logging out on B the cookie no longer works on A.
  jobs      --resets password-reset requests for as many accounts (demo accounts first, then
            accounts made with `samenspel admin create-user`), sent at once, alternating A and
            B. Each account gets its reset mail exactly once (checked again after a few
            seconds); the sink received as many messages as the jobs table has done mail jobs,
            none failed.
  uploads   a document (random bytes, --upload-mb) uploaded through A is downloaded through B
            with identical bytes, and lies in the S3 bucket.
"""

import argparse
import asyncio
import email
import email.policy
import hashlib
import os
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (LEADER, PASSWORD, Browser, Database, Failure, Server, binary_label,  # noqa: E402
                     check_binary, free_port, machine, note, on_exit, record, run_check, samenspel,
                     server_env, spawn, work_dir)

BUCKET = "samenspel-reliability"
REGION = "eu-west-1"
S3_KEY, S3_SECRET = "samenspel", "samenspel-reliability"
RESET_SUBJECTS = ("Nieuw wachtwoord voor Samenspel", "New password for Samenspel")
DEMO_ACCOUNTS = [
    "beheer@samenspel.example", "projectleider@zonnedal.example", "beleid@zonnedal.example",
    "kernteam@zonnedalenergie.example", "secretaris@delinde.example", "dorpsraad@beekveld.example",
    "warmtegroep@populierenbuurt.example", "adviseur@woonstichtingzonnedal.example",
    "wijkregisseur@regionet.example", "begeleider@buurtkracht.example",
]


class Sink:
    """An SMTP server that keeps every message, with one listening port per node."""

    def __init__(self, nodes, delay=0.05):
        from aiosmtpd.controller import Controller
        self.messages = []  # (node, envelope recipients, parsed message)
        self.lock = threading.Lock()
        self.ports = {}
        sink = self

        class Handler:
            def __init__(self, node):
                self.node = node

            async def handle_DATA(self, server, session, envelope):
                await asyncio.sleep(delay)
                message = email.message_from_bytes(envelope.original_content or envelope.content,
                                                   policy=email.policy.default)
                with sink.lock:
                    sink.messages.append((self.node, list(envelope.rcpt_tos), message))
                return "250 OK"

        for node in nodes:
            port = free_port()
            controller = Controller(Handler(node), hostname="127.0.0.1", port=port)
            controller.start()
            on_exit(controller.stop)
            self.ports[node] = port

    def snapshot(self):
        with self.lock:
            return list(self.messages)


def start_s3(work):
    """moto's S3 server on a free port, with our bucket; returns its address."""
    import boto3
    port = free_port()
    spawn([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
          os.path.join(work, "moto.log"))
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION,
                          aws_access_key_id=S3_KEY, aws_secret_access_key=S3_SECRET)
    deadline = time.monotonic() + 60
    while True:
        try:
            client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
            return endpoint, client
        except Exception as error:  # not listening yet
            if time.monotonic() > deadline:
                raise Failure(f"the moto S3 server did not start: {error}")
            time.sleep(0.2)


def check_sessions(a, b):
    """A session started on A is valid on B; logging out on B ends it on A."""
    on_a = Browser(a.base).login()
    on_b = Browser(b.base, on_a.cookies)
    page = on_b.get("/account")
    if page.status != 200 or LEADER not in page.text:
        raise Failure(f"A's session cookie on B: /account answered {page.status} "
                      f"{page.location or ''} instead of the leader's account page")
    on_b.token("/account")
    out = on_b.post("/logout", [])
    if out.status != 303:
        raise Failure(f"logging out on B answered {out.status}")
    again = Browser(a.base, on_a.cookies).get("/account")
    if again.status == 200 or not again.location.startswith("/login"):
        raise Failure(f"after logging out on B, the old cookie on A still answers {again.status} "
                      f"{again.location!r} on /account (expected a redirect to /login)")
    return {"account_on_b": page.status, "account_on_a_after_logout_on_b": f"{again.status} -> {again.location}"}


def check_upload(a, b, s3, size_mb):
    """A document uploaded through A comes back byte for byte through B."""
    on_a = Browser(a.base, timeout=120).login()
    approach = None
    for found in re.findall(r'href="/approaches/(\d+)"', on_a.get("/approaches").text):
        if on_a.get(f"/approaches/{found}/logbook/new/document").status == 200:
            approach = found
            break
    if approach is None:
        raise Failure("the project leader may upload a document to no approach")
    content = b"%PDF-1.7\n" + os.urandom(int(size_mb * 1024 * 1024))
    on_a.token(f"/approaches/{approach}/logbook/new/document")
    made = on_a.upload(f"/approaches/{approach}/logbook/upload",
                       [("party", ""), ("title", "Betrouwbaarheid: document via node A"),
                        ("visibility", "parties")],
                       "file", "reliability.pdf", content, "application/pdf")
    if made.status != 303 or not re.fullmatch(rf"/approaches/{approach}/logbook/\d+", made.location):
        raise Failure(f"upload through A answered {made.status} {made.location!r}: {made.text[:200]!r}")
    on_b = Browser(b.base, on_a.cookies, timeout=120)
    download = on_b.get(made.location + "/file")
    if download.status != 200:
        raise Failure(f"download through B answered {download.status}")
    if download.body != content:
        raise Failure(f"download through B: {len(download.body)} bytes (sha256 "
                      f"{hashlib.sha256(download.body).hexdigest()[:12]}), uploaded {len(content)} "
                      f"(sha256 {hashlib.sha256(content).hexdigest()[:12]})")
    objects = s3.list_objects_v2(Bucket=BUCKET, Prefix=f"documents/{approach}/").get("Contents", [])
    if not any(o["Size"] == len(content) for o in objects):
        raise Failure(f"no object of {len(content)} bytes under documents/{approach}/ in the S3 bucket")
    return {"bytes": len(content), "sha256": hashlib.sha256(content).hexdigest(),
            "entry": made.location, "s3_objects": len(objects)}


def reset_mails(sink):
    """Reset mails received, per recipient: [(node, token)]."""
    per = {}
    for node, rcpts, message in sink.snapshot():
        if str(message["subject"]) not in RESET_SUBJECTS:
            continue
        body = message.get_body(("plain",)).get_content()
        token = re.search(r"/password/reset\?token=([A-Za-z0-9_\-]+)", body)
        for rcpt in rcpts:
            per.setdefault(rcpt.lower(), []).append((node, token.group(1) if token else None))
    return per


def check_jobs(nodes, db, sink, accounts):
    """Every reset request becomes one mail, sent by one of the two workers."""
    def request(i_email):
        i, address = i_email
        node = nodes[i % 2]
        visitor = Browser(node.base)
        visitor.token("/password/forgot")
        response = visitor.post("/password/forgot", [("email", address)])
        return node.name, address, response.status

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(accounts)) as pool:
        answers = list(pool.map(request, enumerate(accounts)))
    bad = [a for a in answers if a[2] != 200]
    if bad:
        raise Failure(f"password reset requests refused: {bad[:3]}")
    deadline = time.monotonic() + 90
    while True:
        per = reset_mails(sink)
        if all(a in per for a in accounts):
            break
        if time.monotonic() > deadline:
            missing = [a for a in accounts if a not in per]
            raise Failure(f"{len(missing)} reset mails did not arrive within 90 s, e.g. {missing[:3]}")
        time.sleep(0.1)
    all_arrived = time.monotonic() - started
    # Both workers poll every 2 s: give a second run of a job every chance to show.
    time.sleep(6)
    per = reset_mails(sink)
    twice = {a: m for a, m in per.items() if len(m) > 1}
    if twice:
        address, mails = next(iter(twice.items()))
        raise Failure(f"{len(twice)} accounts got their reset mail more than once, e.g. {address}: {mails}")
    tokens = [m[0][1] for a, m in per.items() if a in accounts]
    if None in tokens or len(set(tokens)) != len(accounts):
        raise Failure("the reset mails do not each carry their own reset link")
    unexpected = sorted(set(per) - set(accounts))
    if unexpected:
        raise Failure(f"reset mail for accounts that asked for none: {unexpected[:3]}")
    # All mail, not only the resets: the sink got exactly as many messages as jobs were done.
    for _ in range(30):
        done, pending, failed = (int(x) for x in db.query(
            "SELECT count(*) FILTER (WHERE done_at IS NOT NULL), "
            "count(*) FILTER (WHERE done_at IS NULL AND failed_at IS NULL), "
            "count(*) FILTER (WHERE failed_at IS NOT NULL) FROM jobs WHERE kind = 'mail'")[0])
        received = len(sink.snapshot())
        if pending == 0 and received == done:
            break
        time.sleep(0.5)
    if failed:
        raise Failure(f"{failed} mail jobs failed")
    if received != done:
        raise Failure(f"the SMTP sink received {received} messages for {done} done mail jobs (pending {pending})")
    by_node = {}
    for node, _, _ in sink.snapshot():
        by_node[node] = by_node.get(node, 0) + 1
    resets_by_node = {}
    for mails in per.values():
        resets_by_node[mails[0][0]] = resets_by_node.get(mails[0][0], 0) + 1
    # A job is anyone's: how many mails the other node's worker sent than the one asked.
    asked = {address: node for node, address, _ in answers}
    other_node = sum(1 for address, mails in per.items() if mails[0][0] != asked[address])
    return {"reset_requests": len(accounts), "reset_mails_each_once": len(per),
            "seconds_until_all_arrived": round(all_arrived, 2),
            "reset_mails_sent_by_node": resets_by_node, "sent_by_the_other_node": other_node,
            "mails_received": received,
            "mail_jobs_done": done, "mail_jobs_failed": failed, "all_mails_sent_by_node": by_node}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the samenspel binary to test")
    parser.add_argument("--resets", type=int, default=20, help="password reset requests (one per account)")
    parser.add_argument("--upload-mb", type=float, default=3)
    parser.add_argument("--record", metavar="NAME", help="also write bench/results/NAME.json and .md")
    args = parser.parse_args()

    def body():
        binary = check_binary(args.binary)
        work = work_dir("two-nodes")
        db = Database("postgres", work, "two_nodes")
        endpoint, s3 = start_s3(work)
        sink = Sink(["A", "B"])
        nodes = []
        for name in ("A", "B"):
            nodes.append(Server(binary, db.url, work, name,
                                smtp_url=f"smtp://127.0.0.1:{sink.ports[name]}", run_worker="true",
                                upload_store=f"s3://{BUCKET}", s3_endpoint=endpoint, s3_region=REGION,
                                s3_access_key_id=S3_KEY, s3_secret_access_key=S3_SECRET))
        a, b = nodes
        # The same moment: both processes exist before either is waited for.
        a.start()
        b.start()
        ready = {n.name: round(n.wait_ready(), 2) for n in nodes}
        # What the same binary records when it migrates a database on its own.
        reference = Database("postgres", work, "two_nodes_reference")
        samenspel(binary, ["migrate"], server_env(reference.url, work), work)
        recorded = "SELECT version, success, encode(checksum, 'hex') FROM _sqlx_migrations ORDER BY version"
        rows, expected = db.query(recorded), reference.query(recorded)
        migrations = len(expected)
        if rows != expected:
            raise Failure(f"after starting two nodes together _sqlx_migrations holds versions "
                          f"{[r[:2] for r in rows]}, migrating alone gives {[r[:2] for r in expected]}")
        errors = [line for n in nodes for line in n.errors_logged()]
        if errors:
            raise Failure(f"a node logged an error at start-up: {errors[0][:200]}")
        note(f"both nodes up ({ready} s), {migrations} migrations recorded once")
        samenspel(binary, ["demo"], a.env, work)

        sessions = check_sessions(a, b)
        note(f"sessions: {sessions}")
        upload = check_upload(a, b, s3, args.upload_mb)
        note(f"uploads: {upload['bytes']} bytes through A, identical through B")

        accounts = DEMO_ACCOUNTS[:args.resets]
        for n in range(len(accounts), args.resets):
            address = f"betrouwbaarheid{n + 1:02d}@samenspel.example"
            samenspel(binary, ["admin", "create-user", "--email", address, "--name", f"Betrouwbaarheid {n + 1}"],
                      a.env, work, stdin=PASSWORD + "\n")
            accounts.append(address)
        jobs = check_jobs(nodes, db, sink, accounts)
        note(f"jobs: {jobs}")
        for node in nodes:
            if not node.alive():
                raise Failure(f"node {node.name} exited (status {node.process.returncode})")
        exits = {n.name: n.stop() for n in nodes}
        logged = [f"{n.name}: {line}" for n in nodes for line in n.errors_logged()]

        results = {"check": "two_nodes", "backend": "postgres", "machine": machine(),
                   "binary": binary_label(args.binary), "start_up_seconds": ready,
                   "migrations": migrations, "sessions": sessions, "jobs": jobs, "upload": upload,
                   "exit_status_after_sigterm": exits, "server_log_errors": len(logged)}
        summary = [
            f"start-up together: A {ready['A']} s, B {ready['B']} s; {migrations} migrations, each once",
            "sessions: login on A valid on B (/account 200); logout on B ends it on A "
            f"({sessions['account_on_a_after_logout_on_b']})",
            f"jobs: {jobs['reset_requests']} reset requests -> {jobs['reset_mails_each_once']} mails, each "
            f"exactly once (sent by node {jobs['reset_mails_sent_by_node']}, {jobs['sent_by_the_other_node']} by the node "
            f"not asked); sink {jobs['mails_received']} "
            f"messages = {jobs['mail_jobs_done']} done mail jobs, {jobs['mail_jobs_failed']} failed",
            f"uploads: {upload['bytes']} bytes up through A, same sha256 down through B "
            f"({upload['sha256'][:16]}…)",
            f"errors in the nodes' logs: {len(logged)}" + (f", first: {logged[0][:200]}" if logged else ""),
        ]
        print("\n".join(summary))
        if args.record:
            record(args.record, results, [
                "# Two nodes on one PostgreSQL", "",
                f"{machine()}; `{binary_label(args.binary)}`; SMTP sink aiosmtpd, S3 moto.", "",
                *[f"- {line}" for line in summary],
            ])

    run_check("two_nodes", 240, body)


if __name__ == "__main__":
    main()
