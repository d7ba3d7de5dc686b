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
