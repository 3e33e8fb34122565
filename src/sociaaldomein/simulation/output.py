"""Results written whole or not at all: the destination checked first, files staged, one move.

>>> import pathlib, tempfile
>>> where = pathlib.Path(tempfile.mkdtemp()) / "results"
>>> with Staged(where, overwrite=False) as staged:
...     _ = (staged.path / "runs.csv").write_text("run\\n0\\n")
...     staged.commit({"seed": 1})
>>> sorted(p.name for p in where.iterdir())
['manifest.json', 'runs.csv']
>>> verify(where)
[]

A destination is *free* when it does not exist or is an empty folder. A
folder that holds another run's results (it has a ``manifest.json``) is
replaced whole, and only with ``overwrite``; a folder of other files is never
replaced.  Until :meth:`Staged.commit`, everything lives in a hidden
temporary folder next to the destination (``.results.XXXX.partial``), removed
again on any error or signal; the move into place runs with SIGINT and
SIGTERM held back, so the destination holds either the old results or the new
ones, never a mix.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import importlib.util
import json
import os
import secrets
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any, Final, Literal

from sociaaldomein.errors import InvalidValueError, SociaaldomeinError

__all__ = [
    "EXTRAS",
    "MANIFEST",
    "DestinationError",
    "Interrupted",
    "MissingExtraError",
    "OutputError",
    "Staged",
    "check_file",
    "check_folder",
    "installed",
    "interruptible",
    "raise_if_interrupted",
    "require_extra",
    "sha256_of",
    "verify",
]

MANIFEST: Final = "manifest.json"
"""The file in a results folder that describes the run and checksums every other file."""

EXTRAS: Final[Mapping[str, tuple[str, str]]] = {
    "parquet": ("pyarrow", "parquet"),
    "plot": ("matplotlib", "plot"),
    "pandas": ("pandas", "pandas"),
    "xlsx": ("openpyxl", "xlsx"),
}
"""What each optional output needs: ``{name: (module, extra)}``."""


class OutputError(SociaaldomeinError):
    """Results could not be written (a full disk, a vanished folder); nothing was left behind."""


class DestinationError(InvalidValueError):
    """The destination cannot take the results (a file, not writable, not free)."""


class MissingExtraError(InvalidValueError):
    """An output needs an optional dependency that is not installed; the message names the extra."""


class Interrupted(BaseException):  # a signal, like KeyboardInterrupt: not an Exception
    """SIGINT or SIGTERM arrived; :attr:`exit_code` is the shell's ``128 + signal``."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.exit_code = 128 + signum
        super().__init__(signal.Signals(signum).name)


def installed(module: str) -> bool:
    """Whether ``module`` can be imported (without importing it)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def require_extra(option: str, name: str) -> None:
    """Raise :class:`MissingExtraError` for ``option`` when extra ``name`` is not installed."""
    module, extra = EXTRAS[name]
    if not installed(module):
        raise MissingExtraError(
            option, f'needs {module}, which is not installed: pip install "sociaaldomein[{extra}]"'
        )


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if os.path.lexists(candidate):
            return candidate
    return Path.cwd()


def _check_parent(path: Path, option: str) -> None:
    ancestor = _nearest_existing(path.parent)
    if not ancestor.is_dir():
        raise DestinationError(option, f"{ancestor} is a file, so {path} cannot be made there")
    try:
        # os.access says yes to root everywhere: only trying tells the truth.
        os.rmdir(tempfile.mkdtemp(prefix=".sociaaldomein-probe.", dir=ancestor))
    except OSError as exc:
        raise DestinationError(option, f"cannot write in {ancestor}: {exc.strerror}") from None


def check_folder(path: Path, *, overwrite: bool = False, option: str = "--out") -> None:
    """Raise :class:`DestinationError` unless ``path`` can become a folder of results."""
    if os.path.lexists(path):
        if not path.is_dir():
            raise DestinationError(option, f"{path} is a file, not a folder")
        entries = os.listdir(path)
        if entries and MANIFEST not in entries:
            raise DestinationError(
                option,
                f"{path} holds files that are not sociaaldomein results; "
                "choose a new or empty folder",
            )
        if entries and not overwrite:
            raise DestinationError(
                option, f"{path} holds another run's results; give --overwrite to replace them"
            )
    _check_parent(path, option)


def check_file(path: Path, *, overwrite: bool = False, option: str = "--plot") -> None:
    """Raise :class:`DestinationError` unless ``path`` can become a file."""
    if os.path.lexists(path):
        if path.is_dir():
            raise DestinationError(option, f"{path} is a folder, not a file")
        if not overwrite:
            raise DestinationError(option, f"{path} already exists; give --overwrite to replace it")
    _check_parent(path, option)


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify(folder: Path) -> list[str]:
    """The files of a results folder that are missing, unlisted or differ from its manifest."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    listed: dict[str, str] = {name: entry["sha256"] for name, entry in manifest["files"].items()}
    present = {p.name for p in folder.iterdir()} - {MANIFEST}
    wrong = sorted(present - set(listed))
    for name, digest in sorted(listed.items()):
        if name not in present or sha256_of(folder / name) != digest:
            wrong.append(name)
    return wrong


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block ends (they are delivered then)."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):  # some file systems cannot sync a folder
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class Staged:
    """A temporary folder next to ``destination``; :meth:`commit` moves its work into place.

    Used as a context manager: leaving the block without a commit (an error, a
    signal) removes the temporary folder and any parent folder it made, and an
    :class:`OSError` on the way (``ENOSPC``) becomes an :class:`OutputError`.

    :param kind: ``"folder"``: the staged folder becomes ``destination``, with a
        manifest; ``"file"``: the one file staged as ``destination.name`` replaces
        ``destination``.
    """

    def __init__(
        self,
        destination: str | os.PathLike[str],
        *,
        overwrite: bool = False,
        kind: Literal["folder", "file"] = "folder",
        option: str = "--out",
    ) -> None:
        self.destination = Path(destination)
        self.overwrite = overwrite
        self.kind = kind
        self.option = option
        self.committed = False
        self._made: list[Path] = []
        self._path: Path | None = None

    @property
    def path(self) -> Path:
        """The temporary folder to write into."""
        if self._path is None:
            raise OutputError("Staged.path is used before the staging folder was opened")
        return self._path

    def _check(self) -> None:
        if self.kind == "folder":
            check_folder(self.destination, overwrite=self.overwrite, option=self.option)
        else:
            check_file(self.destination, overwrite=self.overwrite, option=self.option)

    def open(self) -> Path:
        """Check the destination and make the temporary folder (and missing parents)."""
        self._check()
        parent = self.destination.parent
        missing = [p for p in (parent, *parent.parents) if not os.path.lexists(p)]
        for folder in reversed(missing):
            folder.mkdir()
            self._made.append(folder)
        name = self.destination.name
        self._path = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".partial", dir=parent))
        return self._path

    def __enter__(self) -> Staged:
        try:
            self.open()
        except BaseException:
            self.discard()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self.committed:
            self.discard()
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            if exc.errno == errno.ENOSPC:
                reason = "the disk is full"
            raise OutputError(
                f"could not write {self.destination}: {reason}; nothing was written there"
            ) from exc

    def discard(self) -> None:
        """Remove the temporary folder and the parents :meth:`open` made."""
        if self._path is not None:
            shutil.rmtree(self._path, ignore_errors=True)
            self._path = None
        for folder in reversed(self._made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._made.clear()

    def commit(self, manifest: Mapping[str, Any] | None = None) -> None:
        """Checksum the staged files, write ``manifest.json`` and move the work into place."""
        raise_if_interrupted()
        staged = self.path
        if self.kind == "file":
            self._commit_file(staged)
            return
        files = {}
        for item in sorted(staged.iterdir()):
            _fsync(item)
            files[item.name] = {"sha256": sha256_of(item), "bytes": item.stat().st_size}
        document = {**(manifest or {}), "files": files}
        with (staged / MANIFEST).open("w", encoding="utf-8") as fh:
            json.dump(document, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        self._check()  # another process may have written there while this one ran
        dest = self.destination
        with _signals_held():
            if os.path.lexists(dest):
                old = dest.with_name(f".{dest.name}.{secrets.token_hex(4)}.old")
                os.rename(dest, old)
                try:
                    os.rename(staged, dest)
                except BaseException:
                    os.rename(old, dest)
                    raise
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.rename(staged, dest)
            self.committed = True
            self._path = None
        _fsync(dest.parent)

    def _commit_file(self, staged: Path) -> None:
        raise_if_interrupted()
        item = staged / self.destination.name
        _fsync(item)
        self._check()
        with _signals_held():
            os.replace(item, self.destination)
            self.committed = True
        shutil.rmtree(staged, ignore_errors=True)
        self._path = None
        _fsync(self.destination.parent)


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Within the block SIGINT and SIGTERM raise :class:`Interrupted` (main thread only).

    So a ``finally`` or ``with`` cleans up on ``kill`` as it does on Ctrl-C.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        # Remembered as well as raised: an exception raised while an extension module
        # initialises (numpy imports parts of itself on first use) can be lost there,
        # and raise_if_interrupted() finds the signal again before anything is written.
        _RECEIVED.append(signum)
        raise Interrupted(signum)

    _RECEIVED.clear()
    before = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, old in before.items():
            signal.signal(s, old)
        _RECEIVED.clear()


_RECEIVED: list[int] = []
"""The signals :func:`interruptible`'s handler received, whether or not its exception got out."""


def raise_if_interrupted() -> None:
    """Raise :class:`Interrupted` if a signal arrived within :func:`interruptible` already."""
    if _RECEIVED:
        raise Interrupted(_RECEIVED[0])
