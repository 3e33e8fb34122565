"""Durability and concurrency: writers killed with SIGKILL, and two writers at once.

A writer process (``writer.py``) records batches of events, one transaction
each, and prints every batch it has committed.  Killed at a random moment
(seeded, repeated), it leaves every acknowledged event in place and no half
batch: the log holds whole batches only, numbered without gaps, and the chain
verifies.  Two writers at once are serialised on the head of the chain: every
event of both is there, in one line.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from sociaaldomein import Gemeente
from sociaaldomein.register import Register
from sociaaldomein.register.store import engine_url

WRITER = Path(__file__).with_name("writer.py")
BATCH = 3


def _writer(url: str, name: str, count: int, *, durable: bool = True) -> subprocess.Popen[str]:
    fast = [] if durable else ["fast"]
    return subprocess.Popen(
        [sys.executable, str(WRITER), url, name, str(count), str(BATCH), *fast],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _acknowledged(process: subprocess.Popen[str], lines: list[int]) -> threading.Thread:
    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(int(line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def _personal_rows(url: str) -> set[int]:
    engine = sa.create_engine(engine_url(url))
    with engine.connect() as conn:
        seqs = {int(r[0]) for r in conn.exec_driver_sql("SELECT seq FROM personal_data")}
    engine.dispose()
    return seqs


@pytest.mark.parametrize(
    ("seed", "durable"),
    [(1, True), (2, True), pytest.param(3, False, id="3-durable=False")],
)
def test_a_writer_killed_at_any_moment_loses_nothing_committed_and_leaves_no_half_batch(
    url: str, gemeente: Gemeente, seed: int, durable: bool
) -> None:
    """Also without waiting for the disk (``durable=False``): a killed process is no power cut."""
    Register.open(url, gemeente=gemeente, create=True).close()
    rng = random.Random(seed)
    acknowledged: list[int] = []
    for round_ in range(2):
        process = _writer(url, f"w{seed}{round_}", 10_000, durable=durable)
        seen: list[int] = []
        reader = _acknowledged(process, seen)
        # Wait until it writes, then kill it at a random moment while it does.
        deadline = time.monotonic() + 60
        while not seen and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.01)
        assert seen, process.stderr.read() if process.stderr else "no output"
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        reader.join(5)
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()
        acknowledged += seen
    with Register.open(url, gemeente=gemeente) as register:
        result = register.verify()
        assert result.ok, result.render()
        events = register.events()
    seqs = [r.seq for r in events]
    assert seqs == list(range(1, len(seqs) + 1))
    assert set(acknowledged) <= set(seqs)
    assert len(seqs) % BATCH == 0  # whole batches only
    # Every waitlist event kept its personal row: no event without its family.
    assert {r.seq for r in events if r.event.KIND == "wachtlijst"} == _personal_rows(url)


def test_two_writers_at_once_keep_one_unbroken_chain(url: str, gemeente: Gemeente) -> None:
    Register.open(url, gemeente=gemeente, create=True).close()
    writers = [_writer(url, name, 25) for name in ("a", "b")]
    for process in writers:
        with process:
            _, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
    with Register.open(url, gemeente=gemeente) as register:
        result = register.verify()
        assert result.ok, result.render()
        events = register.events()
        waiting = register.waitlist("multiprobleem", events[0].event.datum)
    assert [r.seq for r in events] == list(range(1, 2 * 25 * BATCH + 1))
    assert sorted(waiting) == sorted([f"a-{i}" for i in range(25)] + [f"b-{i}" for i in range(25)])
    actors = [r.event.actor.id for r in events]
    assert actors.count("coach-a") == actors.count("coach-b") == 25 * BATCH


@pytest.mark.parametrize("durable", [True, False])
def test_durable_is_the_default_and_waits_for_the_disk(url: str, durable: bool) -> None:
    with (
        Register.open(url, create=True, durable=durable) as register,
        register._connect() as conn,
    ):
        if register.dialect == "sqlite":
            setting = conn.exec_driver_sql("PRAGMA synchronous").scalar()
            assert setting == (2 if durable else 1)  # FULL, NORMAL
        else:
            setting = conn.exec_driver_sql("SHOW synchronous_commit").scalar()
            assert setting == ("on" if durable else "off")
    with Register.open(url) as register, register._connect() as conn:
        if register.dialect == "sqlite":
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
