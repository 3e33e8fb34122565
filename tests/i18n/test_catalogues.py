"""Every message a person can read is translated in both catalogues.

The message ids are extracted with Babel's extractor from the package and from
each plugin (the calls ``_()``, ``_.plural()`` and gettext's), the labels of
every registered enum added; a missing or empty translation, or one with a
placeholder its id does not have, fails here naming the catalogue and the id.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import sociaaldomein
from sociaaldomein.i18n.extract import problems, template
from sociaaldomein.i18n.labels import labelled_enums, unlabelled

ROOT = Path(__file__).resolve().parents[2]
CORE = Path(sociaaldomein.__file__).parent
PLUGINS = sorted(p for p in ROOT.glob("plugins/*/src/sociaaldomein_*") if p.is_dir())


@pytest.mark.parametrize("package", [CORE, *PLUGINS], ids=lambda p: p.name)
def test_every_message_id_is_translated_in_both_catalogues(package: Path) -> None:
    found = problems(package)
    assert not found, "\n".join(found)


def test_the_extraction_finds_the_messages_of_rules_verdicts_and_labels() -> None:
    ids = {(m.context, m.id) for m in template(CORE) if m.id}
    assert (None, "{fact} is {comparison} {value}") in ids  # rules.py, through _()
    assert ("Outcome", "not eligible") in ids  # an enum label
    assert ("Feit", "the number of simultaneous problems") in ids  # a built-in fact


@pytest.mark.parametrize("package", PLUGINS, ids=lambda p: p.name)
def test_a_plugin_has_catalogues_of_its_own_domain(package: Path) -> None:
    for language in ("nl", "en"):
        po = package / "locale" / language / "LC_MESSAGES" / f"{package.name}.po"
        assert po.is_file(), f"{po} is missing"


def test_every_member_of_a_labelled_enum_has_a_label() -> None:
    for plugin in PLUGINS:
        importlib.import_module(plugin.name)
    assert labelled_enums()
    assert unlabelled() == []
