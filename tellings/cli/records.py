"""Commands for the record's contents: create, ingest, status, documents, sources."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..errors import TellingsError
from ..ingest import DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS
from ..ingest.batch import IngestOutcome, IngestReport
from ..model import SOURCE_TYPES, DocumentMeta
from . import cli, console, err, opened


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
        f"{st.counts['sources']} sources, {st.counts['claims']} claims (with superseded "
        f"versions), {st.counts['ledger']} ledger entries, {st.counts['checkpoints']} checkpoints"
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
        marked = any(s.restricted for s in rows)
        if marked:
            table.add_column("restricted")
        for s in rows:
            cells = [s.id, s.name, s.type or "", s.affiliation or "", s.reliability or ""]
            cells.append(str(counts.get(s.id, 0)))
            if marked:
                cells.append("yes" if s.restricted else "")
            table.add_row(*cells)
        console.print(table)


@sources.command("edit")
@click.argument("name")
@click.option("--name", "new_name", help="A new name.")
@click.option("--type", "type_", help="One of: " + ", ".join(SOURCE_TYPES) + " ('' clears).")
@click.option("--affiliation", help="The party the source is aligned with ('' clears).")
@click.option("--reliability", help="Admiralty grade A-F ('' clears).")
@click.option(
    "--restricted/--not-restricted",
    default=None,
    help="Whether the source's documents must stay in the collection "
    "(`export bundle --exclude-restricted` withholds them).",
)
@click.pass_context
def sources_edit(
    ctx: click.Context,
    name: str,
    new_name: str | None,
    type_: str | None,
    affiliation: str | None,
    reliability: str | None,
    restricted: bool | None,
) -> None:
    """Change a source's name, type, affiliation, reliability or restriction (recorded in
    the ledger)."""
    with opened(ctx) as collection:
        try:
            s = collection.edit_source(
                name,
                new_name=new_name,
                type=type_,
                affiliation=affiliation,
                reliability=reliability,
                restricted=restricted,
            )
        except TellingsError as exc:
            raise click.ClickException(exc.message) from exc
    console.print(
        f"{s.name}: type {s.type or '-'}, affiliation {s.affiliation or '-'}, "
        f"reliability {s.reliability or '-'}" + (", restricted" if s.restricted else ""),
        markup=False,
    )
