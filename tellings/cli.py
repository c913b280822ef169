"""The `tellings` command: a thin layer over `tellings.Collection`.

Each command parses its options, opens the collection, calls one library method
and turns library errors into a clean message and an exit code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import __version__
from .collection import Collection
from .collection import open as open_collection
from .errors import TellingsError
from .ingest import DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS
from .ingest.batch import IngestOutcome, IngestReport
from .ledger.proof import InclusionProof, check_inclusion_proof
from .model import PEOPLE_MEASURES, SOURCE_TYPES, DocumentMeta

F = TypeVar("F", bound=Callable[..., Any])
console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="TELLINGS_DB",
    default="tellings.db",
    show_default=True,
    help="The collection file (also $TELLINGS_DB).",
)
@click.version_option(__version__, prog_name="tellings")
@click.pass_context
def cli(ctx: click.Context, db: Path) -> None:
    """Many tellings of the same events, one sourced and verifiable record."""
    ctx.obj = db


@contextmanager
def opened(ctx: click.Context) -> Iterator[Collection]:
    """The collection named by --db, with library errors turned into clean exits."""
    try:
        with open_collection(ctx.obj) as collection:
            yield collection
    except TellingsError as exc:
        raise click.ClickException(exc.message) from exc


@cli.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create a collection (other commands create it on first use too)."""
    with opened(ctx) as collection:
        status = collection.status()
        console.print(f"Collection {status.path}")
        console.print(f"  origin  {status.origin}")
        console.print(
            f"  key     {status.key_id}  (keep this fingerprint elsewhere: "
            "`tellings verify --expect-key` checks it)"
        )


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, path_type=Path),
    help="CSV or JSONL with columns path, source, source_type, url, published, language.",
)
@click.option("--source", help="Who published these documents (created on first mention).")
@click.option("--source-type", type=click.Choice(SOURCE_TYPES), help="The kind of source.")
@click.option("--url", help="Where the document was found.")
@click.option("--published", help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--language", help="Language code, e.g. en.")
@click.option("--title", help="Title, when the file's own is missing or wrong.")
@click.option(
    "--max-size",
    type=float,
    default=DEFAULT_MAX_BYTES / 1024 / 1024,
    show_default=True,
    help="Refuse files larger than this many MB.",
)
@click.option("--no-extract", is_flag=True, help="Store the documents without extracting claims.")
@click.option("-v", "--verbose", is_flag=True, help="One line per file.")
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    manifest: Path | None,
    source: str | None,
    source_type: str | None,
    url: str | None,
    published: str | None,
    language: str | None,
    title: str | None,
    max_size: float,
    no_extract: bool,
    verbose: bool,
) -> None:
    """Take files and folders (recursively) into the collection.

    Formats:"""
    if not paths and manifest is None:
        raise click.UsageError("give files or folders to ingest, or --manifest FILE")
    meta = DocumentMeta(
        source=source,
        source_type=source_type,
        url=url,
        published=published,
        language=language,
        title=title,
    )
    with opened(ctx) as collection:
        collection.extract_on_ingest = not no_extract
        progress = _BatchProgress(verbose)
        with progress:
            report = collection.ingest(
                paths,
                meta=meta,
                manifest=manifest,
                max_bytes=int(max_size * 1024 * 1024),
                progress=progress,
            )
        _print_ingest_summary(report)
    if not report.ok:
        sys.exit(1)


ingest.help = (ingest.help or "") + ", ".join(SUPPORTED_EXTENSIONS) + "."


class _BatchProgress:
    """A Rich progress bar on a terminal for more than a few files; plain lines otherwise."""

    def __init__(self, verbose: bool) -> None:
        self.verbose = verbose
        self.bar: Progress | None = None
        self.task: Any = None

    def __enter__(self) -> _BatchProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def start(self, total: int) -> None:
        if total > 3 and err.is_terminal:
            self.bar = Progress(
                TextColumn("Ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=err,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=total)

    def done(self, outcome: IngestOutcome) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)
        if self.verbose:
            line = f"{outcome.status:<8} {outcome.path}"
            if outcome.reason:
                line += f": {outcome.reason}"
            (self.bar.console if self.bar else console).print(line, markup=False)


def _print_ingest_summary(report: IngestReport) -> None:
    console.print(
        f"{len(report.added)} added, {len(report.present)} already present, "
        f"{len(report.failed)} failed"
    )
    for outcome in report.failed:
        err.print(f"  failed  {outcome.path}: {outcome.reason}", markup=False)


@cli.command()
@click.pass_context
def status(ctx: click.Context) -> None:
    """What the collection holds: documents, sources and the signed ledger."""
    with opened(ctx) as collection:
        st = collection.status()
        documents = collection.documents()
        sources = {s.id: s for s in collection.sources()}
    console.print(f"Collection {st.path}  (key {st.key_id})")
    console.print(
        f"  {st.counts['documents']} documents ({st.originals_bytes:,} bytes of originals), "
        f"{st.counts['sources']} sources, {st.counts['ledger']} ledger entries, "
        f"{st.counts['checkpoints']} checkpoints"
    )
    if st.unsigned_entries:
        console.print(f"  {st.unsigned_entries} entries not yet signed: run `tellings checkpoint`")
    if documents:
        table = Table("document", "source", "type", "published", "format", "title")
        for doc in documents:
            src = sources.get(doc.source_id or "")
            table.add_row(
                doc.name,
                src.name if src else "",
                (src.type or "") if src else "",
                doc.published or "",
                doc.format,
                (doc.title or "")[:60],
            )
        console.print(table)


@cli.group(invoke_without_command=True)
@click.pass_context
def documents(ctx: click.Context) -> None:
    """List documents; `documents show DOC` and `documents original DOC` for one."""
    if ctx.invoked_subcommand is None:
        with opened(ctx) as collection:
            docs = collection.documents()
            sources = {s.id: s.name for s in collection.sources()}
        table = Table("id", "name", "format", "bytes", "source", "published", "title")
        for doc in docs:
            table.add_row(
                doc.id[:12],
                doc.name,
                doc.format,
                f"{doc.size:,}",
                sources.get(doc.source_id or "", ""),
                doc.published or "",
                (doc.title or "")[:50],
            )
        console.print(table)


@documents.command("show")
@click.argument("ref")
@click.option("--text", "show_text", is_flag=True, help="Print the stored text too.")
@click.pass_context
def documents_show(ctx: click.Context, ref: str, show_text: bool) -> None:
    """One document's metadata (DOC: id prefix, name or file name)."""
    with opened(ctx) as collection:
        doc = collection.document(ref)
        source = collection.source_by_id(doc.source_id) if doc.source_id else None
    for label, value in (
        ("id (SHA-256)", doc.id),
        ("file", doc.filename),
        ("format", doc.format),
        ("bytes", f"{doc.size:,}"),
        ("source", source.name if source else None),
        ("title", doc.title),
        ("author", doc.author),
        ("url", doc.url),
        ("published", doc.published),
        ("language", doc.language),
        ("ingested", doc.ingested_at),
        ("reader", doc.extra.get("reader")),
        ("text", f"{len(doc.text):,} characters"),
    ):
        console.print(f"{label:>13}  {value if value is not None else ''}", markup=False)
    if show_text:
        console.print()
        console.print(doc.text, markup=False)


@documents.command("original")
@click.argument("ref")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the original bytes.",
)
@click.pass_context
def documents_original(ctx: click.Context, ref: str, output: Path) -> None:
    """Write a document's original bytes, exactly as ingested."""
    with opened(ctx) as collection:
        data = collection.original(ref)
    output.write_bytes(data)
    console.print(f"Wrote {len(data):,} bytes to {output}")


@cli.group(invoke_without_command=True)
@click.pass_context
def sources(ctx: click.Context) -> None:
    """List sources; `sources edit NAME` grades one."""
    if ctx.invoked_subcommand is None:
        with opened(ctx) as collection:
            rows = collection.sources()
            counts = collection.source_document_counts()
        table = Table("id", "name", "type", "affiliation", "reliability", "documents")
        for s in rows:
            table.add_row(
                s.id,
                s.name,
                s.type or "",
                s.affiliation or "",
                s.reliability or "",
                str(counts.get(s.id, 0)),
            )
        console.print(table)


@sources.command("edit")
@click.argument("name")
@click.option("--name", "new_name", help="A new name.")
@click.option("--type", "type_", help="One of: " + ", ".join(SOURCE_TYPES) + " ('' clears).")
@click.option("--affiliation", help="The party the source is aligned with ('' clears).")
@click.option("--reliability", help="Admiralty grade A-F ('' clears).")
@click.pass_context
def sources_edit(
    ctx: click.Context,
    name: str,
    new_name: str | None,
    type_: str | None,
    affiliation: str | None,
    reliability: str | None,
) -> None:
    """Change a source's name, type, affiliation or reliability (recorded in the ledger)."""
    with opened(ctx) as collection:
        try:
            s = collection.edit_source(
                name,
                new_name=new_name,
                type=type_,
                affiliation=affiliation,
                reliability=reliability,
            )
        except TellingsError as exc:
            raise click.ClickException(exc.message) from exc
    console.print(
        f"{s.name}: type {s.type or '-'}, affiliation {s.affiliation or '-'}, "
        f"reliability {s.reliability or '-'}",
        markup=False,
    )


@cli.command()
@click.option("--expect-key", help="Fail unless the collection is signed by this key id.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def verify(ctx: click.Context, expect_key: str | None, as_json: bool) -> None:
    """Check originals, ledger, checkpoints and tables against the signed record."""
    with opened(ctx) as collection:
        report = collection.verify(expect_key=expect_key)
    if as_json:
        console.print_json(
            json.dumps(
                {
                    "ok": report.ok,
                    "key_id": report.key_id,
                    "entries": report.entries,
                    "checkpoints": report.checkpoints,
                    "originals": report.originals,
                    "original_bytes": report.original_bytes,
                    "seconds": round(report.seconds, 3),
                    "findings": [f.__dict__ for f in report.findings],
                }
            )
        )
    else:
        for finding in report.findings:
            style = "red" if finding.severity == "error" else "yellow"
            console.print(f"[{style}]{finding.severity.upper()}[/{style}] ", end="")
            console.print(str(finding), markup=False)
        verdict = "OK" if report.ok else "FAILED"
        console.print(
            f"{verdict}: {report.entries} ledger entries, {report.checkpoints} checkpoints, "
            f"{report.originals} originals ({report.original_bytes:,} bytes) checked in "
            f"{report.seconds:.2f} s; key {report.key_id}"
        )
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("entry", type=int)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the proof to this file instead of printing it.",
)
@click.pass_context
def proof(ctx: click.Context, entry: int, output: Path | None) -> None:
    """An inclusion proof of ledger ENTRY that `tellings check-proof` checks offline."""
    with opened(ctx) as collection:
        result = collection.proof(entry)
    text = json.dumps(result.to_json(), indent=2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
        console.print(f"Wrote the proof of entry {entry} to {output}")
    else:
        click.echo(text)


@cli.command("check-proof")
@click.argument("proof_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def check_proof(proof_file: Path) -> None:
    """Check an inclusion proof file offline, without any collection."""
    try:
        data = json.loads(proof_file.read_text(encoding="utf-8"))
        check_inclusion_proof(InclusionProof.from_json(data))
    except (ValueError, KeyError, TypeError) as exc:
        raise click.ClickException(f"{proof_file}: not a tellings proof ({exc})") from exc
    except TellingsError as exc:
        raise click.ClickException(f"{proof_file}: {exc.message}") from exc
    console.print(
        f"{proof_file}: valid: entry {data['index']} is in the signed tree of "
        f"{data['size']} entries"
    )


@cli.command()
@click.option("--from", "start", type=int, default=0, help="First entry to show.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.pass_context
def log(ctx: click.Context, start: int, limit: int) -> None:
    """The ledger's entries, oldest first."""
    with opened(ctx) as collection:
        entries = collection.entries(start, limit)
    for entry in entries:
        data = entry.get("data", {})
        label = data.get("filename") or data.get("name") or data.get("origin") or ""
        console.print(
            f"{entry['seq']:>6}  {entry['at']}  {entry['kind']:<18} {label}", markup=False
        )


@cli.command()
@click.pass_context
def checkpoint(ctx: click.Context) -> None:
    """Sign the ledger's current tree head (ingest and edits do this themselves)."""
    with opened(ctx) as collection:
        row = collection.checkpoint()
    if row is None:
        console.print("The last checkpoint already covers the whole ledger.")
    else:
        console.print(f"Signed the tree head at size {row.size}: {row.root.hex()}")


@cli.command()
@click.argument("refs", nargs=-1)
@click.option("--all", "all_documents", is_flag=True, help="Every document in the collection.")
@click.pass_context
def extract(ctx: click.Context, refs: tuple[str, ...], all_documents: bool) -> None:
    """(Re-)extract claims from documents (DOC: id prefix, name or file name).

    New claims are added and claims the extractor no longer finds are marked superseded;
    both are ledger entries, nothing is overwritten.
    """
    if not refs and not all_documents:
        raise click.UsageError("name documents to extract, or give --all")
    with opened(ctx) as collection:
        report = collection.extract(None if all_documents else list(refs))
    console.print(
        f"{report.documents} documents read: {report.added} claims added, "
        f"{report.superseded} superseded"
    )


@cli.command()
@click.option("--doc", "document", help="Only this document (id prefix, name or file name).")
@click.option("--measure", "measures", multiple=True, help="Only this measure (repeatable).")
@click.option("--event", help="Only claims of this event.")
@click.option("--facts", is_flag=True, help="Include facts (area, distance, money, counts).")
@click.option("--superseded", is_flag=True, help="Include superseded claims.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def claims(
    ctx: click.Context,
    document: str | None,
    measures: tuple[str, ...],
    event: str | None,
    facts: bool,
    superseded: bool,
    as_json: bool,
) -> None:
    """List claims: figure, measure, date, place and the exact quote."""
    with opened(ctx) as collection:
        wanted = list(measures) or (None if facts else list(PEOPLE_MEASURES))
        found = collection.claims(
            document=document, measures=wanted, event=event, current=not superseded
        )
        names = {d.id: d.name for d in collection.documents()}
    if as_json:
        for claim in found:
            click.echo(json.dumps(claim.to_json(), ensure_ascii=False))
        return
    table = Table("document", "measure", "figure", "date", "place", "quote", "rule")
    for claim in found:
        table.add_row(
            names.get(claim.document_id, claim.document_id[:12]),
            claim.measure,
            _figure(claim.low, claim.high, claim.qualifier),
            claim.event_date or "",
            claim.place or "",
            claim.quote,
            claim.rule,
        )
    console.print(table)
    console.print(f"{len(found)} claims")


def _figure(low: float, high: float | None, qualifier: str) -> str:
    if high is None:
        return f"{low:g}+"
    if low == high:
        return f"{low:g}"
    return f"{low:g}–{high:g}" + (" ~" if qualifier == "approx" else "")


@cli.group()
def export() -> None:
    """Write the record in other formats."""


@export.command("claims")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="FILE.jsonl (the gold schema) or FILE.csv.",
)
@click.option("--facts", is_flag=True, help="Include facts (area, distance, money, counts).")
@click.pass_context
def export_claims(ctx: click.Context, output: Path, facts: bool) -> None:
    """Claims in the gold schema, plus start, end, rule and source."""
    with opened(ctx.find_root()) as collection:
        count = collection.export_claims(output, facts=facts)
    console.print(f"Wrote {count} claims to {output}")


@cli.group(invoke_without_command=True)
@click.pass_context
def aliases(ctx: click.Context) -> None:
    """Names added to the gazetteer; `aliases add` and `aliases import` add more."""
    if ctx.invoked_subcommand is None:
        with opened(ctx) as collection:
            rows = collection.aliases()
        table = Table("entity", "alias", "kind", "country", "lat", "lon")
        for row in rows:
            table.add_row(
                row["entity_id"],
                row["alias"],
                row["kind"] or "",
                row["country"] or "",
                str(row["lat"] or ""),
                str(row["lon"] or ""),
            )
        console.print(table)


@aliases.command("add")
@click.argument("entity")
@click.argument("alias")
@click.option("--kind", help="For a new entity: place, camp, force, militia, party, ...")
@click.option("--name", help="For a new entity: its canonical name (default: the alias).")
@click.option("--country", help="ISO 3166 alpha-2 code.")
@click.option("--lat", type=float)
@click.option("--lon", type=float)
@click.option("--parent", help="The entity this one lies in (a place id).")
@click.pass_context
def aliases_add(
    ctx: click.Context,
    entity: str,
    alias: str,
    kind: str | None,
    name: str | None,
    country: str | None,
    lat: float | None,
    lon: float | None,
    parent: str | None,
) -> None:
    """Add ALIAS as a name of ENTITY (an id; a new id makes a new entity).

    Run `tellings extract --all` afterwards to read the documents again.
    """
    with opened(ctx.find_root()) as collection:
        row = collection.add_alias(
            entity, alias, kind=kind, name=name, country=country, lat=lat, lon=lon, parent=parent
        )
    console.print(f"{row['alias']!r} now names {row['entity_id']}", markup=False)


@aliases.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def aliases_import(ctx: click.Context, file: Path) -> None:
    """Add every name in a YAML or CSV gazetteer file (columns: id, kind, name, aliases
    separated by '|', country, lat, lon, parent)."""
    with opened(ctx.find_root()) as collection:
        added = collection.import_aliases(file)
    console.print(f"Added {added} names from {file}")


def main() -> None:
    cli(prog_name="tellings")


# Commands about events live in their own module and register on `cli` when imported.
from . import cli_events  # noqa: E402, F401
