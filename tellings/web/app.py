"""The ASGI app: pages, the JSON API, `/openapi.json` and the packaged static files.

`create_app(path)` opens the collection once and serves it read-only. Errors become
answers a person can act on: JSON `{"error": {"code", "message"}}` under `/api/`, a
page elsewhere.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import NotFound, TellingsError
from . import api, pages
from .openapi import spec
from .snapshot import Reader

_STATUS = {"not-found": 404, "bad_parameter": 400, "invalid-value": 400}


async def openapi_json(request: Request) -> JSONResponse:
    return JSONResponse(spec())


def _error(
    request: Request,
    status: int,
    code: str,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse(
            {"error": {"code": code, "message": message}}, status_code=status, headers=headers
        )
    page = pages.render(
        request, "error.html", status=status, title="Error", message=message, status_code=status
    )
    page.headers.update(headers or {})
    return page


async def tellings_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, TellingsError)
    status = 404 if isinstance(exc, NotFound) else _STATUS.get(exc.code, 400)
    return _error(request, status, exc.code, exc.message)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = (
        f"nothing at {request.url.path}; the API is described at /openapi.json"
        if exc.status_code == 404
        else str(exc.detail)
    )
    code = "not-found" if exc.status_code == 404 else "http-error"
    # A 405 keeps its `Allow` header (RFC 9110 §15.5.6).
    return _error(request, exc.status_code, code, message, exc.headers)


async def server_error(request: Request, exc: Exception) -> Response:
    return _error(
        request,
        500,
        "server-error",
        f"the server failed on this request ({type(exc).__name__}); the collection is unchanged",
    )


def create_app(path: str | Path) -> Starlette:
    """The web UI and JSON API over the collection at `path`, read-only."""
    if not Path(path).exists():
        raise NotFound(f"{path}: no collection there; create one with `tellings ingest`")
    reader = Reader(path)
    reader.snapshot()  # resolve the events before the first request

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        reader.open()  # a server, or a test client, may run the app more than once
        yield
        reader.close()

    static = resources.files("tellings.web") / "static"
    app = Starlette(
        routes=[
            *pages.routes,
            *api.routes,
            Route("/openapi.json", openapi_json),
            Mount("/static", StaticFiles(directory=str(static)), name="static"),
        ],
        exception_handlers={
            TellingsError: tellings_error,
            HTTPException: http_error,
            500: server_error,
        },
        lifespan=lifespan,
    )
    app.state.reader = reader
    return app
