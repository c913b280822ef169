"""Exports for other tools, written through the CLI from real collections and read back
with standard readers: ACLED-like CSV, GeoJSON, TimelineJS, Web Annotations, the report."""

from __future__ import annotations

import csv
import json
import math
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

import tellings
from tellings.cli import cli
from tellings.model import DocumentMeta

BULLETIN = (
    "Bulletin drafted for the export tests\n\n"
    "On 4 March 2014, a mortar barrage hit Camp Tamarisk and killed 11 farmers. "
    "Medics treated 30 wounded residents.\n\n"
    "On 20 April 2014 a raid on Camp Tamarisk left 2 dead.\n\n"
    "In May 2014, guards at Camp Tamarisk detained 6 residents.\n"
)
RELIEF = (
    'Relief update <script>alert("x")</script> drafted for the export tests\n\n'
    "On 4 March 2014, shells struck Camp Tamarisk and killed 13 farmers "
    '<script>alert("x")</script> in their fields.\n'
)
FIELD_NOTES = (
    "<!DOCTYPE html>\n<html><head><title>Field notes</title>"
    '<script>document.title = "replaced";</script></head>\n'
    "<body><article><h1>Field notes from the camp</h1>\n"
    "<p>On 20 April 2014 a raid on Camp Tamarisk left 3 dead, the field team wrote.</p>\n"
    "<p>The team came back a week later and found the gate mended.</p>\n"
    "</article></body></html>\n"
)
FORMATS = {
    "acled": "events.csv",
    "geojson": "events.geojson",
    "timelinejs": "timeline.json",
    "annotations": "claims.jsonld",
    "report": "report.html",
}


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    """Three accounts of a shelling and a raid at a camp the gazetteer is taught."""
    texts = {"bulletin.txt": BULLETIN, "relief.txt": RELIEF, "notes.html": FIELD_NOTES}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "case.db"
    with tellings.open(db) as collection:
        collection.add_alias(
            "camp-tamarisk", "Camp Tamarisk", kind="camp", lat=34.25, lon=43.5, parent="iraq"
        )
        collection.ingest(
            [tmp_path / "bulletin.txt"],
            meta=DocumentMeta(source="Tamarisk Wire", source_type="news", published="2014-06-02"),
        )
        collection.ingest(
            [tmp_path / "relief.txt"],
            meta=DocumentMeta(source="Relief <Agency>", source_type="ngo", published="2014-03-10"),
        )
        collection.ingest(
            [tmp_path / "notes.html"],
            meta=DocumentMeta(source="Field Team", source_type="ngo", published="2014-05-01"),
        )
    return db


def export(db: Path, fmt: str, out: Path, *options: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "export", fmt, "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output


def test_acled_row_has_the_conservative_figure_and_the_dispute(
    collection_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "events.csv"
    export(collection_path, "acled", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    march = [r for r in rows if r["event_date"] == "2014-03-04"]
    assert len(march) == 1, rows
    row = march[0]
    assert row["fatalities"] == "11"
    assert row["fatalities_rule"] == "reconcile.conservative.v1"
    assert "Sources disagree" in row["notes"]
    assert "11 (Tamarisk Wire)" in row["notes"] and "13 (Relief <Agency>)" in row["notes"]
    assert "conservative figure 11" in row["notes"]
    assert row["location"] == "Camp Tamarisk" and row["country"] == "Iraq"
    assert (float(row["latitude"]), float(row["longitude"])) == (34.25, 43.5)
    assert row["time_precision"] == "1" and row["year"] == "2014"
    assert row["event_id_cnty"].startswith("IRQ")
    assert set(row["source"].split("; ")) == {"Tamarisk Wire", "Relief <Agency>"}
    # A month-long date is given as its middle, with precision 3, the EDTF kept beside it.
    may = next(r for r in rows if r["edtf"] == "2014-05")
    assert may["event_date"] == "2014-05-16" and may["time_precision"] == "3"
    assert may["fatalities"] == ""  # detained, nobody counted killed
    # pandas reads the same file: one row per event.
    frame = pd.read_csv(out)
    assert frame["tellings_event"].is_unique
    assert frame["fatalities"].sum() == 11 + 2


def test_geojson_places_events_longitude_first(collection_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    export(collection_path, "geojson", out, "--rule", "reconcile.ucdp.v1")
    data = json.loads(out.read_text(encoding="utf-8"))
    check_feature_collection(data)
    assert len(data["features"]) == 3
    march = next(f for f in data["features"] if f["properties"]["date"] == "2014-03-04")
    assert march["geometry"]["coordinates"] == [43.5, 34.25]
    props = march["properties"]
    assert props["place"] == "Camp Tamarisk" and props["rule"] == "reconcile.ucdp.v1"
    assert (props["killed_low"], props["killed_high"]) == (11, 13)
    assert props["killed_best"] in (11, 13)
    assert props["wounded_best"] == 30
    assert props["conflicts"] == 1


def check_feature_collection(data: dict[str, Any]) -> None:
    """RFC 7946: a FeatureCollection of Features with Point geometries, [lon, lat]."""
    assert data["type"] == "FeatureCollection"
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert isinstance(lon, float | int) and isinstance(lat, float | int)
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(feature["properties"]["id"], str)


def test_timelinejs_gives_ranges_and_escapes_text(collection_path: Path, tmp_path: Path) -> None:
    with tellings.open(collection_path) as collection:
        book = collection.events()
        march = next(e for e in book.events if e.start and e.start.isoformat() == "2014-03-04")
        collection.rename_event(march.id, "Shelling <b>of</b> the camp")
    out = tmp_path / "timeline.json"
    export(collection_path, "timelinejs", out, "--title", "Camp <Tamarisk>")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["title"]["text"]["headline"] == "Camp &lt;Tamarisk&gt;"
    slides = {s["unique_id"]: s for s in data["events"]}
    shelling = slides[march.id]
    assert shelling["start_date"] == {"year": 2014, "month": 3, "day": 4}
    assert "end_date" not in shelling
    assert shelling["text"]["headline"] == "Shelling &lt;b&gt;of&lt;/b&gt; the camp"
    text = shelling["text"]["text"]
    assert "Sources disagree" in text and "Relief &lt;Agency&gt;" in text
    assert "<b>" not in text and "<Agency>" not in text
    may = next(s for s in data["events"] if s["start_date"]["month"] == 5)
    assert may["start_date"] == {"year": 2014, "month": 5, "day": 1}
    assert may["end_date"] == {"year": 2014, "month": 5, "day": 31}
    assert may["display_date"] == "May 2014"


def test_annotations_select_each_quote_in_its_document(
    collection_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "claims.jsonld"
    export(collection_path, "annotations", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["first"]["type"] == "AnnotationPage" and data["total"] == len(items) > 0
    with tellings.open(collection_path) as collection:
        texts = {
            f"urn:sha256:{d.id}": collection.document(d.id).text for d in collection.documents()
        }
    seen = set()
    for item in items:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:")
        target = item["target"]
        text = texts[target["source"]]
        selectors = {s["type"]: s for s in target["selector"]}
        quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])
        fields = json.loads(
            next(b for b in item["body"] if b.get("format") == "application/json")["value"]
        )
        seen.add((fields["measure"], fields["low"], fields["event_date"]))
        assert fields["event"].startswith("ev-")
    assert ("killed", 13, "2014-03-04") in seen and ("killed", 11, "2014-03-04") in seen


class _Page(HTMLParser):
    """What a browser would fetch or run: tags, their URLs, and the text shown."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "poster", "data") and value:
                self.urls.append(value)
            if name == "id" and value:
                self.ids.add(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_report_is_self_contained_and_escapes_document_text(
    collection_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    export(collection_path, "report", out, "--rule", "reconcile.conservative.v1")
    html = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    assert "script" not in page.tags and "iframe" not in page.tags and "img" not in page.tags
    assert "<script" not in html.lower()
    # The words after the figure in one document hold a <script>: shown, escaped.
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    for url in page.urls:
        assert url.startswith("#"), url
        assert url[1:] in page.ids, url
    assert "@media print" in html and "break-before: page" in html
    assert "overflow: scroll" not in html and "overflow-y" not in html
    shown = " ".join(" ".join(page.text).split())
    for words in ("Timeline", "Sources", "Conflicts", "reconcile.conservative.v1"):
        assert words in shown
    # The side-by-side table: both figures with their sources, and the range.
    assert "Relief <Agency>" in shown and "Tamarisk Wire" in shown
    assert "11 – 11 – 11 (reconcile.conservative.v1)" in shown
    assert "cannot reach" in shown
    assert "replaced" not in shown  # the HTML page's own script never reaches the text


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_bad_output_paths_are_named(collection_path: Path, tmp_path: Path, fmt: str) -> None:
    runner = CliRunner()
    db = ["--db", str(collection_path)]
    missing = tmp_path / "nowhere" / FORMATS[fmt]
    result = runner.invoke(cli, [*db, "export", fmt, "-o", str(missing)])
    assert result.exit_code == 1
    assert str(missing) in result.output and "does not exist" in result.output
    wrong = tmp_path / "export.txt"
    result = runner.invoke(cli, [*db, "export", fmt, "-o", str(wrong)])
    assert result.exit_code == 1
    assert str(wrong) in result.output and "give a name ending in" in result.output
    assert not wrong.exists()
    result = runner.invoke(cli, [*db, "export", fmt, "-o", str(tmp_path)])
    assert result.exit_code == 1 and "is a folder" in result.output


@pytest.mark.parametrize("fmt", ["claims", "events"])
def test_older_exports_name_a_missing_folder(
    collection_path: Path, tmp_path: Path, fmt: str
) -> None:
    missing = tmp_path / "nowhere" / f"{fmt}.csv"
    result = CliRunner().invoke(
        cli, ["--db", str(collection_path), "export", fmt, "-o", str(missing)]
    )
    assert result.exit_code == 1
    assert str(missing) in result.output and "does not exist" in result.output


def test_claims_and_events_as_data_frames(collection_path: Path) -> None:
    with tellings.open(collection_path) as collection:
        claims = collection.claims_frame()
        events = collection.events_frame(rule="reconcile.conservative.v1")
    killed = claims[claims["measure"] == "killed"]
    assert sorted(killed["low"]) == [2, 3, 11, 13]
    assert set(killed["source"]) == {"Tamarisk Wire", "Relief <Agency>", "Field Team"}
    march = events[(events["measure"] == "killed") & (events["date_start"] == "2014-03-04")]
    assert list(march["best"]) == [11]
    assert str(events["date_start"].dtype).startswith("datetime64")


def test_empty_collection_exports_empty_files(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    with tellings.open(db) as collection:
        assert collection.claims_frame().empty and collection.events_frame().empty
    for fmt, name in FORMATS.items():
        export(db, fmt, tmp_path / name)
    assert json.loads((tmp_path / "events.geojson").read_text())["features"] == []
    assert json.loads((tmp_path / "timeline.json").read_text())["events"] == []
    assert json.loads((tmp_path / "claims.jsonld").read_text())["total"] == 0
    assert pd.read_csv(tmp_path / "events.csv").empty


@pytest.fixture(scope="module")
def seed_exports(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every format exported from the seed documents."""
    folder = tmp_path_factory.mktemp("seed-exports")
    db = folder / "seeds.db"
    with tellings.open(db) as collection:
        collection.ingest([shared_dir / "seeds"])
    for fmt, name in FORMATS.items():
        export(db, fmt, folder / name)
    return folder


def test_seed_exports_read_back(seed_exports: Path) -> None:
    with (seed_exports / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    frame = pd.read_csv(seed_exports / "events.csv")
    assert len(frame) == len(rows) > 0
    # The seeds disagree about the dead of 28 July 2009 (11 against 13) and of 8 April
    # 2011 ("as many as 34" against 36); the conservative figure is the lowest credible.
    july = next(r for r in rows if r["event_date"] == "2009-07-28")
    assert "Sources disagree on the number killed" in july["notes"]
    assert "13" in july["notes"] and "11" in july["notes"]
    assert int(july["fatalities"]) <= 11
    april = next(r for r in rows if r["event_date"] == "2011-04-08")
    assert int(april["fatalities"]) == 34 and "up to 34" in april["notes"]

    geo = json.loads((seed_exports / "events.geojson").read_text(encoding="utf-8"))
    check_feature_collection(geo)
    assert any(f["properties"]["place"] == "Camp Ashraf" for f in geo["features"])
    for feature in geo["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert not (math.isclose(lon, 33.63) and math.isclose(lat, 44.6))  # never lat first

    timeline = json.loads((seed_exports / "timeline.json").read_text(encoding="utf-8"))
    assert timeline["events"] and all("year" in s["start_date"] for s in timeline["events"])
    years = [s["start_date"]["year"] for s in timeline["events"]]
    assert 2009 in years and min(years) > 1900

    annotations = json.loads((seed_exports / "claims.jsonld").read_text(encoding="utf-8"))
    items = annotations["first"]["items"]
    assert annotations["total"] == len(items) > 0
    for item in items:
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        start, end = (
            selectors["TextPositionSelector"]["start"],
            selectors["TextPositionSelector"]["end"],
        )
        assert end - start == len(selectors["TextQuoteSelector"]["exact"])

    page = _Page()
    page.feed((seed_exports / "report.html").read_text(encoding="utf-8"))
    assert "script" not in page.tags
    assert all(url.startswith("#") for url in page.urls)
    assert "Camp Ashraf" in " ".join(page.text)


CHROMIUM = Path("/usr/bin/chromium")


def test_report_prints_to_pdf_with_a_page_per_section(
    collection_path: Path, tmp_path: Path
) -> None:
    """Chromium prints the report with its print stylesheet, fetching nothing."""
    import io

    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: printing the report needs Debian's Chromium; install it "
            "with `apt-get install -y chromium`"
        )
    out = tmp_path / "report.html"
    export(collection_path, "report", out)
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(out.as_uri())
        pdf = page.pdf(format="A4")
        browser.close()
    assert requests == [out.as_uri()]
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]
    firsts = [text.strip().splitlines()[0].strip() for text in pages if text.strip()]
    for heading in ("Events", "Sources", "Conflicts"):
        assert heading in firsts, firsts
    printed = " ".join(pages)
    assert "Relief <Agency>" in printed and "killed 13" in printed
