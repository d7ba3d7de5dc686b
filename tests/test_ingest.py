"""Reading files, folders and JSON records into Documents (sigact.ingest)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sigact.errors import InputError
from sigact.ingest import decode, parse_published, read_inputs
from sigact.records import Document

ARTICLE = ("On 17 October 2023, two drones targeted US forces at Ain al-Asad air base in Anbar. "
           "Casualties unknown.")


def _read(*paths: Path | str) -> list[Document | InputError]:
    return list(read_inputs(list(paths)))


def _docs(items: list[Document | InputError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def _errors(items: list[Document | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


# -- plain text files ---------------------------------------------------------------------------------

def test_txt_with_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({
        "id": "A-1", "published": "2023-10-17T08:00:00Z", "outlet": "Example Wire",
        "url": "https://example.org/a", "title": "Drones hit Ain al-Asad", "unrelated": 5,
    }), encoding="utf-8")
    [doc] = _read(tmp_path / "a.txt")
    assert isinstance(doc, Document)
    assert doc.doc_id == "A-1"
    assert doc.published == date(2023, 10, 17)
    assert doc.outlet == "Example Wire"
    assert doc.url == "https://example.org/a"
    assert doc.title == "Drones hit Ain al-Asad"
    assert doc.text == ARTICLE
    assert doc.html is None
    assert doc.source == str(tmp_path / "a.txt")


def test_txt_without_sidecar_uses_stem(tmp_path: Path) -> None:
    (tmp_path / "story-7.txt").write_text(ARTICLE, encoding="utf-8")
    [doc] = _read(tmp_path / "story-7.txt")
    assert isinstance(doc, Document)
    assert (doc.doc_id, doc.published, doc.outlet, doc.title) == ("story-7", None, None, None)


def test_broken_sidecar_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    [doc] = _read(tmp_path / "a.txt")
    assert isinstance(doc, Document)
    assert doc.doc_id == "a" and doc.published is None


def test_html_file_goes_to_html_field(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    [doc] = _read(tmp_path / "p.html")
    assert isinstance(doc, Document)
    assert doc.text is None
    assert doc.html is not None and ARTICLE in doc.html


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    [doc] = _read(tmp_path / "bom.txt")
    assert isinstance(doc, Document) and doc.text == ARTICLE


# -- encodings --------------------------------------------------------------------------------------

ARABIC = ("أفادت مصادر أمنية عراقية بأن صاروخين سقطا قرب قاعدة عين الأسد الجوية في محافظة "
          "الأنبار غرب العراق، دون وقوع إصابات. وقال متحدث باسم التحالف إن الهجوم لم يسفر عن أضرار.")
FRENCH = ("Le café du président à Erbil a été attaqué près de l'aéroport, selon la sécurité irakienne. Des "
          "roquettes sont tombées à proximité de la base américaine; aucune victime n'a été signalée. Le "
          "ministère a déclaré qu'une enquête était en cours.")
SPANISH = ("Un ataque con cohetes alcanzó la base aérea de Ain al-Asad en la provincia de Anbar, "
           "según fuentes de seguridad iraquíes. No hubo víctimas, informó el portavoz de la coalición.")
ENGLISH_CP1252 = ("On January 12, the group’s cells targeted a supply convoy of the coalition in the "
                  "Taji district to the north of Baghdad. “The operation resulted in the damage of "
                  "the convoy,” the statement reads.")


@pytest.mark.parametrize("text,encoding", [
    (ARABIC, "cp1256"), (FRENCH, "latin-1"), (SPANISH, "latin-1"), (ENGLISH_CP1252, "cp1252"),
], ids=["arabic-cp1256", "french-latin1", "spanish-latin1", "english-cp1252"])
def test_non_utf8_text_is_decoded(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "enc.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = _read(path)
    assert isinstance(doc, Document)
    assert doc.text == text


def test_latin1_english_with_few_accents_is_decoded() -> None:
    text = ("Reuters reported that a rocket hit the café near Erbil airport on Monday. The naïve "
            "façade of calm was broken; officials said no-one was hurt - the coalition's spokesman "
            "declined to comment.")
    assert decode(text.encode("latin-1"), "x.txt") == text


def test_utf16_with_bom_is_text_not_binary() -> None:
    assert decode(ARTICLE.encode("utf-16"), "u16.txt") == ARTICLE


# -- JSON / JSONL -----------------------------------------------------------------------------------

def test_jsonl_good_and_bad_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "r1", "text": ARTICLE, "published": "2023-10-17", "outlet": "Wire"}),
        "{this is not json",
        json.dumps({"id": "r3", "title": "no body"}),
        "",
        json.dumps({"text": "second good record " + ARTICLE}),
        json.dumps([1, 2]),
        json.dumps({"id": "r7", "html": "<p>hi</p>"}),
    ]) + "\n", encoding="utf-8")
    items = _read(path)
    assert [type(i).__name__ for i in items] == [
        "Document", "InputError", "InputError", "Document", "InputError", "Document"]
    r1, bad_json, no_text, line5, not_obj, r7 = items
    assert isinstance(r1, Document) and r1.doc_id == "r1" and r1.published == date(2023, 10, 17)
    assert r1.outlet == "Wire" and r1.text == ARTICLE
    assert isinstance(bad_json, InputError)
    assert bad_json.source == str(path) and bad_json.record == "line 2"
    assert str(path) in str(bad_json) and "line 2" in str(bad_json) and "invalid JSON" in str(bad_json)
    assert isinstance(no_text, InputError)
    assert no_text.record == "r3" and "no 'text'" in no_text.reason and "r3" in str(no_text)
    assert isinstance(line5, Document) and line5.doc_id == "line 5"
    assert isinstance(not_obj, InputError) and not_obj.record == "line 6"
    assert isinstance(r7, Document) and r7.html == "<p>hi</p>" and r7.text is None


def test_blank_text_record_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text(json.dumps({"id": "b", "text": "   \n "}) + "\n", encoding="utf-8")
    [err] = _read(path)
    assert isinstance(err, InputError) and err.record == "b"


def test_json_list(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([
        {"id": "c1", "text": ARTICLE, "published": "2021-02-26T10:00:00+03:00"},
        {"text": "untitled " + ARTICLE},
        {"id": "c3"},
    ]), encoding="utf-8")
    c1, c2, c3 = _read(path)
    assert isinstance(c1, Document) and c1.doc_id == "c1" and c1.published == date(2021, 2, 26)
    assert isinstance(c2, Document) and c2.doc_id == "list-2"
    assert isinstance(c3, InputError) and c3.record == "c3" and c3.source == str(path)


def test_json_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": ARTICLE}), encoding="utf-8")
    [doc] = _read(path)
    assert isinstance(doc, Document) and doc.doc_id == "one"


def test_json_with_jsonl_content(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    lines = [json.dumps({"id": "x", "text": ARTICLE}), json.dumps({"id": "y", "text": ARTICLE})]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert [d.doc_id for d in _docs(_read(path))] == ["x", "y"]


def test_invalid_json_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"id": "a", "text": "x"}', encoding="utf-8")
    [err] = _read(path)
    assert isinstance(err, InputError) and "invalid JSON" in err.reason and err.source == str(path)


# -- unreadable inputs ------------------------------------------------------------------------------

def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    errs = _read(tmp_path / "empty.txt", tmp_path / "blank.txt")
    assert [(type(e).__name__, getattr(e, "reason", None)) for e in errs] == [
        ("InputError", "empty input"), ("InputError", "empty input")]


@pytest.mark.parametrize("name", ["image.txt", "data.jsonl", "page.html"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02" * 40)
    [err] = _read(path)
    assert isinstance(err, InputError)
    assert err.source == str(path) and "binary" in err.reason


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4 whatever")
    [err] = _read(path)
    assert isinstance(err, InputError) and err.source == str(path)
    assert "unknown file type '.pdf'" in err.reason


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    [err] = _read(missing)
    assert isinstance(err, InputError) and err.source == str(missing) and "no such file" in err.reason


def test_one_bad_item_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    items = _read(tmp_path / "empty.txt", tmp_path / "missing.txt", tmp_path / "good.txt")
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "Document"]


# -- folders --------------------------------------------------------------------------------------

def test_directory_expansion(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"id": "B", "published": "2023-10-17"}), encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<p>{ARTICLE}</p>", encoding="utf-8")
    (tmp_path / "recs.jsonl").write_text(json.dumps({"id": "R", "text": ARTICLE}) + "\n", encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps([{"id": "L", "text": ARTICLE}]), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.odt").write_text("# notes", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text(ARTICLE, encoding="utf-8")
    items = _read(tmp_path)
    assert all(isinstance(i, Document) for i in items), items
    ids = [i.doc_id for i in _docs(items)]
    # the sidecar b.json is metadata for b.txt, not an input of its own
    assert sorted(ids) == sorted(["a", "B", "L", "R", "c"])
    b = next(d for d in _docs(items) if d.doc_id == "B")
    assert b.published == date(2023, 10, 17)


def test_directory_order_is_stable(tmp_path: Path) -> None:
    for name in ("z.txt", "m.txt", "a.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    assert [d.doc_id for d in _docs(_read(tmp_path))] == ["a", "m", "z"]


# -- parse_published --------------------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("2021-02-26", date(2021, 2, 26)),
    ("2021-02-26T23:30:00Z", date(2021, 2, 26)),
    ("2021-02-26T23:30:00+03:00", date(2021, 2, 26)),
    ("2021-02-26 10:00", date(2021, 2, 26)),
    ("  2023-01-26  ", date(2023, 1, 26)),
    ("2023-01-26, morning", date(2023, 1, 26)),
    (date(2020, 8, 18), date(2020, 8, 18)),
    (datetime(2020, 8, 18, 22, 5, tzinfo=timezone(timedelta(hours=3))), date(2020, 8, 18)),
    ("garbage", None),
    ("26/02/2021", None),
    ("2021-13-45", None),
    ("", None),
    (None, None),
    (12345, None),
])
def test_parse_published(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_published_never_raises(text: str) -> None:
    result = parse_published(text)
    assert result is None or isinstance(result, date)


@settings(max_examples=200, deadline=None)
@given(st.dates())
def test_parse_published_round_trips_iso(d: date) -> None:
    assert parse_published(d.isoformat()) == d
    assert parse_published(d.isoformat() + "T12:00:00Z") == d


def test_markdown_front_matter_is_metadata(tmp_path: Path) -> None:
    """Scrapers' Markdown renderings carry a YAML header; it is metadata, never article text."""
    f = tmp_path / "statement.md"
    f.write_text(
        "---\ntags: statements-releases\ndate: '2021-02-27'\npublished_time: 2021-02-27 14:40:44-05:00\n"
        "source_url: https://example.gov/statement\ntitle: \"A Statement\\u00a0on Syria\"\n---\n \n"
        "At my direction, on February 25, 2021, forces conducted a strike in eastern Syria.\n",
        encoding="utf-8")
    (doc,) = list(read_inputs([f]))
    assert isinstance(doc, Document)
    assert doc.published == date(2021, 2, 27)
    assert doc.url == "https://example.gov/statement"
    assert doc.title == "A Statement\u00a0on Syria"
    assert doc.text is not None and doc.text.lstrip().startswith("At my direction") and "tags:" not in doc.text


def test_sidecar_wins_over_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("---\ndate: 2020-01-01\ntitle: Old\n---\nBody text of the article goes here in full.\n")
    (tmp_path / "a.json").write_text(json.dumps({"published": "2020-01-05"}))
    (doc,) = list(read_inputs([f]))
    assert isinstance(doc, Document)
    assert doc.published == date(2020, 1, 5) and doc.title == "Old"


@pytest.mark.parametrize("text", [
    "---\nnot: [closed\n---\nBody.\n",           # broken YAML: kept as text
    "--- a line of dashes\nthen prose\n",
    "---\n- a\n- list\n---\nBody.\n",            # YAML, but not a mapping
])
def test_text_without_a_usable_header_is_kept_whole(tmp_path: Path, text: str) -> None:
    f = tmp_path / "b.txt"
    f.write_text(text)
    (doc,) = list(read_inputs([f]))
    assert isinstance(doc, Document) and doc.text == text


def test_header_only_file_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "c.md"
    f.write_text("---\ntitle: Nothing here\n---\n\n")
    (err,) = list(read_inputs([f]))
    assert isinstance(err, InputError) and "c.md" in str(err)


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_front_matter_split_never_loses_the_body(body: str) -> None:
    from sigact.ingest import split_front_matter

    meta, rest = split_front_matter("---\ntitle: T\n---\n" + body)
    assert rest == body and meta == {"title": "T"}
    meta, rest = split_front_matter(body)
    assert rest == body or body.startswith(("---", "\ufeff---"))


def test_folder_readme_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About these articles\nThey were collected in 2024 from several outlets.\n")
    (tmp_path / "SOURCE.md").write_text("Where the files come from and under which licence they are shared.\n")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert [d.doc_id for d in _docs(_read(tmp_path))] == ["a"]
    # named explicitly, a README is read like any other file
    assert [d.doc_id for d in _docs(_read(tmp_path / "README.md"))] == ["README"]


def test_a_sidecar_named_explicitly_is_still_metadata(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"id": "B", "published": "2023-10-17"}), encoding="utf-8")
    items = _read(tmp_path / "b.txt", tmp_path / "b.json")  # what a shell glob "folder/*" passes
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["B"] and not _errors(items)
