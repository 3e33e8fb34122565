"""The Groningen demo: the four pilots of gemeente Groningen, composed in code.

For each pilot it prints the verdict, with every reason, for the pilot's
example families, and then the funding of all four pilots per year.  Run it
with ``nox -s demo`` (or ``python examples/groningen.py`` where the library and
the four plugins are installed).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

import pendulum
import sociaaldomein_gezinsverzorger as gezinsverzorger
import sociaaldomein_hoogkerk as hoogkerk
import sociaaldomein_multiprobleem as multiprobleem
import sociaaldomein_samen as samen

from sociaaldomein import Gemeente, Gezin
from sociaaldomein.i18n import ENV, use_language
from sociaaldomein.i18n import gettext as _

Examples = tuple[Callable[[], Sequence[tuple[str, Gezin]]], pendulum.Date]


def compose() -> tuple[Gemeente, dict[str, Examples]]:
    """Gemeente Groningen with its four pilots, each with the letter's reading."""
    groningen = Gemeente(
        "Groningen",
        plugins=[
            gezinsverzorger.GezinsverzorgerPilot(),
            samen.SamenPilot(),
            multiprobleem.MultiprobleemPilot(),
            hoogkerk.HoogkerkPilot(),
        ],
    )
    examples: dict[str, Examples] = {
        "gezinsverzorger": (gezinsverzorger.example_families, gezinsverzorger.EXAMPLE_DATE),
        "samen": (samen.example_families, samen.EXAMPLE_DATE),
        "multiprobleem": (multiprobleem.example_families, multiprobleem.EXAMPLE_DATE),
        "hoogkerk": (hoogkerk.example_families, hoogkerk.EXAMPLE_DATE),
    }
    return groningen, examples


def main() -> None:
    """Print the verdicts for every pilot's example families, then the funding overview.

    In Dutch, as the people who read verdicts read them, unless
    ``SOCIAALDOMEIN_LANG`` chooses English.
    """
    with use_language(os.environ.get(ENV) or "nl"):
        _print_demo()


def _print_demo() -> None:
    groningen, examples = compose()
    for name, pilot in groningen.pilots.items():
        families, on = examples[name]
        letter = f"\n{_('Letter')}: {pilot.brief}" if pilot.brief else ""
        day = f"{_('Date of the assessment')}: {on.isoformat()}"
        print(f"\n{'=' * 78}\n{pilot.titel}{letter}\n{day}\n{'=' * 78}")
        for description, gezin in families():
            verdict = groningen.assess(gezin, on, pilots=[name])[name]
            print(f"\n# {description}\n{verdict.render()}")
    print(f"\n{'=' * 78}\n{_('== funding overview ==')}\n{'=' * 78}")
    print(groningen.funding_overview().render())


if __name__ == "__main__":
    main()
