"""Which mentions may be one event (sigact.merge)."""

from __future__ import annotations

import pytest

from sigact.merge import same_side


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Military Forces of Iran", "Islamic Revolutionary Guard Corps", True),  # one state's forces, two names
    ("Military Forces of Iraq", "Counter Terrorism Service (Iraq)", True),
    ("Kataib Hezbollah", "Kataib Hezbollah", True),
    ("Unidentified Armed Group (Iraq)", "Kataib Hezbollah", True),  # the unknown may be anyone
    (None, "Islamic State", True),
    ("Military Forces of Iran", "Military Forces of the United States", False),
    ("Military Forces of Iraq", "Islamic State", False),
    ("Kataib Hezbollah", "Asaib Ahl al-Haq", False),  # two militias stay two, whatever they share
])
def test_two_names_of_one_side_may_be_one_event(a: str | None, b: str, same: bool) -> None:
    assert same_side(a, b) is same and same_side(b, a) is same


def test_one_writer_telling_two_attacks_at_two_towns_keeps_two_events() -> None:
    from sigact.pipeline import extract_text

    text = ("At dawn today, Thursday, the Israeli enemy targeted an army post in Bint Jbeil, resulting in the "
            "martyrdom of a soldier.\n\nLater, while an army unit was evacuating wounded in the town of Taybeh, the "
            "Israeli enemy targeted the unit, resulting in the martyrdom of a soldier.")
    events = extract_text(text, published="2024-10-03")
    assert sorted(e.location or "" for e in events) == ["Bint Jbeil", "Taybeh"]
