"""The service under load: one family assessed through the API by 50 concurrent clients.

The server is ``sociaaldomein serve`` in a process of its own, as a
municipality runs it (uvicorn, the installed Groningen pilots, a tokens file,
no rate limit), on a free loopback port.  Three figures:

* p50 and p99 latency of ``POST /api/assess`` for one family with every
  pilot's verdict and reasons, under 50 concurrent clients that each send a
  request, read the answer and pause a random time (``PAUSE_MS`` on average)
  before the next, as people at their screens do: about ``50 / PAUSE_MS``
  requests per millisecond.  A closed loop without pauses would measure the
  length of the queue in front of one process, not the service.  The load generator is
  ``wrk`` when it is installed, else plain HTTP/1.1 on asyncio streams in a
  separate process (an HTTP library's own cost would count as the service's);
  the note says which.
* the service's own overhead: the latency of one request at a time minus the
  same work in-process (read the family document, assess, write the JSON),
  as a multiple of that in-process work; the two are timed in turns.

Five repetitions each (one in ``quick``); p50 and p99 are the medians over
the repetitions, the note gives the best.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from harness import INFO, REPEAT, figure, interleave, unavailable

CLIENTS: Final = 50
PAUSE_MS: Final = 200
"""Each client's pause between its answer and its next request."""
TOKEN: Final = "bench-token-of-the-projectleider"
ON: Final = "2022-03-01"
PER_ROUND: Final = 200
"""Requests (and in-process assessments) per timed round of the overhead figure."""


def _family() -> bytes:
    from sociaaldomein_gezinsverzorger import example_families

    from sociaaldomein.io import dumps_gezinnen

    return dumps_gezinnen(example_families()[0][1]).encode("utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _server(folder: Path) -> Iterator[int]:
    from sociaaldomein.service import hash_token

    tokens = folder / "tokens.toml"
    tokens.write_text(
        f'[[token]]\nname = "bench"\nrole = "projectleider"\n'
        f'sha256 = "{hash_token(TOKEN)}"\npilots = ["*"]\n',
        encoding="utf-8",
    )
    port = _free_port()
    argv = [sys.executable, "-m", "sociaaldomein", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*argv, "--tokens", str(tokens), "--rate", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError):
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                connection.request("GET", "/api/pilots")
                if connection.getresponse().status == 200:
                    connection.close()
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("sociaaldomein serve did not start")
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def _headers() -> dict[str, str]:
    return {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}


def _sequential(port: int, body: bytes, n: int) -> Any:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    headers = _headers()

    def requests() -> None:
        for _ in range(n):
            connection.request("POST", f"/api/assess?on={ON}", body=body, headers=headers)
            answer = connection.getresponse()
            answer.read()
            if answer.status != 200:
                raise RuntimeError(f"the service answered {answer.status}")

    return requests


def _in_process(body: bytes, n: int) -> Any:
    import pendulum

    from sociaaldomein import Gemeente
    from sociaaldomein.io import loads_document, unstructure
    from sociaaldomein.service.api import read_families

    gemeente = Gemeente()
    gemeente.load_entry_points()
    gemeente.compile()
    on = pendulum.date(2022, 3, 1)
    names = list(gemeente.pilots)

    def work() -> None:
        for _ in range(n):
            gezinnen = read_families(loads_document(body, "json"), "json", on, 100)
            found = [unstructure(gemeente.assess(g, on, pilots=names)) for g in gezinnen]
            json.dumps({"on": ON, "assessments": found}, separators=(",", ":")).encode()

    return work


_LUA: Final = """
wrk.method = "POST"
wrk.body = {body}
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer {token}"
math.randomseed(os.time())
function delay() return math.random(0, 2 * {pause}) end
done = function(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %d\\n", latency:percentile(50),
      latency:percentile(99), summary.requests, bad))
end
"""


def _wrk(port: int, body: bytes, seconds: float, folder: Path) -> tuple[float, float, float, int]:
    script = folder / "assess.lua"
    lua_body = json.dumps(body.decode("utf-8"))  # a Lua string literal, as JSON writes it
    script.write_text(_LUA.format(body=lua_body, token=TOKEN, pause=PAUSE_MS), encoding="utf-8")
    argv = ["wrk", "-t1", f"-c{CLIENTS}", f"-d{max(1, round(seconds))}s", "-s", str(script)]
    out = subprocess.run(
        [*argv, f"http://127.0.0.1:{port}/api/assess?on={ON}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT"))
    p50, p99, requests, bad = (int(v) for v in line.split()[1:])
    return p50 / 1e3, p99 / 1e3, requests / max(1, round(seconds)), bad


def _asyncio_client(port: int, body: bytes, seconds: float) -> tuple[float, float, float, int]:
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import service; "
    code += f"service._load_main({port}, {seconds!r})"
    out = subprocess.run(
        [sys.executable, "-c", code], input=body, capture_output=True, check=True
    ).stdout
    p50, p99, rate, bad = json.loads(out)
    return float(p50), float(p99), float(rate), int(bad)


def _load_main(port: int, seconds: float) -> None:
    """The asyncio load generator (run in its own process): prints p50, p99, rate, errors.

    Plain HTTP/1.1 on asyncio streams, one keep-alive connection per client: an
    HTTP library's own cost per request would be measured as the service's.
    """
    body = sys.stdin.buffer.read()
    head = (
        f"POST /api/assess?on={ON} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        + "".join(f"{k}: {v}\r\n" for k, v in _headers().items())
        + f"Content-Length: {len(body)}\r\n\r\n"
    ).encode("ascii")
    request = head + body
    latencies: list[float] = []
    bad = 0

    async def client(stop: float) -> None:
        nonlocal bad
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            await asyncio.sleep(random.uniform(0, 2 * PAUSE_MS) / 1e3)
            while time.perf_counter() < stop:
                start = time.perf_counter()
                writer.write(request)
                headers = await reader.readuntil(b"\r\n\r\n")
                found = re.search(rb"(?i)content-length: *(\d+)", headers)
                await reader.readexactly(int(found[1]) if found else 0)
                latencies.append(time.perf_counter() - start)
                bad += not headers.startswith(b"HTTP/1.1 200")
                await asyncio.sleep(random.uniform(0, 2 * PAUSE_MS) / 1e3)
        finally:
            writer.close()

    async def main() -> None:
        stop = time.perf_counter() + seconds
        await asyncio.gather(*(client(stop) for _ in range(CLIENTS)))

    asyncio.run(main())
    ordered = sorted(latencies)
    p50 = ordered[len(ordered) // 2] * 1e3
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1e3
    print(json.dumps([p50, p99, len(ordered) / seconds, bad]))


def run(quick: bool = False) -> list[dict[str, object]]:
    """The service's latency under load and its overhead over an in-process assessment."""
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        why = f"{exc.name} is not installed (pip install 'sociaaldomein[service]')"
        return [
            unavailable("service_assess_p50_ms", "<= 5 ms", why),
            unavailable("service_assess_p99_ms", "<= 50 ms", why),
            unavailable("service_overhead_ratio", "<= 3x", why),
        ]
    body = _family()
    busy = os.getloadavg()[0]  # a shared machine's other work shows in the latencies
    repeat = 1 if quick else REPEAT
    seconds = 1.0 if quick else 3.0
    generator = "wrk" if shutil.which("wrk") else "asyncio"
    with tempfile.TemporaryDirectory() as tmp, _server(Path(tmp)) as port:
        per_round = 20 if quick else PER_ROUND
        timings = interleave(
            {
                "api": _sequential(port, body, per_round),
                "in_process": _in_process(body, per_round),
            },
            repeat=repeat,
        )
        api = timings["api"].median / per_round
        local = timings["in_process"].median / per_round
        runs = []
        for _ in range(repeat):
            if generator == "wrk":
                runs.append(_wrk(port, body, seconds, Path(tmp)))
            else:
                runs.append(_asyncio_client(port, body, seconds))
    p50 = statistics.median(r[0] for r in runs)
    p99 = statistics.median(r[1] for r in runs)
    rate = statistics.median(r[2] for r in runs)
    bad = sum(r[3] for r in runs)
    load = (
        f"{CLIENTS} clients on loopback, each pausing {PAUSE_MS} ms on average between requests "
        f"(about {rate:.0f} requests/s), load generator {generator}, {repeat} runs of "
        f"{seconds:.0f} s; best p50 {min(r[0] for r in runs):.2f} ms, best p99 "
        f"{min(r[1] for r in runs):.2f} ms; {bad} answers were not 200; load average "
        f"{busy:.1f} on {os.cpu_count()} CPUs before the run"
    )
    overhead = (api - local) / local
    return [
        figure("service_assess_p50_ms", p50, "ms", "<= 5 ms", p50 <= 5 and bad == 0, note=load),
        figure("service_assess_p99_ms", p99, "ms", "<= 50 ms", p99 <= 50 and bad == 0, note=load),
        figure(
            "service_overhead_ratio",
            overhead,
            "x",
            "<= 3x",
            overhead <= 3,
            peer="in-process: read the family document, assess, write the JSON",
            peer_value=local,
            note=f"one request at a time: {api * 1e3:.3f} ms through the API, "
            f"{local * 1e3:.3f} ms in-process (medians of {repeat} rounds of {per_round})",
        ),
        figure("service_requests_per_second", rate, "1/s", INFO, True, note=load),
    ]


if __name__ == "__main__":
    for item in run(quick="--quick" in sys.argv):
        print(json.dumps(item))
