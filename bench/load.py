"""`make load-test`: 50 readers and 10 writers against gunicorn and PostgreSQL on loopback, then every write checked.

A fresh PostgreSQL database (LOAD_DATABASE, default scorecard_load) gets the Derby demo; gunicorn serves it with
production settings, as nginx would pass requests to it (X-Forwarded-Proto: https). Readers open the published
reports, profiles and the API's returns as the public; each writer changes its own returns of the open quarter
through the API with a performance team token, each change carrying the version it read. The run stops by
itself after LOAD_SECONDS (default 60) or LOAD_MAX_REQUESTS per person, whichever comes first. Afterwards each
return holds what its writer last sent, and its history has one record per change sent; the figures go into
bench/RESULTS.md. Exit 1 on any error or any write unaccounted for.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

import django

from bench import database
from bench.results import RESULTS_FILE, record_section

ROOT = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", int(os.environ.get("LOAD_PORT", "8765"))
READERS, WRITERS = 50, 10
RETURNS_PER_WRITER = 2  # the demo's open quarter has 25 measures nobody has started
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
MAX_REQUESTS = int(os.environ.get("LOAD_MAX_REQUESTS", "2000"))
GUNICORN = ["--workers", "4", "--worker-class", "gthread", "--threads", "8", "--log-level", "warning"]
AS_NGINX_SENDS = {"X-Forwarded-Proto": "https", "Host": HOST}


@dataclass
class Tally:
    """What one person did: each request's kind, status and time taken, and each write sent."""

    timings: list[tuple[str, int, float]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    sent: dict[tuple[int, int], dict] = field(default_factory=dict)  # (quarter, measure) → the last change sent
    writes: dict[tuple[int, int], int] = field(default_factory=dict)  # (quarter, measure) → changes accepted


def environment(url: str, static_root: str) -> dict:
    """Production settings, as docs/deploy.md sets them."""
    return {
        "DATABASE_URL": url,
        "SCORECARD_DEBUG": "false",
        "SCORECARD_SECRET_KEY": secrets.token_urlsafe(50),
        "SCORECARD_ALLOWED_HOSTS": HOST,
        "SCORECARD_SITE_URL": f"https://{HOST}",
        "SCORECARD_STATIC_ROOT": static_root,
        "DJANGO_SETTINGS_MODULE": "scorecard.settings",
    }


def prepare() -> None:
    """Migrate, load the demo and collect the static files, as a deployment would."""
    from django.conf import settings
    from django.core.management import call_command

    from scorecard.demo.loader import DemoLoader

    call_command("migrate", verbosity=0)
    DemoLoader(settings.DEMO_DIR).load()  # load_demo itself refuses production settings, which this run uses
    call_command("collectstatic", interactive=False, verbosity=0)


def serve(env: dict) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, with our own arguments
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "scorecard.wsgi", "--bind", f"{HOST}:{PORT}", *GUNICORN],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            request(HTTPConnection(HOST, PORT, timeout=5), "GET", "/api/years", {})
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("gunicorn did not start")


def request(connection: HTTPConnection, method: str, path: str, headers: dict, body: dict | None = None):
    payload = json.dumps(body).encode() if body is not None else None
    sent = {**AS_NGINX_SENDS, **headers, **({"Content-Type": "application/json"} if payload else {})}
    connection.request(method, path, body=payload, headers=sent)
    response = connection.getresponse()
    return response.status, response.read()


def timed(tally: Tally, connection: HTTPConnection, kind: str, method: str, path: str, headers: dict, body=None):
    started = time.perf_counter()
    try:
        status, content = request(connection, method, path, headers, body)
    except OSError as error:
        tally.failures.append(f"{method} {path}: {error}")
        connection.close()
        return None
    tally.timings.append((kind, status, time.perf_counter() - started))
    if status != 200:
        tally.failures.append(f"{method} {path}: {status} {content[:200]!r}")
        return None
    return content


def reader(number: int, plan: dict, stop: threading.Event, tally: Tally) -> None:
    connection = HTTPConnection(HOST, PORT, timeout=60)
    pages = plan["pages"]
    for count in range(MAX_REQUESTS):
        if stop.is_set():
            break
        timed(tally, connection, "read", "GET", pages[(number + count) % len(pages)], {})
    connection.close()


def writer(number: int, plan: dict, stop: threading.Event, tally: Tally) -> None:
    connection = HTTPConnection(HOST, PORT, timeout=60)
    token = {"Authorization": f"Bearer {plan['token']}"}
    quarter = plan["quarter"]
    mine = plan["measures"][number * RETURNS_PER_WRITER : (number + 1) * RETURNS_PER_WRITER]
    versions = dict.fromkeys(mine, 0)
    for count in range(MAX_REQUESTS):
        if stop.is_set():
            break
        measure = mine[count % len(mine)]
        change = {
            "version": versions[measure],
            "actual": str(count % 100),
            "context": f"Writer {number}, change {count}.",
        }
        content = timed(tally, connection, "write", "PATCH", f"/api/periods/{quarter}/returns/{measure}", token, change)
        if content is None:
            continue
        versions[measure] = json.loads(content)["workflow"]["version"]
        tally.sent[(quarter, measure)] = change
        tally.writes[(quarter, measure)] = tally.writes.get((quarter, measure), 0) + 1
    connection.close()


def run_load(plan: dict) -> Tally:
    stop, tallies, people = threading.Event(), [], []
    for role, count in ((reader, READERS), (writer, WRITERS)):
        for number in range(count):
            tallies.append(Tally())
            people.append(threading.Thread(target=role, args=(number, plan, stop, tallies[-1]), daemon=True))
    started = time.perf_counter()
    for person in people:
        person.start()
    stop.wait(SECONDS)
    stop.set()
    for person in people:
        person.join(timeout=120)
    total = Tally()
    for tally in tallies:
        total.timings += tally.timings
        total.failures += tally.failures
        total.sent.update(tally.sent)
        total.writes.update(tally.writes)
    print(f"Ran {len(total.timings):,} requests in {time.perf_counter() - started:.0f} s", flush=True)
    return total


def percentile(times: list[float], share: float) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[int(share * 100) - 1] if len(times) > 1 else times[0]


def summary(tally: Tally, unaccounted: list[str]) -> list[str]:
    lines = ["| what | requests | p50 | p95 | errors |", "|---|---|---|---|---|"]
    for kind, people, who in (("read", READERS, "readers"), ("write", WRITERS, "writers")):
        times = [seconds for each, _, seconds in tally.timings if each == kind]
        errors = sum(1 for each, status, _ in tally.timings if each == kind and status != 200)
        p50, p95 = (f"{percentile(times, share) * 1000:,.0f} ms" for share in (0.5, 0.95))
        lines.append(f"| {people} {who} | {len(times):,} | {p50} | {p95} | {errors} |")
    accounted = sum(tally.writes.values())
    lines += [
        "",
        f"Writes accepted: {accounted:,}; returns written: {len(tally.sent)}; unaccounted for: {len(unaccounted)}; "
        f"failed requests: {len(tally.failures)}.",
    ]
    return lines


def main() -> None:
    name = os.environ.get("LOAD_DATABASE", "scorecard_load")
    database.recreate(name)
    os.environ.update(environment(database.url(name), str(ROOT / "var" / "load-static")))
    django.setup()
    from bench.load_plan import load_plan, unaccounted_writes  # they read models: only once Django is set up

    try:
        prepare()
        plan = load_plan(returns=WRITERS * RETURNS_PER_WRITER)
        server = serve(os.environ.copy())
        try:
            tally = run_load(plan)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        unaccounted = unaccounted_writes(tally.sent, tally.writes)
    finally:
        from django.db import connections

        connections.close_all()
        database.drop(name)
    lines = summary(tally, unaccounted)
    print("\n".join(lines + tally.failures[:20] + unaccounted[:20]), flush=True)
    record_section(f"{READERS} readers and {WRITERS} writers for {SECONDS:.0f} s, gunicorn and PostgreSQL", lines)
    print(f"Written to {RESULTS_FILE}", flush=True)
    if tally.failures or unaccounted:
        sys.exit(1)


if __name__ == "__main__":
    main()
