"""`tellings serve`: the web UI and JSON API."""

from __future__ import annotations

import click

from . import cli, console


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the web UI and JSON API over the collection, read-only."""
    import uvicorn

    from ..errors import TellingsError
    from ..web import create_app

    path = ctx.obj
    console.print(f"Reading {path} (resolving events once; large collections take a while)")
    try:
        app = create_app(path)
    except TellingsError as exc:
        raise click.ClickException(exc.message) from exc
    where = (
        "only this machine can connect"
        if host in ("127.0.0.1", "localhost", "::1")
        else ("other machines can connect: this exposes the collection on the network")
    )
    console.print(
        f"Serving http://{host}:{port}/ ({where}); the API is at /api/, described at "
        "/openapi.json. Ctrl-C stops."
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
