"""Command line: a thin layer over the pipeline, the store and the evaluation."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from sigact.errors import SigactError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="sigact: conflict events (ACLED-style SIGACTs) from news articles, offline.")
actors_app = typer.Typer(no_args_is_help=True, help="Inspect the actor registry.")
places_app = typer.Typer(no_args_is_help=True, help="Inspect the gazetteer.")
app.add_typer(actors_app, name="actors")
app.add_typer(places_app, name="places")
err = Console(stderr=True, highlight=False)

DEFAULT_DB = "sigact.db"


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
    inputs: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .html, .json, .jsonl)")],
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format")] = OutFormat.jsonl,
    min_confidence: Annotated[float, typer.Option(help="Drop events below this confidence")] = 0.0,
) -> None:
    """Extract events and print them to stdout (nothing is stored)."""
    from sigact.output import WRITERS
    from sigact.pipeline import run

    rows: list[dict[str, object]] = []
    ok = 0
    failed = 0
    for result in run(inputs, min_confidence):
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


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .html, .json, .jsonl)")],
    db: Annotated[str, typer.Option("--db", help="SQLite path or SQLAlchemy URL")] = DEFAULT_DB,
    progress: Annotated[bool, typer.Option(help="Show a progress bar (default: on a terminal)")] = True,
) -> None:
    """Extract events and store documents, mentions and deduplicated events in the database."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from sigact.pipeline import run
    from sigact.store import IngestSummary, Store

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
        for result in run(inputs):
            if result.error is not None:
                _error_line(result.error)
            try:
                store.add_result(result, summary)
            except SigactError as e:
                summary.failed += 1
                _error_line(e)
            bar.advance(task)
    counts = store.counts()
    err.print(
        f"documents: {summary.new} new, {summary.unchanged} unchanged, {summary.failed} failed; "
        f"events: {summary.events_new} new, {summary.events_linked} linked to known events; "
        f"database {db}: {counts['documents']} documents, {counts['events']} events", soft_wrap=True,
        markup=False)
    if summary.new + summary.unchanged == 0:
        raise typer.Exit(1)


@app.command("clean")
def clean_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .html, .json, .jsonl, .warc[.gz])")],
    fmt: Annotated[CleanFormat, typer.Option("--format", "-f", help="Output format")] = CleanFormat.jsonl,
) -> None:
    """Print what cleaning made of each document: main text and metadata, no extraction."""
    from sigact.clean import clean
    from sigact.errors import InputError
    from sigact.ingest import read_inputs
    from sigact.language import skip_reason

    ok = failed = 0
    for item in read_inputs(inputs):
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
