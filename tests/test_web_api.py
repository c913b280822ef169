"""The JSON API and the pages, in process through the app's own client, over a real
collection built from the examples and a hostile page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import tellings
from tellings.model import DocumentMeta
from tellings.web import create_app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HOSTILE = """<!doctype html><html><head><title>Hostile page written for the tests</title></head>
<body><article>
<h1>Night raid on Camp Qwerty</h1>
<p>On 14 May 2012, gunmen stormed Camp Qwerty and killed 17 guards.
<script>window.pwned = 1</script></p>
<p>Residents said &lt;script&gt;alert("inline")&lt;/script&gt; was painted on a wall, and
<a href="javascript:alert(2)" onclick="window.pwned = 2">this link</a> and
<img src="x" onerror="window.pwned = 3"> were left on the page.</p>
<p>A second paragraph about the raid on Camp Qwerty follows, so the page has text.</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def collection_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("web")
    db = root / "c.db"
    hostile = root / "hostile.html"
    hostile.write_text(HOSTILE, encoding="utf-8")
    with tellings.open(db) as collection:
        collection.add_alias("camp-qwerty", "Camp Qwerty", kind="camp", parent="baghdad")
        report = collection.ingest(manifest=EXAMPLES / "manifest.csv")
        assert not report.failed
        collection.ingest([hostile], meta=DocumentMeta(source="Hostile Wire", source_type="news"))
    return db


@pytest.fixture(scope="module")
def client(collection_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(collection_path)) as found:
        yield found


def all_items(client: TestClient, url: str) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    next_url: str | None = url
    while next_url:
        page = client.get(next_url).json()
        items.extend(page["items"])
        next_url = page["next"]
    return items


def test_events_are_listed_by_date_with_ranges_and_rule(client: TestClient) -> None:
    events = all_items(client, "/api/events?limit=3")
    assert len(events) > 3  # several pages were followed
    starts = [e["start"] for e in events if e["start"]]
    assert starts == sorted(starts)
    killed = [r for e in events for r in e["ranges"] if r["measure"] == "killed"]
    assert killed and all(r["rule"] == "reconcile.ucdp.v1" for r in killed)
    assert all(r["low"] <= r["best"] <= (r["high"] or float("inf")) for r in killed if r["best"])


def test_event_filters(client: TestClient) -> None:
    everything = all_items(client, "/api/events?limit=500")
    in_2011 = all_items(client, "/api/events?from=2011&to=2011")
    assert 0 < len(in_2011) < len(everything)
    assert all(e["start"] <= "2011-12-31" and e["end"] >= "2011-01-01" for e in in_2011)
    at_liberty = all_items(client, "/api/events?place=liberty")
    assert at_liberty and all("Liberty" in e["place"] for e in at_liberty)
    wounded = all_items(client, "/api/events?measure=wounded")
    assert wounded and all("wounded" in e["measures"] for e in wounded)
    ngo = all_items(client, "/api/events?source_type=ngo")
    assert ngo and all("ngo" in e["source_types"] for e in ngo)


def test_an_event_shows_every_account_side_by_side(client: TestClient) -> None:
    conflicts = all_items(client, "/api/conflicts")
    assert conflicts, "the examples disagree"
    event_id = conflicts[0]["event"]
    event = client.get(f"/api/events/{event_id}").json()
    block = next(b for b in event["by_measure"] if b["measure"] == conflicts[0]["measure"])
    assert len(block["accounts"]) >= 2
    assert any(a["conflict"] for a in block["accounts"])
    assert block["conflicts"] and block["conflicts"][0]["why"]
    for account in block["accounts"]:
        claim = account["claim"]
        assert set(account) >= {"source", "published", "credibility", "counted"}
        text = client.get(f"/api/documents/{claim['document']}").json()["text"]
        assert text[claim["start"] : claim["end"]] == claim["quote"]
        assert claim["selector"]["exact"] == claim["quote"]
        sentence = account["sentence"]
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["start"] <= claim["start"] < claim["end"] <= sentence["end"]
    assert block["range"]["rule"] == event["rule"]


def test_claims_pages_cover_every_claim_once(client: TestClient) -> None:
    small = all_items(client, "/api/claims?limit=7")
    big = all_items(client, "/api/claims?limit=500")
    assert [c["id"] for c in small] == [c["id"] for c in big]
    assert len({c["id"] for c in big}) == len(big)
    killed = all_items(client, "/api/claims?measure=killed")
    assert killed and all(c["measure"] == "killed" for c in killed)
    one = big[0]
    of_document = all_items(client, f"/api/claims?document={one['document']}")
    assert {c["document"] for c in of_document} == {one["document"]}


def test_documents_sources_and_search(client: TestClient) -> None:
    documents = all_items(client, "/api/documents")
    assert len(documents) == 9
    sources = client.get("/api/sources").json()["items"]
    assert sum(s["claims"] for s in sources) > 0
    assert {"Hostile Wire", "Tigris Wire"} <= {s["name"] for s in sources}
    hits = client.get("/api/search?q=rockets").json()["items"]
    assert hits
    for hit in hits:
        assert hit["highlights"]
        for start, end in hit["highlights"]:
            assert hit["snippet"][start:end].lower().startswith("rocket")
    assert client.get("/api/search?q=zzzqqqxxy").json()["items"] == []


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/events/ev-000000000000", 404, "no event"),
        ("/api/documents/nonexistent", 404, "no document"),
        ("/api/events?from=yesterday", 400, "from must be a date"),
        ("/api/events?limit=0", 400, "limit must be"),
        ("/api/claims?after=-3", 400, "after must be"),
        ("/api/search", 400, "q is required"),
        ("/api/nothing-here", 404, "openapi.json"),
    ],
)
def test_errors_are_json_a_person_can_act_on(
    client: TestClient, url: str, status: int, words: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert words in response.json()["error"]["message"]


def test_search_syntax_is_never_an_error(client: TestClient) -> None:
    for query in ['"unclosed', "AND OR NOT", "a:b", "(", "*", "rock*"]:
        assert client.get("/api/search", params={"q": query}).status_code == 200


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/claims",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/sources",
        "/api/conflicts",
        "/api/search",
    ):
        assert path in spec["paths"]
    assert "/api/claims" in client.get("/api/docs").text


@pytest.mark.parametrize(
    "path", ["/", "/conflicts", "/sources", "/places", "/search?q=camp", "/api/docs"]
)
def test_pages_render(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>" in response.text


def test_pages_link_events_and_documents(client: TestClient) -> None:
    timeline = client.get("/").text
    event_links = re.findall(r'href="(/events/ev-[0-9a-f]+)"', timeline)
    assert event_links
    event_page = client.get(event_links[0]).text
    assert "reconcile.ucdp.v1" in event_page and "<svg" in event_page
    quote_link = re.search(r'href="(/documents/[0-9a-f]+)#claim-([0-9a-f]+)"', event_page)
    assert quote_link
    document_page = client.get(quote_link.group(1)).text
    assert f'id="claim-{quote_link.group(2)}"' in document_page


def test_document_text_is_inert(client: TestClient, collection_path: Path) -> None:
    with tellings.open(collection_path) as collection:
        listed = next(d for d in collection.documents() if d.name == "hostile")
        hostile = collection.document(listed.id)
    # The stored text holds markup as text: it must reach the page as text.
    assert '<script>alert("inline")</script>' in hostile.text
    for url in (f"/documents/{hostile.id}", "/search?q=painted", "/search?q=%3Cscript%3E"):
        page = client.get(url).text
        assert "<script>window" not in page and "<script>alert" not in page
        assert not re.search(r"<[^>]+\son\w+\s*=", page.replace('<script src="/static', ""))
        assert 'href="javascript:' not in page
    page = client.get(f"/documents/{hostile.id}").text
    assert "&lt;script&gt;" in page


def test_the_original_downloads_byte_exact(client: TestClient, collection_path: Path) -> None:
    with tellings.open(collection_path) as collection:
        document = collection.documents()[0]
        original = collection.original(document.id)
    response = client.get(f"/documents/{document.id}/original")
    assert response.content == original
    assert response.headers["x-content-sha256"] == document.id
    assert "attachment" in response.headers["content-disposition"]


def test_a_missing_collection_is_named(tmp_path: Path) -> None:
    with pytest.raises(tellings.errors.NotFound, match="no collection"):
        create_app(tmp_path / "absent.db")


def test_every_page_of_the_seeds_renders(shared_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    with tellings.open(db) as collection:
        collection.ingest([shared_dir / "seeds"])
    with TestClient(create_app(db)) as seeds:
        events = all_items(seeds, "/api/events?limit=500")
        assert len(events) > 20
        for event in events:
            assert seeds.get(f"/events/{event['id']}").status_code == 200
        for document in all_items(seeds, "/api/documents"):
            page = seeds.get(f"/documents/{document['id']}")
            assert page.status_code == 200
            assert page.text.count('class="claim-item"') > 5
        conflicts = all_items(seeds, "/api/conflicts")
        assert len(conflicts) >= 15
        # 11 against 13 killed in July 2009 is among them, with its reason.
        assert any(
            {c["a"]["low"], c["b"]["low"]} == {11, 13} and c["measure"] == "killed"
            for c in conflicts
        )
        for path in ("/", "/conflicts", "/sources", "/places", "/search?q=camp"):
            assert seeds.get(path).status_code == 200


def test_serve_names_a_missing_collection(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tellings.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "absent.db"), "serve"])
    assert result.exit_code == 1
    assert "absent.db" in result.output and "no collection" in result.output
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize("value", ["¹", "٣", "1.5", "-1", "x"])
def test_a_position_or_limit_must_be_plain_digits(client: TestClient, value: str) -> None:
    for name in ("after", "limit"):
        response = client.get("/api/claims", params={name: value})
        assert response.status_code == 400
        assert name in response.json()["error"]["message"]
