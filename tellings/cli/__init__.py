"""The `tellings` command: a thin layer over `tellings.Collection`.

Each command parses its options, opens the collection, calls one library method
and turns library errors into a clean message and an exit code. The commands live in
modules by subject (records, ledger, claims, events) and register on `cli` when this
package is imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console

from .. import __version__
from ..collection import Collection
from ..collection import open as open_collection
from ..errors import TellingsError

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


def main() -> None:
    cli(prog_name="tellings")


# The commands, registered on `cli` as their modules are imported.
from . import bundle, claims, events, exports, ledger, records, web  # noqa: E402, F401
