"""The real server (waitress, as deployed) in a subprocess, and concurrent clients against it."""

import http.client
import itertools
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"


@dataclass
class LoadResult:
    latencies: list[float]  # seconds, one per request, in request order
    statuses: list[int | str]  # HTTP status, or the exception's name
    wall_seconds: float
    bytes_received: int

    @property
    def errors(self) -> int:
        return sum(1 for s in self.statuses if s != 200)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def proc_memory_kib(pid: int) -> dict[str, int]:
    """VmHWM (peak resident set) and VmRSS of a process, in KiB, from /proc."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = int(value.split()[0])
    return found


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    threads: int

    def get(self, path: str) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()


@contextmanager
def server_running(*, threads: int, log_path: Path, env: dict[str, str], cwd: Path):
    """Start waitress serving the WSGI application; wait until /healthz answers 200."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "waitress",
        f"--listen={HOST}:{port}",
        f"--threads={threads}",
        "kansrijk.conf.wsgi:application",
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        server = Server(process=process, port=port, threads=threads)
        try:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"server exited with {process.returncode}, see {log_path}")
                try:
                    if server.get("/healthz")[0] == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server did not answer /healthz in 60 s, see {log_path}")
                time.sleep(0.1)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def load_run(*, server: Server, paths: list[str], concurrency: int) -> LoadResult:
    """GET every path once, `concurrency` clients at a time, each on its own keep-alive
    connection; the clock of a request runs from sending until its body is read."""
    latencies: list[float] = [0.0] * len(paths)
    statuses: list[int | str] = [0] * len(paths)
    received = [0] * concurrency
    counter = itertools.count()  # next() on it is atomic under the GIL
    start = threading.Barrier(concurrency + 1)

    def client(slot: int) -> None:
        conn = http.client.HTTPConnection(HOST, server.port, timeout=60)
        start.wait()
        while (i := next(counter)) < len(paths):
            began = time.perf_counter()
            try:
                conn.request("GET", paths[i])
                response = conn.getresponse()
                body = response.read()
                latencies[i] = time.perf_counter() - began
                statuses[i] = response.status
                received[slot] += len(body)
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                latencies[i] = time.perf_counter() - began
                statuses[i] = type(exc).__name__
                conn.close()
        conn.close()

    workers = [
        threading.Thread(target=client, args=(slot,), daemon=True) for slot in range(concurrency)
    ]
    for worker in workers:
        worker.start()
    start.wait()
    began = time.perf_counter()
    for worker in workers:
        worker.join()
    return LoadResult(
        latencies=latencies,
        statuses=statuses,
        wall_seconds=time.perf_counter() - began,
        bytes_received=sum(received),
    )


def server_env(base: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ if base is None else base)
    env.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.conf.settings")
    return env
