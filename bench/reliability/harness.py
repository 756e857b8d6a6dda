"""What the reliability checks share: a fresh database (SQLite file or PostgreSQL database),
`samenspel serve` processes, a small HTTP client that logs in and posts forms the way a
browser does, a time limit, clean-up, and writing figures to bench/results/.

Only 127.0.0.1 is contacted. Everything a check starts is registered here and stopped at the
end, whether the check passed, failed, ran out of time or was interrupted.
"""

import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from urllib.parse import urlencode

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "samen-aan-de-slag"
# The demo's project leader: administrator of Gemeente Zonnedal, a party to every approach.
LEADER = "projectleider@zonnedal.example"
ADMIN_URL = os.environ.get("SAMENSPEL_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


class Failure(Exception):
    """A check failed; the message is the one-line reason."""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def note(message):
    print(message, file=sys.stderr, flush=True)


# --- clean-up and the time limit ---------------------------------------------------------------

_cleanups = []


def on_exit(action):
    """Runs `action` when the check ends (last registered, first run)."""
    _cleanups.append(action)


def _clean_up():
    while _cleanups:
        action = _cleanups.pop()
        try:
            action()
        except Exception as error:  # clean-up goes on with the rest
            note(f"clean-up: {error}")


def run_check(name, limit_seconds, body):
    """Runs body() within limit_seconds; exits 0 when it returns, 1 with a one-line reason
    when a check fails, the time is up or the run is interrupted."""

    def stop(signum, _frame):
        reason = "time limit of %d s reached" % limit_seconds if signum == signal.SIGALRM \
            else f"interrupted ({signal.Signals(signum).name})"
        raise Failure(reason)

    for signum in (signal.SIGALRM, signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)
    signal.alarm(int(limit_seconds))
    code = 0
    try:
        body()
    except Failure as failure:
        signal.alarm(0)
        for server in list(Server.running):
            server.show_log_tail()
        reason = " ".join(str(failure).split())  # one line, whatever the cause said
        print(f"{name}: FAIL: {reason}", file=sys.stderr, flush=True)
        code = 1
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _clean_up()
    if code == 0:
        print(f"{name}: PASS", flush=True)
    sys.exit(code)


def work_dir(prefix):
    path = tempfile.mkdtemp(prefix=f"samenspel-{prefix}-")
    on_exit(lambda: shutil.rmtree(path, ignore_errors=True))
    return path


def spawn(cmd, log_path, **kw):
    """A child process whose output goes to log_path, ended when the check ends."""
    log = open(log_path, "ab")
    child = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, **kw)
    log.close()

    def end():
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)

    on_exit(end)
    return child


# --- databases ---------------------------------------------------------------------------------

def psql(url, sql):
    """Rows of a query, as tuples of strings (psql's unaligned output)."""
    done = subprocess.run(["psql", url, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                           "-c", sql], capture_output=True, text=True)
    if done.returncode != 0:
        raise Failure(f"psql failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    return [tuple(line.split("\t")) for line in done.stdout.splitlines() if line]


class Database:
    """A fresh, empty database of one backend, removed when the check ends."""

    def __init__(self, backend, work, label):
        self.backend = backend
        if backend == "sqlite":
            self.path = os.path.join(work, f"{label}.db")
            self.url = f"sqlite://{self.path}"
        else:
            self.name = f"samenspel_{label}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
            psql(ADMIN_URL, f"CREATE DATABASE {self.name}")
            on_exit(lambda: psql(ADMIN_URL, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)"))
            self.url = ADMIN_URL.rsplit("/", 1)[0] + "/" + self.name

    def query(self, sql):
        if self.backend == "sqlite":
            with sqlite3.connect(self.path, timeout=30) as db:
                rows = db.execute(sql).fetchall()
            db.close()
            return [tuple("" if v is None else str(v) for v in row) for row in rows]
        return psql(self.url, sql)

    def integrity(self):
        """Checks the database's own consistency; returns what was checked, raises Failure
        with what is wrong."""
        if self.backend == "sqlite":
            with sqlite3.connect(self.path, timeout=30) as db:
                integrity = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
                foreign = db.execute("PRAGMA foreign_key_check").fetchall()
            db.close()
            if integrity != ["ok"]:
                found = " ".join(" ".join(integrity).split())
                raise Failure(f"PRAGMA integrity_check: {found[:300]}")
            if foreign:
                raise Failure(f"PRAGMA foreign_key_check: {len(foreign)} violations, e.g. {foreign[0]}")
            return "PRAGMA integrity_check = ok, PRAGMA foreign_key_check empty"
        psql(self.url, "CREATE EXTENSION IF NOT EXISTS amcheck")
        # bt_index_check with heapallindexed: every index entry is well ordered and every heap
        # tuple is in the index. Raises (and psql fails) on the first corrupt index.
        rows = psql(self.url, """
            SELECT c.relname, bt_index_check(index => c.oid, heapallindexed => true)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am am ON am.oid = c.relam
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE am.amname = 'btree' AND n.nspname = 'public' AND i.indisready AND i.indisvalid
            ORDER BY c.relname""")
        if not rows:
            raise Failure("amcheck found no btree index to check in the public schema")
        return f"amcheck bt_index_check(heapallindexed) on {len(rows)} btree indexes: ok"


# --- the server --------------------------------------------------------------------------------

def server_env(database_url, work, **settings):
    """Only our settings: no SAMENSPEL_* or DATABASE_URL from the caller's shell (and the work
    folder as working directory, so no samenspel.toml is picked up either)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAMENSPEL_") and k != "DATABASE_URL"}
    env.update({
        "DATABASE_URL": database_url,
        "SAMENSPEL_AUTH_ATTEMPTS_PER_MINUTE": "100000",
        "SAMENSPEL_MAIL_DIR": os.path.join(work, "mail"),
        "SAMENSPEL_UPLOAD_DIR": os.path.join(work, "uploads"),
        "RUST_LOG": "warn",
    })
    env.update({f"SAMENSPEL_{k.upper()}": str(v) for k, v in settings.items()})
    return env


def samenspel(binary, args, env, work, stdin=None):
    """Runs a `samenspel` command (demo, admin …) to its end."""
    done = subprocess.run([binary, *args], env=env, cwd=work, input=stdin, capture_output=True,
                          text=True, timeout=120)
    if done.returncode != 0:
        raise Failure(f"samenspel {' '.join(args)} failed: {done.stderr.strip()[-300:]}")
    return done.stdout


class Server:
    """`samenspel serve` on a free port of 127.0.0.1."""

    running = set()

    def __init__(self, binary, database_url, work, name="server", **settings):
        self.binary, self.work, self.name = binary, work, name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = server_env(database_url, work, listen=f"127.0.0.1:{self.port}", base_url=self.base,
                              **settings)
        self.log_path = os.path.join(work, f"{name}.log")
        self.process = None
        self.starts = 0

    def start(self):
        """Starts the process; wait_ready() waits for it."""
        self.process = spawn([self.binary, "serve"], self.log_path, env=self.env, cwd=self.work)
        self.starts += 1
        self.started_at = time.monotonic()
        Server.running.add(self)
        return self

    def wait_ready(self, timeout=60):
        """Waits until /health answers 200; returns the seconds since start()."""
        deadline = self.started_at + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Failure(f"{self.name} exited with status {self.process.returncode} while starting")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/health")
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    return time.monotonic() - self.started_at
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.05)
        raise Failure(f"{self.name} did not answer /health with 200 within {timeout} s")

    def kill(self):
        """SIGKILL to the server process itself: no graceful anything."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        Server.running.discard(self)

    def stop(self):
        """SIGTERM, as an operator stops it; returns the exit status."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise Failure(f"{self.name} did not stop within 20 s of SIGTERM")
        Server.running.discard(self)
        return self.process.returncode

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def status_kb(self, field):
        if self.process.poll() is not None:
            raise Failure(f"{self.name} exited with status {self.process.returncode}")
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        raise Failure(f"no {field} in /proc/{self.process.pid}/status")

    def log_lines(self):
        """The server's log, without colour codes."""
        try:
            with open(self.log_path, errors="replace") as f:
                return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in f.read().splitlines()]
        except FileNotFoundError:
            return []

    def errors_logged(self):
        """Lines of the log at level ERROR, and panics."""
        return [line for line in self.log_lines() if re.search(r"\bERROR\b|panicked", line)]

    def show_log_tail(self, count=15):
        lines = self.log_lines()
        if lines:
            note(f"--- last lines of {self.name}'s log ---")
            for line in lines[-count:]:
                note(f"[{self.name}] {line}")


# --- an HTTP client that behaves like a browser with cookies -------------------------------------

def demo_server(binary, backend, name):
    """A fresh database of `backend` with the demo data, and a server on it, ready; the work
    folder is server.work. Returns (database, server)."""
    work = work_dir(name)
    db = Database(backend, work, name.replace("-", "_"))
    samenspel(binary, ["demo"], server_env(db.url, work), work)
    server = Server(binary, db.url, work, "server")
    server.start()
    server.wait_ready()
    return db, server


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def location(self):
        return self.header("location") or ""

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


class Browser:
    """One visitor: a cookie jar and a kept-alive connection to one server. Redirects are not
    followed, so a check sees the 303 that acknowledges a form."""

    def __init__(self, base, cookies=None, timeout=30):
        host, port = base.removeprefix("http://").split(":")
        self.base, self.host, self.port, self.timeout = base, host, int(port), timeout
        self.cookies = dict(cookies or {})
        self.conn = None
        self.csrf = None

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=None, content_type=None):
        headers = {"Accept-Language": "nl"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except BaseException:
            self.close()
            raise
        for key, value in response.getheaders():
            if key.lower() == "set-cookie":
                self._keep(value)
        return Response(response.status, response.getheaders(), data)

    def _keep(self, set_cookie):
        first, *attributes = [part.strip() for part in set_cookie.split(";")]
        name, _, value = first.partition("=")
        gone = not value or any(a.lower() in ("max-age=0", "max-age=-1") for a in attributes)
        if gone:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value

    def get(self, path):
        return self.request("GET", path)

    def token(self, path="/"):
        page = self.get(path)
        found = re.search(r'name="csrf" value="([^"]+)"', page.text)
        if not found:
            raise Failure(f"no CSRF token on {path} (status {page.status})")
        self.csrf = found.group(1)
        return self.csrf

    def post(self, path, fields):
        """A form as a browser sends it, with the session's CSRF token."""
        body = urlencode([("csrf", self.csrf), *fields]).encode()
        return self.request("POST", path, body, "application/x-www-form-urlencoded")

    def upload(self, path, fields, file_field, file_name, content, content_type):
        """A multipart form whose first field is the CSRF token (ADR 0019)."""
        boundary = "----samenspel" + uuid.uuid4().hex
        parts = []
        for name, value in [("csrf", self.csrf), *fields]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append((f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
                      f'filename="{file_name}"\r\nContent-Type: {content_type}\r\n\r\n').encode())
        parts.append(content)
        parts.append(f"\r\n--{boundary}--\r\n".encode())
        return self.request("POST", path, b"".join(parts),
                            f"multipart/form-data; boundary={boundary}")

    def login(self, email=LEADER, password=PASSWORD):
        """Logs in through the form; afterwards self.csrf is the session's token."""
        self.token("/login")
        response = self.post("/login", [("email", email), ("password", password)])
        if response.status != 303 or "samenspel_session" not in self.cookies:
            raise Failure(f"login as {email} on {self.base}: status {response.status}, no session cookie")
        self.token("/")
        return self

    def session_cookie(self):
        return f"samenspel_session={self.cookies['samenspel_session']}"


# --- figures -----------------------------------------------------------------------------------

def record(name, results, markdown):
    """Writes bench/results/<name>.json and .md."""
    out = os.path.join(ROOT, "bench", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, f"{name}.json"), "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    with open(os.path.join(out, f"{name}.md"), "w") as f:
        f.write("\n".join(markdown) + "\n")
    note(f"written: bench/results/{name}.json and .md")


def machine():
    return f"{os.cpu_count()} cores"


def binary_label(binary):
    """Which build was measured: the path relative to the repository when it is in it."""
    path = os.path.abspath(binary)
    return os.path.relpath(path, ROOT) if path.startswith(ROOT + os.sep) else path


def check_binary(binary):
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        raise Failure(f"--binary {binary}: not an executable file")
    return os.path.abspath(binary)
