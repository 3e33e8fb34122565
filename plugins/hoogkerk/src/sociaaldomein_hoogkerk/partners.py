"""Who takes part: the eight small providers of BT Hoogkerk, and the WIJ-team that refers.

004_b7ccad7045cc3ba8.txt, opening ("Geachte heer, mevrouw"): "een achttal kleine zorgaanbieders,
onder de naam Begeleidingsteam Hoogkerk (BT Hoogkerk)".  The letter does not
name them, so :data:`AANBIEDERS` holds eight placeholders, marked as such;
a municipality passes the real providers as the plugin's ``aanbieders``.

"Achtergrond van deze beweging": BT Hoogkerk "maakt daarbij geen onderdeel uit
van WIJ Hoogkerk ... maar staat wel in nauwe verbinding"; the WIJ-team refers.

>>> len(AANBIEDERS), AANBIEDERS[0].naam
(8, 'Aanbieder 1 (placeholder: the letter does not name the providers)')
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import Organisatie

__all__ = ["AANBIEDERS", "BT_HOOGKERK", "PLACEHOLDER", "WIJ_HOOGKERK"]

PLACEHOLDER: Final = "placeholder: the letter does not name the providers"
"""The mark in the name of every placeholder provider."""

AANBIEDERS: Final = tuple(
    Organisatie(f"Aanbieder {i} ({PLACEHOLDER})", "kleinschalige zorgaanbieder in BT Hoogkerk")
    for i in range(1, 9)
)
"""Eight placeholder providers: "een achttal kleine zorgaanbieders" (004, opening)."""

BT_HOOGKERK: Final = "BT Hoogkerk (Begeleidingsteam Hoogkerk)"
"""The team the eight providers form."""

WIJ_HOOGKERK: Final = Organisatie("WIJ Hoogkerk", "toegang: het WIJ-team van de gemeente")
"""The access team that analyses the question and refers; not part of BT Hoogkerk."""
