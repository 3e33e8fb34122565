"""pytest collects the policy cases (``*.cases.toml``): one test item per case.

Loaded with :mod:`sociaaldomein.testing.fixtures` through the ``pytest11``
entry point, so ``pytest plugins/gezinsverzorger/cases`` runs a plugin's cases
like its tests.  Only files ending in ``.cases.toml`` are collected, so no other
TOML file (``pyproject.toml``, a scenario) is taken for one.  A failing case
shows what was expected, what was decided and the verdict's explanation; a
file that cannot be read fails as one item naming the file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sociaaldomein.errors import InvalidValueError
from sociaaldomein.policy.cases import SUFFIX, Case, load_cases, run_case

__all__ = ["CaseFailedError", "CaseItem", "CasesFile", "pytest_collect_file"]


class CaseFailedError(AssertionError):
    """A case whose pilots decided otherwise than it expects."""


class CasesFile(pytest.File):
    """A ``*.cases.toml`` file: one item per case."""

    def collect(self) -> Iterator[pytest.Item]:
        """One :class:`CaseItem` per case of the file."""
        try:
            cases = load_cases(self.path)
        except InvalidValueError as exc:  # a bad file: its one message, no traceback
            raise self.CollectError(str(exc)) from None
        for case in cases.cases:
            yield CaseItem.from_parent(self, name=case.name, case=case, gemeente=cases.gemeente)


class CaseItem(pytest.Item):
    """One case: assess the family on the date and compare with what the case expects."""

    def __init__(self, *, case: Case, gemeente: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.gemeente = gemeente

    def runtest(self) -> None:
        """Fail with the report when a pilot decides otherwise."""
        result = run_case(self.gemeente, self.case)
        if not result.passed:
            raise CaseFailedError(result.report())

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """The case's report: expected, actual, explanation (no Python traceback)."""
        if isinstance(excinfo.value, CaseFailedError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """The file, the case's line and its name."""
        line = None if self.case.line is None else self.case.line - 1
        return self.path, line, f"case: {self.case.name}"


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> CasesFile | None:
    """Collect ``*.cases.toml`` files."""
    if file_path.name.endswith(SUFFIX):
        return CasesFile.from_parent(parent, path=file_path)
    return None
