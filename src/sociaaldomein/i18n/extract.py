"""Keeping the catalogues complete: extract the message ids, update the ``.po`` files, check them.

``python -m sociaaldomein.i18n.extract PACKAGE_DIR...`` (``nox -s translations``)
extracts every message of each package with Babel's Python extractor, adds the
labels of the enums registered in that package's domain, and updates the
package's catalogues: new ids come in untranslated in Dutch and as themselves
in English (the ids are English), ids no longer used go.  ``--check`` changes
nothing and exits with 1 naming every id without a translation.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sociaaldomein.i18n.catalogue import CORE_DOMAIN
from sociaaldomein.i18n.language import LANGUAGES, Language
from sociaaldomein.i18n.messages import PLACEHOLDER

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

__all__ = ["KEYWORDS", "locale_dir", "main", "problems", "template", "update"]

KEYWORDS: Final[dict[str, Any]] = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "plural": (1, 2),
}
# ``_.pgettext(context, msgid)`` is found by the ``pgettext`` keyword, as gettext's is.
"""The calls whose first strings are message ids: ``_(...)``, ``_.plural(...)`` and gettext's."""

METHODS: Final = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
"""Where messages are written: Python modules, and the web page's Jinja templates."""

HEADER: Final = """\
# Messages of {domain}: the English message ids and their translations.
# Edit the msgstr lines; `nox -s translations` adds new ids and removes unused ones.
#"""


def _domain(package_dir: Path) -> str:
    return CORE_DOMAIN if package_dir.name == CORE_DOMAIN else package_dir.name


def locale_dir(package_dir: Path) -> Path:
    """Where the package's catalogues lie."""
    if _domain(package_dir) == CORE_DOMAIN:
        return package_dir / "i18n" / "locale"
    return package_dir / "locale"


def template(package_dir: Path) -> Catalog:
    """Every message id of the package, and the labels of its domain's enums."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    domain = _domain(package_dir)
    made = Catalog(
        domain=domain,
        project=domain,
        fuzzy=False,
        header_comment=HEADER.format(domain=domain),
        copyright_holder="sociaaldomein contributors",
    )
    found = extract_from_dir(str(package_dir), method_map=METHODS, keywords=KEYWORDS)
    for filename, lineno, message, _comments, context in found:
        if message:
            made.add(message, locations=[(filename, lineno)], context=context)
    importlib.import_module(domain if domain != CORE_DOMAIN else "sociaaldomein")
    from sociaaldomein.i18n.labels import labelled, labelled_enums

    if domain == CORE_DOMAIN:
        for fact in _core_facts():
            made.add(fact, context="Feit", locations=[("domain/feiten.py", 0)])
        from sociaaldomein.cli.main import details, summaries

        # A command's summary is its module docstring's first line, shown by --help,
        # and the rest of the docstring its description.
        for text in summaries() + details():
            made.add(text, locations=[("cli/main.py", 0)])
    for kind, owner in labelled_enums().items():
        if owner == domain:
            for member in kind:
                text = labelled(member)
                made.add(text.msgid, context=text.context, locations=[(kind.__name__, 0)])
    return made


def _core_facts() -> list[str]:
    """What the built-in facts are (their ``omschrijving``), the ZRM levels of every domain too."""
    from sociaaldomein.domain.feiten import FEITEN, zrm_feit
    from sociaaldomein.domain.gezin import ZrmDomein

    facts = list(FEITEN.all().values())
    facts += [zrm_feit(d, haalbaar=h) for d in ZrmDomein for h in (False, True)]
    return sorted({str.__str__(f.omschrijving) for f in facts})


def _path(package_dir: Path, language: Language) -> Path:
    return locale_dir(package_dir) / language / "LC_MESSAGES" / f"{_domain(package_dir)}.po"


def _read(path: Path, language: Language, domain: str) -> Catalog:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    if not path.exists():
        return Catalog(
            locale=language,
            domain=domain,
            project=domain,
            fuzzy=False,
            header_comment=HEADER.format(domain=domain),
        )
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=domain)


def update(package_dir: Path) -> list[Path]:
    """Bring the package's catalogues up to its messages; the files written."""
    from babel.messages.pofile import write_po

    domain = _domain(package_dir)
    written = []
    for language in LANGUAGES:
        path = _path(package_dir, language)
        current = _read(path, language, domain)
        # A template of its own per language: update() adopts the template's entries.
        current.update(template(package_dir), no_fuzzy_matching=True)
        current.obsolete.clear()
        if language == "en":
            for message in current:
                if message.id and not message.string:
                    message.string = message.id
                elif message.pluralizable and not all(_strings(message.string)):
                    message.string = tuple(message.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, current, width=100, omit_header=False, sort_output=True)
        written.append(path)
    return written


def _ids(catalog: Catalog) -> dict[tuple[str | None, str], Any]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


def problems(package_dir: Path) -> list[str]:
    """Every message id used but missing, untranslated or with other placeholders, per catalogue."""
    domain = _domain(package_dir)
    wanted = _ids(template(package_dir))
    found = []
    for language in LANGUAGES:
        path = _path(package_dir, language)
        have = _ids(_read(path, language, domain))
        for key, message in sorted(wanted.items(), key=lambda kv: (kv[0][1], kv[0][0] or "")):
            where = f"{path.name} ({language}): {key[1]!r}" + (f" [{key[0]}]" if key[0] else "")
            entry = have.get(key)
            strings = () if entry is None else _strings(entry.string)
            if entry is None:
                found.append(f"{where} is missing")
            elif not strings or not all(strings) or entry.fuzzy:
                found.append(f"{where} has no translation")
            else:
                expected = _placeholders(_strings(message.id))
                if any(_placeholders((s,)) - expected for s in strings):
                    found.append(f"{where} uses a placeholder the message id does not have")
    return found


def _strings(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _placeholders(texts: Iterable[str]) -> set[str]:
    return {name for text in texts for name in PLACEHOLDER.findall(text)}


def main(argv: Sequence[str] | None = None) -> int:
    """Update (or with ``--check`` only check) the catalogues of each package directory."""
    parser = argparse.ArgumentParser(prog="python -m sociaaldomein.i18n.extract")
    parser.add_argument("packages", nargs="+", type=Path, help="package directories")
    parser.add_argument("--check", action="store_true", help="only report what is missing")
    args = parser.parse_args(argv)
    found = []
    for package in args.packages:
        if not args.check:
            for path in update(package):
                print(f"updated {path}")
        found += problems(package)
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
