"""A message fills its placeholders by name, the same way however often it is made or read.

A template is split at its placeholders once and filled by joining; what
comes out is what replacing every ``{name}`` would give: a known name its
value, an unknown one left as written, everything else untouched.
"""

from __future__ import annotations

import json
import pickle
import re

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein.i18n import Bericht, _, use_language

NAMES = st.sampled_from(["a", "b", "naam", "n2", "ü"])
TEXT = st.text(alphabet=st.sampled_from("ab {}}{_é\n"), max_size=6)


def _by_replacing(template: str, params: dict[str, object]) -> str:
    """The placeholders replaced one by one: what a message's text must be."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(params[name]) if name in params else match.group(0)

    return re.sub(r"\{(\w+)\}", one, template)


@st.composite
def _templates(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(TEXT, NAMES.map(lambda n: f"{{{n}}}")), max_size=6))
    return "".join(pieces)


@given(
    _templates(),
    st.dictionaries(NAMES, st.one_of(st.integers(-5, 500), st.text(max_size=5)), max_size=4),
)
def test_a_message_reads_as_its_placeholders_replaced(
    template: str, params: dict[str, object]
) -> None:
    expected = _by_replacing(template, params)
    made = Bericht(template, params, domain="")  # no catalogue: every language reads the id
    assert str.__str__(made) == expected
    assert made.render("en") == made.render("nl") == expected
    assert Bericht(template, params, domain="") == made  # made again: the same


def test_an_unknown_placeholder_stays_as_written_and_braces_stay() -> None:
    made = Bericht("{a} and {b} {{a}} {not a name} {}", {"a": 1}, domain="")
    assert made == "1 and {b} {1} {not a name} {}"


def test_a_message_pickles_and_writes_as_json_as_its_english() -> None:
    made = _(
        "{pilot} runs from {start} until {end}",
        pilot="SAMEN.",
        start=pendulum.date(2023, 1, 1),
        end=pendulum.date(2026, 1, 1),
    )
    assert made == "SAMEN. runs from 2023-01-01 until 2026-01-01"
    copy = pickle.loads(pickle.dumps(made))
    assert (copy.msgid, dict(copy.params), copy.domain) == (
        made.msgid,
        dict(made.params),
        made.domain,
    )
    assert (
        copy.render("nl")
        == made.render("nl")
        == "SAMEN. loopt van 1 januari 2023 tot 1 januari 2026"
    )
    assert json.dumps({"note": made}) == json.dumps(
        {"note": "SAMEN. runs from 2023-01-01 until 2026-01-01"}
    )


def test_the_language_is_the_one_in_force_when_it_is_read() -> None:
    made = _("reason: {reason}", reason="Hoogkerk")
    with use_language("nl"):
        assert str(made) == "reden: Hoogkerk"
        assert made.render("en") == "reason: Hoogkerk"
    assert str(made) == "reason: Hoogkerk"
    assert made.render("NL") == made.render("nl_NL.UTF-8") == "reden: Hoogkerk"
