"""The JSON API against its own OpenAPI description: requests generated from the schema
the app serves at `/openapi.json` reach the app in process over a real collection built
from the examples; no answer is a server error and every answer matches the schema.

The examples are the same on every run, so that a check is repeatable; set
`TELLINGS_FUZZ=1` to draw new ones each run and search further."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from starlette.applications import Starlette
from starlette.testclient import TestClient

import tellings
from tellings.web import create_app
from tellings.web.openapi import spec

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Loaded at import so that each operation is its own test; `test_the_schema_is_served`
# holds it to what the app serves.
schema = schemathesis.openapi.from_dict(spec())


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Starlette:
    db = tmp_path_factory.mktemp("schema") / "c.db"
    with tellings.open(db) as collection:
        report = collection.ingest(manifest=EXAMPLES / "manifest.csv")
        assert not report.failed
    return create_app(db)


def test_the_schema_is_served(app: Starlette) -> None:
    assert TestClient(app).get("/openapi.json").json() == spec()


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize="TELLINGS_FUZZ" not in os.environ,
)
def test_api_answers_as_described(app: Starlette, case: schemathesis.Case) -> None:
    response = case.call(app=app)
    assert response.status_code < 500, response.text
    case.validate_response(response)
