"""Real throwaway servers on 127.0.0.1 for tests and benchmarks: a private
PostgreSQL cluster, a redis-server without persistence, and Debian packages
(PostgreSQL, Redis, nginx, Chromium) installed with apt-get when missing.
Anything that cannot be installed or started raises ServerError, with the
server's log; pytest fixtures (tests/services.py) turn that into a failure.

    with postgres_server() as url: ...   # postgresql://USER@127.0.0.1:PORT/testdb
    with redis_server() as url: ...      # redis://127.0.0.1:PORT/0
"""
import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time

import psycopg2
import redis

from services.run import free_port, stop_all

IS_ROOT = os.geteuid() == 0


class ServerError(RuntimeError):
    """A server that could not be installed or started, with what it printed."""


def _fail(message):
    raise ServerError(message)


def _tail(path):
    if not os.path.exists(path):
        return "(no log)"
    with open(path, errors="replace") as f:
        return f.read()[-3000:]


def _run(cmd, what, timeout=120, log=None, **kwargs):
    """Run cmd; pytest.fail with its output (and the tail of log) if it cannot run or exits non-zero."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kwargs)
        problem = f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}" if proc.returncode else None
    except (OSError, subprocess.TimeoutExpired) as error:
        problem = str(error)
    if problem:
        _fail(f"{what} failed: {cmd}\n{problem}" + (f"\n--- {log} ---\n{_tail(log)}" if log else ""),
                    pytrace=False)


def _wait_for(ready, errors, alive=lambda: True, timeout=30):
    """Call ready() until it stops raising errors; its result, or None on timeout or once alive() is False."""
    deadline = time.monotonic() + timeout
    while alive() and time.monotonic() < deadline:
        try:
            return ready()
        except errors:
            time.sleep(0.1)
    return None


def apt_install(package):
    if not IS_ROOT and not shutil.which("sudo"):
        _fail(f"{package} is not installed and we are not root: install it first")
    sudo = "" if IS_ROOT else "sudo -n "
    apt = f"{sudo}env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300"
    _run(["sh", "-c", f"{apt} update -qq && {apt} install -y -qq {package}"],
         f"installing {package} with apt-get", timeout=1200)


def _find_pg_bindir():
    """A directory holding pg_ctl and initdb: Debian's newest first, then PATH."""
    def version(path):
        name = path.split("/")[-2]
        return float(name) if name.replace(".", "", 1).isdigit() else 0.0

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    if shutil.which("pg_ctl"):
        candidates.append(os.path.dirname(os.path.realpath(shutil.which("pg_ctl"))))
    for bindir in candidates:
        if all(os.access(os.path.join(bindir, exe), os.X_OK) for exe in ("pg_ctl", "initdb", "postgres")):
            return bindir
    return None


def _pg_user():
    """The unprivileged user that runs PostgreSQL."""
    if not IS_ROOT:
        return pwd.getpwuid(os.geteuid()).pw_name
    for name in ("postgres", "pgtest"):
        try:
            return pwd.getpwnam(name).pw_name
        except KeyError:
            pass
    _run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "pgtest"], "creating user pgtest")
    return "pgtest"


@contextlib.contextmanager
def postgres_server():
    """A throwaway PostgreSQL cluster; yields its URL."""
    bindir = _find_pg_bindir()
    if bindir is None:
        apt_install("postgresql")
        bindir = _find_pg_bindir()
        if bindir is None:
            _fail("PostgreSQL was installed but pg_ctl/initdb are still not found")
    user = _pg_user()
    as_user = ["runuser", "-u", user, "--"] if IS_ROOT else []
    tmp = tempfile.mkdtemp(prefix="pgtest-")  # under /tmp: the user must be able to reach it
    data, log, port = os.path.join(tmp, "data"), os.path.join(tmp, "postgres.log"), free_port()
    pg_ctl = [*as_user, os.path.join(bindir, "pg_ctl"), "-D", data]
    if IS_ROOT:
        shutil.chown(tmp, user)
    try:
        _run([*as_user, os.path.join(bindir, "initdb"), "-D", data, "-U", user, "-A", "trust",
              "-E", "UTF8", "--locale=C", "--no-sync"], "initdb", cwd=tmp)
        with open(os.path.join(data, "postgresql.conf"), "a") as conf:
            conf.write(f"\nport = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{tmp}'\n"
                       "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        _run([*pg_ctl, "-l", log, "-w", "-t", "60", "start"], "starting PostgreSQL", log=log, cwd=tmp)
        conn = _wait_for(lambda: psycopg2.connect(host="127.0.0.1", port=port, user=user, dbname="postgres",
                                                  connect_timeout=2), psycopg2.OperationalError)
        if conn is None:
            _fail(f"PostgreSQL does not accept connections on port {port}:\n{_tail(log)}")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("CREATE DATABASE testdb")
        conn.close()
        yield f"postgresql://{user}@127.0.0.1:{port}/testdb"
    finally:
        subprocess.run([*pg_ctl, "-m", "fast", "-w", "stop"], capture_output=True, cwd=tmp, timeout=60)
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def redis_server():
    """A throwaway redis-server; yields its URL."""
    if shutil.which("redis-server") is None:
        apt_install("redis-server")
    server = shutil.which("redis-server") or _fail("redis-server is still not found after install")
    tmp, port = tempfile.mkdtemp(prefix="redistest-"), free_port()
    url = f"redis://127.0.0.1:{port}/0"
    log = os.path.join(tmp, "redis.log")
    with open(log, "w") as out:
        proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                 "--dir", tmp, "--daemonize", "no"], stdout=out, stderr=subprocess.STDOUT, cwd=tmp)
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        ready = _wait_for(client.ping, (redis.ConnectionError, redis.TimeoutError), alive=lambda: proc.poll() is None)
        client.close()
        if not ready:
            _fail(f"redis-server did not start on port {port}:\n{_tail(log)}")
        yield url
    finally:
        stop_all([proc], timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)




def find_nginx():
    def find():
        return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)

    if find() is None:
        apt_install("nginx")
    return find() or _fail("nginx was installed but is still not found")


def find_chromium(path="/usr/bin/chromium"):
    """Debian's Chromium (never a browser download)."""
    if not os.access(path, os.X_OK):
        apt_install("chromium")
        if not os.access(path, os.X_OK):
            _fail(f"chromium was installed but {path} is still missing")
    return path
