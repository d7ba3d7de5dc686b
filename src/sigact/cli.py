"""Command line: a thin layer over the pipeline, the store and the evaluation."""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from sigact.errors import SigactError

if TYPE_CHECKING:
    from sigact.errors import InputError
    from sigact.fetch import FetchOptions
    from sigact.records import Document
    from sigact.store import IngestSummary, Store

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="sigact: conflict events (ACLED-style SIGACTs) from news articles, offline.")
actors_app = typer.Typer(no_args_is_help=True, help="Inspect the actor registry.")
places_app = typer.Typer(no_args_is_help=True, help="Inspect the gazetteer.")
app.add_typer(actors_app, name="actors")
app.add_typer(places_app, name="places")
err = Console(stderr=True, highlight=False)

DEFAULT_DB = "sigact.db"
ALLOW_PRIVATE = typer.Option("--allow-private", help="Allow URLs on loopback, private and link-local addresses "
                             "(refused by default: server-side request forgery)")
URL_LISTS = typer.Option("--urls", help="A file of URLs to fetch, one per line ('#' comments); repeatable")
DELAY = typer.Option("--delay", help="Seconds between two requests to the same host")
IGNORE_ROBOTS = typer.Option("--ignore-robots", help="Fetch pages that a site's robots.txt disallows")


class OutFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


class CleanFormat(StrEnum):
    jsonl = "jsonl"
    text = "text"


class TableFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    raise typer.Exit(code)


def _error_line(e: Exception) -> None:
    err.print(f"[yellow]skipped:[/yellow] {escape(str(e))}", soft_wrap=True)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders (.txt, .html, .json, .jsonl, .warc, .warc.gz) or http(s) URLs")],
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format")] = OutFormat.jsonl,
    min_confidence: Annotated[float, typer.Option(help="Drop events below this confidence")] = 0.0,
    allow_private: Annotated[bool, ALLOW_PRIVATE] = False,
) -> None:
    """Extract events and print them to stdout (nothing is stored)."""
    from sigact.errors import InputError
    from sigact.output import WRITERS
    from sigact.pipeline import Result, process_document, run

    paths, urls = _split_inputs(inputs, None)
    fetched = (Result(d.source, d.record, None, (), d) if isinstance(d, InputError) else
               process_document(d, min_confidence) for d in _fetched_documents(urls, allow_private))
    rows: list[dict[str, object]] = []
    ok = 0
    failed = 0
    for result in itertools.chain(run(paths, min_confidence) if paths else (), fetched):
        if result.skipped:
            _error_line(SigactError(f"{result.source}: {result.skipped}"))
        if result.error is not None:
            failed += 1
            _error_line(result.error)
            continue
        ok += 1
        for ev in result.events:
            row = ev.as_schema_dict()
            if fmt is OutFormat.jsonl:
                WRITERS["jsonl"]([row], sys.stdout)  # exactly the schema fields, doc_id, confidence
            else:
                row["outlet"] = result.article.outlet if result.article else None
                row["source_scale"] = result.article.source_scale if result.article else None
                rows.append(row)
    if fmt is not OutFormat.jsonl:
        WRITERS[fmt.value](rows, sys.stdout)
    sys.stdout.flush()
    if ok == 0:
        _fail(f"nothing could be processed ({failed} input(s) failed)")


def _fetch_options(allow_private: bool, delay: float, ignore_robots: bool = False) -> FetchOptions:
    from sigact.fetch import FetchOptions

    return FetchOptions(allow_private=allow_private, per_host_interval=delay, respect_robots=not ignore_robots)


def _split_inputs(inputs: list[str] | None, url_lists: list[str] | None) -> tuple[list[str], list[str]]:
    """Paths and URLs among the arguments, plus the URLs in the --urls list files."""
    from sigact.fetch import is_url, read_url_list

    items = inputs or []
    urls = [i.strip() for i in items if is_url(i)]
    for path in url_lists or []:
        try:
            urls.extend(read_url_list(path))
        except SigactError as e:
            _error_line(e)
    return [i for i in items if not is_url(i)], list(dict.fromkeys(urls))




@app.command()
def ingest(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="Files, folders (.txt, .html, .json, .jsonl, .warc, .warc.gz) or http(s) URLs")] = None,
    db: Annotated[str, typer.Option("--db", help="SQLite path or SQLAlchemy URL")] = DEFAULT_DB,
    progress: Annotated[bool, typer.Option(help="Show a progress bar (default: on a terminal)")] = True,
    url_lists: Annotated[list[str] | None, URL_LISTS] = None,
    allow_private: Annotated[bool, ALLOW_PRIVATE] = False,
    delay: Annotated[float, DELAY] = 1.0,
    ignore_robots: Annotated[bool, IGNORE_ROBOTS] = False,
) -> None:
    """Extract events and store documents, mentions and deduplicated events in the database."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from sigact.pipeline import run
    from sigact.store import IngestSummary, Store

    paths, urls = _split_inputs(inputs, url_lists)
    if not paths and not urls:
        _fail("nothing to ingest: give files, folders or URLs (or --urls FILE)")
    try:
        store = Store(db)
    except SigactError as e:
        _fail(str(e))
        return
    summary = IngestSummary()
    show = progress and sys.stderr.isatty()
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} docs"),
                  TimeElapsedColumn(), console=err, disable=not show, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)
        for result in run(paths) if paths else ():
            if result.error is not None:
                _error_line(result.error)
            elif result.skipped:
                _error_line(SigactError(f"{result.source}: {result.skipped}"))
            try:
                store.add_result(result, summary)
            except SigactError as e:
                summary.failed += 1
                _error_line(e)
            bar.advance(task)
        if urls:
            from sigact.collect import ingest_urls
            from sigact.fetch import Fetcher

            with Fetcher(_fetch_options(allow_private, delay, ignore_robots)) as fetcher:
                ingest_urls(store, fetcher, urls, summary, _error_line)
    _summary_line(store, summary, db)
    if summary.new + summary.unchanged == 0:
        raise typer.Exit(1)


def _summary_line(store: Store, summary: IngestSummary, db: str) -> None:
    counts = store.counts()
    extra = "".join([f", {summary.duplicates} copies of stored texts" if summary.duplicates else "",
                     f", {summary.skipped} stored without extraction" if summary.skipped else ""])
    err.print(
        f"documents: {summary.new} new, {summary.unchanged} unchanged, {summary.failed} failed{extra}; "
        f"events: {summary.events_new} new, {summary.events_linked} linked to known events; "
        f"database {db}: {counts['documents']} documents, {counts['events']} events", soft_wrap=True,
        markup=False)


def _interval(value: str) -> float:
    """'90', '30s', '10m', '2h' to seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    v = value.strip().lower()
    try:
        seconds = float(v[:-1]) * units[v[-1]] if v and v[-1] in units else float(v)
    except ValueError:
        seconds = -1
    if seconds <= 0:
        _fail(f"--every: expected a duration such as 600, 30s, 10m or 1h, got {value!r}")
    return seconds


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="Feed URLs (RSS/Atom), or pages that announce a feed")],
    db: Annotated[str, typer.Option("--db", help="SQLite path or SQLAlchemy URL")] = DEFAULT_DB,
    every: Annotated[str, typer.Option("--every", help="Poll interval: 600, 30s, 10m, 1h")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit")] = False,
    allow_private: Annotated[bool, ALLOW_PRIVATE] = False,
    delay: Annotated[float, DELAY] = 1.0,
    ignore_robots: Annotated[bool, IGNORE_ROBOTS] = False,
) -> None:
    """Poll feeds and store their new items; state (seen items, ETags) is kept in the database."""
    import time

    from sigact.collect import watch_once
    from sigact.fetch import Fetcher, is_url
    from sigact.store import IngestSummary, Store

    bad = [s for s in sources if not is_url(s)]
    if bad:
        _fail(f"{bad[0]}: not an http(s) URL")
    seconds = _interval(every)
    try:
        store = Store(db)
    except SigactError as e:
        _fail(str(e))
        return
    total_ok = 0
    with Fetcher(_fetch_options(allow_private, delay, ignore_robots)) as fetcher:
        while True:
            summary = IngestSummary()
            watch_once(store, fetcher, sources, summary, _error_line)
            _summary_line(store, summary, db)
            total_ok += summary.new + summary.unchanged
            if once:
                break
            try:
                time.sleep(seconds)
            except KeyboardInterrupt:
                break
    if once and total_ok == 0 and summary.failed:
        raise typer.Exit(1)


@app.command("clean")
def clean_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .html, .json, .jsonl, .warc[.gz])")],
    fmt: Annotated[CleanFormat, typer.Option("--format", "-f", help="Output format")] = CleanFormat.jsonl,
    allow_private: Annotated[bool, ALLOW_PRIVATE] = False,
) -> None:
    """Print what cleaning made of each document: main text and metadata, no extraction."""
    from sigact.clean import clean
    from sigact.errors import InputError
    from sigact.ingest import read_inputs
    from sigact.language import skip_reason

    paths, urls = _split_inputs(inputs, None)
    ok = failed = 0
    for item in itertools.chain(read_inputs(paths), _fetched_documents(urls, allow_private)):
        try:
            if isinstance(item, InputError):
                raise item
            art = clean(item)
        except InputError as e:
            failed += 1
            _error_line(e)
            continue
        ok += 1
        row = {"doc_id": art.doc_id, "source": art.source, "url": art.url, "title": art.title,
               "published": art.published.isoformat() if art.published else None, "outlet": art.outlet,
               "author": art.author, "language": art.language, "skip_reason": skip_reason(art.language),
               "text": art.body}
        if fmt is CleanFormat.jsonl:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"# {art.doc_id}  {art.title or ''}\n{art.body}\n\n")
    sys.stdout.flush()
    if ok == 0:
        _fail(f"nothing could be processed ({failed} input(s) failed)")


def _fetched_documents(urls: list[str], allow_private: bool) -> Iterator[Document | InputError]:
    if not urls:
        return
    from sigact.fetch import Fetcher, document_from_fetch

    with Fetcher(_fetch_options(allow_private, 1.0)) as fetcher:
        for _url, got in fetcher.fetch_many(urls):
            yield got if isinstance(got, SigactError) else document_from_fetch(got)


def _parse_day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"--{name}: expected YYYY-MM-DD, got {value!r}")
        return None


@app.command()
def events(
    db: Annotated[str, typer.Option("--db", help="SQLite path or SQLAlchemy URL")] = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY-MM-DD")] = None,
    country: Annotated[str | None, typer.Option(help="Country name")] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor's name (actor1, actor2 or claimant)")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="ACLED event_type or sub_event_type")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    limit: Annotated[int | None, typer.Option(help="At most this many events")] = None,
) -> None:
    """List stored events, newest first."""
    from sigact.output import WRITERS, render_table
    from sigact.store import Store

    if "://" not in db and not Path(db).exists():
        _fail(f"{db}: no such database (run 'sigact ingest' first)")
    try:
        store = Store(db)
        rows = list(store.query_events(_parse_day(since, "since"), _parse_day(until, "until"), country, actor,
                                       type_, limit))
    except SigactError as e:
        _fail(str(e))
        return
    if fmt is TableFormat.table:
        Console(width=200).print(render_table(rows, title=f"{len(rows)} events in {db}"))
    else:
        WRITERS[fmt.value](rows, sys.stdout)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold folder (SCHEMA layout) or ACLED/GTD CSV export")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON")] = False,
    every: Annotated[int, typer.Option(help="For CSV gold: use every n-th row")] = 1,
    limit: Annotated[int | None, typer.Option(help="For CSV gold: at most this many rows")] = None,
    show: Annotated[int, typer.Option(help="How many missed/spurious events to list")] = 20,
) -> None:
    """Precision, recall, F1 and per-field accuracy against gold events."""
    from rich.table import Table

    from sigact.evaluate import evaluate

    if not gold.exists():
        _fail(f"{gold}: no such file or directory")
    try:
        report = evaluate(gold, every, limit)
    except (ValueError, OSError) as e:
        _fail(str(e))
        return
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=1, default=str))
        return
    out = Console(width=160)
    d = report.as_dict()
    t = Table(title=f"sigact eval {gold} — {report.documents} documents", header_style="bold")
    for col in ("precision", "recall", "F1", "TP", "FP", "FN", "P@conf≥0.5", "P@conf≥0.8"):
        t.add_column(col, justify="right")
    pc = d["precision_at_confidence"]
    t.add_row(f"{report.precision:.3f}", f"{report.recall:.3f}", f"{report.f1:.3f}", str(report.tp),
              str(report.fp), str(report.fn), str(pc["0.5"]), str(pc["0.8"]))
    out.print(t)
    ft = Table(title="field accuracy over matched events", header_style="bold")
    ft.add_column("field")
    ft.add_column("accuracy", justify="right")
    ft.add_column("correct/total", justify="right")
    for name, acc in d["fields"].items():
        c, n = d["field_counts"][name]
        ft.add_row(name, "n/a" if acc is None else f"{acc:.3f}", f"{c}/{n}")
    out.print(ft)
    for label, items in (("missed", report.missed), ("spurious", report.spurious)):
        if items:
            out.print(f"[bold]{label}[/bold] ({len(items)}):")
            for m in items[:show]:
                out.print(f"  {m['doc_id']} {m.get('event_date')} {m.get('sub_event_type')} @ {m.get('location')}: "
                          f"{(m.get('evidence') or '')[:110]}", soft_wrap=True, highlight=False, markup=False)


@actors_app.command("search")
def actors_search(name: Annotated[str, typer.Argument(help="A name as written in a text")]) -> None:
    """What a name resolves to in the actor registry, and why."""
    from sigact.knowledge import actors as actor_kb
    from sigact.knowledge.normalise import name_key

    reg = actor_kb.load()
    hit = reg.resolve(name)
    if hit is None:
        _fail(f"{name!r}: no registered actor (key {name_key(name)!r})")
        return
    entry = reg.get(hit[0])
    print(f"{name!r} -> {hit[0]}  [{hit[1]}; key {name_key(name)!r}]")
    if entry:
        print(f"  inter: {entry.inter}  country: {entry.country}  kind: {entry.kind}")
        for r in entry.relations:
            print(f"  {r.type}: {r.target}" + (f"  ({r.note})" if r.note else ""))
        if entry.note:
            print(f"  note: {entry.note}")


@places_app.command("search")
def places_search(
    name: Annotated[str, typer.Argument(help="A place name as written in a text")],
    limit: Annotated[int, typer.Option(help="How many candidates to show")] = 5,
) -> None:
    """Gazetteer candidates for a name, best first."""
    from sigact.knowledge import gazetteer as gaz_kb
    from sigact.knowledge.normalise import name_key

    g = gaz_kb.load()
    cands = g.lookup(name)
    if not cands:
        _fail(f"{name!r}: not in the gazetteer (key {name_key(name)!r})")
    for e in cands[:limit]:
        print(f"{e.name} [{e.kind}] {e.admin1 or g.admin1_of(e) or '-'}, {e.country}  ({e.lat:.4f}, {e.lon:.4f})  "
              f"geo_precision {e.precision}  {'curated' if e.curated else 'GeoNames'}: {e.source}")


def main() -> None:
    try:
        app()
    except SigactError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}", soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
