"""Syndicated copies linked, not counted as sources (sigact.dedup, store); other languages stored, not
extracted (sigact.language, pipeline)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from localserver import html_page

from sigact.dedup import MIN_WORDS, NearDuplicateIndex, signature
from sigact.language import detect, skip_reason
from sigact.pipeline import process_document
from sigact.records import Document
from sigact.store import IngestSummary, Store

WIRE = [
    "BAGHDAD (AP) — Two drones attacked a base hosting U.S. troops in western Iraq on Tuesday, the U.S. military "
    "said, in the latest of a series of attacks that American officials blame on Iran-backed militias.",
    "The drones targeted Ain al-Asad air base in Anbar province on 17 October 2023. One was shot down and the "
    "other caused minor injuries to coalition personnel, a U.S. official said on condition of anonymity.",
    "A group calling itself the Islamic Resistance in Iraq claimed responsibility for the attack in a statement "
    "posted online, saying it was a response to American support for Israel in the war in Gaza.",
    "The attack came hours after a similar strike on al-Harir base in the northern Kurdish region, where drones "
    "were intercepted without causing damage, according to Kurdish counter-terrorism officials.",
]
OTHER = [
    "Rockets struck near Erbil airport late on Monday night, Kurdish officials said, causing a fire in a "
    "warehouse but no casualties among the coalition forces stationed at the airport complex.",
    "Security forces said the rockets were launched from a truck found abandoned near the edge of the city, and "
    "an investigation had been opened. No group has so far claimed responsibility for the strike.",
    "The governor of Erbil condemned the attack and called on the federal government in Baghdad to act against "
    "the groups behind a string of similar attacks on the region in recent months.",
]


def _site(name: str, title: str, paragraphs: list[str]) -> str:
    return html_page(title, paragraphs).replace("Example News", name)


def _stored(store: Store, docs: list[Document]) -> IngestSummary:
    s = IngestSummary()
    for d in docs:
        store.add_result(process_document(d), s)
    return s


def test_signature_ignores_short_texts_and_finds_edited_copies() -> None:
    assert signature("word " * (MIN_WORDS - 1)) is None
    index = NearDuplicateIndex()
    index.add(1, signature(" ".join(WIRE)))  # type: ignore[arg-type]
    edited = " ".join(WIRE).replace("Tuesday", "Tuesday morning") + " Read more on our website."
    hit = index.find(signature(edited))  # type: ignore[arg-type]
    assert hit is not None and hit[0] == 1 and hit[1] >= 0.6
    assert index.find(signature(" ".join(OTHER))) is None  # type: ignore[arg-type]


def test_syndicated_copy_linked_and_not_counted_as_a_source(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    store = Store(db)
    original = Document(doc_id="ap", source="ap.html", url="https://apnews.com/x",
                        html=_site("AP News", "Drones attack base hosting US troops in Iraq", WIRE))
    copy = Document(doc_id="local", source="local.html", url="https://local-paper.example/world/drones",
                    html=_site("Local Paper", "Drone attack on Iraqi base, US says",
                               [p.replace("on Tuesday", "on Tuesday morning") for p in WIRE]
                               + ["Copyright 2023 The Associated Press. All rights reserved."]))
    other = Document(doc_id="erbil", source="erbil.html", html=_site("Rudaw", "Rockets near Erbil airport", OTHER))
    s = _stored(store, [original, copy, other])
    assert (s.new, s.duplicates) == (3, 1)
    con = sqlite3.connect(db)
    try:
        rows = dict(con.execute("SELECT doc_id, duplicate_of FROM documents").fetchall())
        ids = dict(con.execute("SELECT doc_id, id FROM documents").fetchall())
        assert rows == {"ap": None, "local": ids["ap"], "erbil": None}
        n_sources = con.execute("SELECT max(n_sources) FROM events").fetchone()[0]
        mentions = con.execute("SELECT count(*) FROM event_mentions WHERE document_id = ?", (ids["local"],)).fetchone()
    finally:
        con.close()
    assert mentions[0] >= 1  # the copy's evidence is kept ...
    assert n_sources == 1  # ... but it is not another independent source
    # a new Store (a restart) finds copies of stored texts from the signatures in the database
    s2 = _stored(Store(db), [Document(doc_id="third", source="t.html", html=_site(
        "Third", "Drones hit Iraq base", [*WIRE, "More to follow."]))])
    assert s2.duplicates == 1


def test_language_detection() -> None:
    assert detect(" ".join(WIRE)) == "en"
    assert detect("Deux drones ont attaqué la base aérienne d'Aïn al-Asad dans la province d'Anbar mardi, "
                  "selon des responsables américains.") == "fr"
    assert detect("ok") is None
    assert skip_reason("en") is None and skip_reason(None) is None
    assert "'fr'" in (skip_reason("fr") or "")


def test_non_english_document_stored_but_not_extracted(tmp_path: Path) -> None:
    french = ("Le 17 octobre 2023, deux drones ont visé les forces américaines sur la base aérienne d'Aïn al-Asad, "
              "dans la province d'Anbar, ont déclaré des responsables. Aucune victime n'a été signalée.")
    result = process_document(Document(doc_id="fr", source="fr.txt", text=french))
    assert result.error is None and result.events == () and result.article is not None
    assert result.article.language == "fr" and "not supported by extraction" in (result.skipped or "")
    db = tmp_path / "d.db"
    s = IngestSummary()
    Store(db).add_result(result, s)
    assert (s.new, s.skipped) == (1, 1)
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT language, skip_reason IS NOT NULL FROM documents").fetchall() == [("fr", 1)]
    finally:
        con.close()
