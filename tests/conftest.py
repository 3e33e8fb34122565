"""Test configuration: hypothesis profiles.

The fixtures plugin authors get (``sociaaldomein.testing``) come through the
``pytest11`` entry point of the installed package, so nothing is listed here.

Two hypothesis profiles: ``ci`` (loaded when the environment variable ``CI``
is set) is derandomised, so a run in CI is the same run every time and a
failure there is a failure on every machine; ``dev`` (otherwise) explores
new examples each run and keeps the failing ones in the local database.
Choose another with ``pytest --hypothesis-profile NAME``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=100,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
