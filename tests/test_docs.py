"""The docs stay true: the CLI reference is current and the README's commands are the real ones."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from tellings import clidocs

REPO = Path(__file__).resolve().parent.parent


def test_cli_reference_is_current() -> None:
    current = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == clidocs.render(), (
        "docs/cli.md is stale: run `python -m tellings.clidocs > docs/cli.md`"
    )


def test_every_command_is_in_the_reference() -> None:
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in clidocs.cli.commands:
        assert f"## `tellings {name}`" in text


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(\./scripts/\S+)", readme, flags=re.MULTILINE)
    assert commands == ["./scripts/demo", "./scripts/test"]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "./scripts/test" in ci.splitlines()[-1]


def test_linked_docs_exist() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\(((?:docs|examples)/[^)]+)\)", readme):
        assert (REPO / link).exists(), link


def test_every_ledger_entry_kind_is_documented() -> None:
    from tellings.projection import REPLAYERS

    text = (REPO / "docs" / "ledger.md").read_text(encoding="utf-8")
    for kind in REPLAYERS:
        assert f"`{kind}`" in text, kind


def test_every_range_rule_and_export_is_documented() -> None:
    from tellings.reconcile import RULES

    events = (REPO / "docs" / "events.md").read_text(encoding="utf-8")
    for name in RULES:
        assert f"`{name}`" in events, name
    cli = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    exports = (REPO / "docs" / "exports.md").read_text(encoding="utf-8")
    group = clidocs.cli.commands["export"]
    assert isinstance(group, click.Group)
    formats = {"claims", "events", "acled", "geojson", "timelinejs", "annotations", "report"}
    assert formats <= set(group.commands)
    for fmt in formats:
        assert f"## `tellings export {fmt}`" in exports, fmt
    guides = " ".join(
        path.read_text(encoding="utf-8")
        for path in (REPO / "docs").glob("*.md")
        if path.name != "cli.md"
    )
    for fmt in group.commands:
        assert f"## `tellings export {fmt}`" in cli, fmt
        assert f"tellings export {fmt}" in guides, f"no guide in docs/ describes export {fmt}"


def test_every_export_field_is_documented() -> None:
    from tellings.export import acled, claims, events

    exports = (REPO / "docs" / "exports.md").read_text(encoding="utf-8")
    for module in (claims, events, acled):
        for name in module.FIELDS:
            assert f"`{name}`" in exports, f"{module.__name__}.{name}"


def test_the_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert code is not None
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "note.txt").write_text(
        "On 2 June 2012 a raid on the depot left 3 dead.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    exec(compile(code.group(1), "README.md", "exec"), {})
    assert (tmp_path / "case.db").exists()


def test_every_web_page_and_endpoint_is_documented() -> None:
    from starlette.routing import Route

    from tellings.web import api, pages

    text = (REPO / "docs" / "web.md").read_text(encoding="utf-8")
    for route in [*pages.routes, *api.routes]:
        assert isinstance(route, Route)
        if route.path.endswith("/original"):
            continue
        path = re.sub(r"\{\w+_id\}", "{id}", route.path)
        assert f"`{path}" in text, route.path
