"""The API's OpenAPI 3.1 description, served at `/openapi.json`."""

from __future__ import annotations

from typing import Any

from .. import __version__

_PAGE = [
    {
        "name": "after",
        "in": "query",
        "description": "Where the page starts: the value in the previous page's `next` URL.",
        "schema": {"type": "string", "pattern": "^[0-9]{0,12}$"},
    },
    {
        "name": "limit",
        "in": "query",
        "description": "How many items (1-500); empty for the default.",
        "schema": {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 500},
                {"type": "string", "maxLength": 0},
            ]
        },
    },
]
# Text parameters: at most 200 characters, never a NUL (params.text).
_TEXT = {"type": "string", "maxLength": 200, "pattern": "^[^\\x00]*$"}
# A year, month or day (2011, 2011-04, 2011-04-08) that exists, or empty (as a form
# sends it) for none; 29 February is left out of the pattern because leap years are
# beyond what a pattern says plainly.
_DATE = {
    "type": "string",
    "pattern": "^([1-9][0-9]{3}(-(0[1-9]|1[0-2])"
    "|-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])"
    "|-(0[13-9]|1[0-2])-(29|30)"
    "|-(0[13578]|1[02])-31)?)?$",
}
_EVENT_FILTERS = [
    {"name": name, "in": "query", "description": description, "schema": schema}
    for name, description, schema in (
        ("place", "Only events at a place whose name contains this.", _TEXT),
        ("type", "Only events of this type (attack, raid, siege, ...).", _TEXT),
        (
            "source_type",
            "Only events some source of this type speaks of (news, ngo, ...).",
            _TEXT,
        ),
        ("measure", "Only events with claims of this measure (killed, wounded, ...).", _TEXT),
        (
            "from",
            "Only events that can fall on or after this date (2011, 2011-04, 2011-04-08).",
            _DATE,
        ),
        ("to", "Only events that can fall on or before this date.", _DATE),
    )
]


def _text(name: str, description: str, *, required: bool = False) -> dict[str, Any]:
    # A required text must hold something besides spaces: blank counts as absent.
    schema = {**_TEXT, "pattern": "^[^\\x00]*[^\\s\\x00][^\\x00]*$"} if required else _TEXT
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
    }


def _path(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string", "maxLength": 200},
    }


def _list(item: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["items", "next"],
        "properties": {
            "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}},
            "next": {"type": ["string", "null"], "description": "URL of the next page."},
        },
    }


def _get(summary: str, schema: dict[str, Any], parameters: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
                "400": _error("A parameter cannot be used as given."),
                "404": _error("No such record."),
            },
        }
    }


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


_OBJECT = {"type": "object", "additionalProperties": True}
_CLAIM = {
    "type": "object",
    "required": ["id", "document", "measure", "low", "quote", "start", "end", "selector"],
    "properties": {
        "id": {"type": "string"},
        "document": {"type": "string", "description": "The document's SHA-256."},
        "measure": {"type": "string"},
        "low": {"type": ["number", "null"]},
        "high": {"type": ["number", "null"], "description": "null: no upper bound."},
        "qualifier": {"type": "string"},
        "event_date": {"type": ["string", "null"], "description": "EDTF."},
        "quote": {"type": "string", "description": "text[start:end] of the stored text."},
        "start": {"type": "integer"},
        "end": {"type": "integer"},
        "selector": _OBJECT,
        "position": _OBJECT,
    },
    "additionalProperties": True,
}


def spec() -> dict[str, Any]:
    """The OpenAPI document of the JSON API."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "tellings",
            "version": __version__,
            "description": "A collection's events, claims, documents, sources and conflicts. "
            "Read-only. Lists are pages: follow `next` until it is null.",
        },
        "paths": {
            "/api/events": _get(
                "Events by date, with their ranges", _list("Event"), [*_EVENT_FILTERS, *_PAGE]
            ),
            "/api/events/{event_id}": _get(
                "One event: per measure, every account side by side, its range and conflicts",
                _ref("EventDetail"),
                [_path("event_id", "An event id (ev-...) or a unique prefix.")],
            ),
            "/api/claims": _get(
                "Claims, with quote, offsets and selector",
                _list("Claim"),
                [
                    _text("document", "Only claims of this document (id, prefix or name)."),
                    _text("measure", "Only claims of this measure."),
                    _text("event", "Only claims of this event."),
                    *_PAGE,
                ],
            ),
            "/api/documents": _get(
                "Documents and their sources",
                _list("Document"),
                [_text("source", "Only documents of this source (its name)."), *_PAGE],
            ),
            "/api/documents/{document_id}": _get(
                "One document: metadata, stored text and claims",
                _ref("Document"),
                [_path("document_id", "A document's SHA-256, a unique prefix, or its name.")],
            ),
            "/api/sources": _get("Sources and how many claims each made", _list("Source"), _PAGE),
            "/api/conflicts": _get(
                "Every disagreement, most serious first",
                _list("Conflict"),
                [_text("measure", "Only conflicts about this measure."), *_PAGE],
            ),
            "/api/search": _get(
                "Full-text search over documents",
                _list("SearchHit"),
                [
                    _text(
                        "q",
                        "The words to search for; a trailing * matches a prefix.",
                        required=True,
                    ),
                    *_PAGE,
                ],
            ),
        },
        "components": {
            "schemas": {
                "Claim": _CLAIM,
                "Event": {
                    "type": "object",
                    "required": ["id", "title", "ranges", "rule"],
                    "additionalProperties": True,
                },
                "EventDetail": {
                    "type": "object",
                    "required": ["id", "by_measure"],
                    "additionalProperties": True,
                },
                "Document": {
                    "type": "object",
                    "required": ["id", "sha256", "name"],
                    "additionalProperties": True,
                },
                "Source": {
                    "type": "object",
                    "required": ["id", "name"],
                    "additionalProperties": True,
                },
                "Conflict": {
                    "type": "object",
                    "required": ["event", "measure", "a", "b", "why"],
                    "additionalProperties": True,
                },
                "SearchHit": {
                    "type": "object",
                    "required": ["document", "snippet"],
                    "additionalProperties": True,
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                            },
                        }
                    },
                },
            }
        },
    }
