"""Web latency over a collection of 1,000,000 claims: the JSON API and the pages.

Builds a real SQLite collection under benchmarks/.work/ once and reuses it while it is
complete: a few hundred sources of every type, and documents of generated report prose
from each source, telling of incidents at sites of the gazetteer over 20 years, several
accounts to an incident, dated to the day or month, some undated, some totals over
periods. Each document's text holds each of its claims' quotes at the claim's offsets;
documents and claims are recorded through the ledger and the store as ingest records
them (`document.added`, `claim.added`), without running the extractor.

Then starts `tellings --db ... serve` in a second process, times its start-up (it
resolves every event before it listens), requests each URL once (the first request
may compute what later ones reuse) and measures each with wrk from a third process,
one connection, `--seconds` per URL and run. Prints p50 and p99 per URL (medians over
the runs), whether each meets its target (API p99 < 50 ms, pages < 150 ms), and the
server's peak RSS.

    python bench_web.py                          # 1,000,000 claims, 3 runs of 5 s per URL
    python bench_web.py --claims 100000 --runs 1 --seconds 2
    python bench_web.py --verify                 # also `tellings verify` the collection
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from _common import machine

import tellings
from tellings.collection.records import document_entry
from tellings.extract.claims import EXTRACTOR_VERSION, claim_id
from tellings.extract.gazetteer import Gazetteer
from tellings.ingest.text import read_text
from tellings.ledger.log import utc_now
from tellings.model import Claim, Document

WORK = Path(__file__).resolve().parent / ".work"
READER = "ingest.text.v1"
FIRST_DAY = dt.date(2000, 1, 1)
YEARS = 20
SELECTOR_CONTEXT = 32
API_TARGET_MS, PAGE_TARGET_MS = 50.0, 150.0

MONTHS = (
    "January February March April May June July August September October November December"
).split()
SMALL = "one two three four five six seven eight nine ten eleven twelve".split()

# What happened, per measure: kinds of event and how the act is told.
EVENT_TYPES = {
    "killed": ("attack", "rocket attack", "bombing", "shelling", "raid"),
    "wounded": ("attack", "rocket attack", "bombing", "shelling"),
    "abducted": ("abduction", "raid"),
    "detained": ("detention", "raid"),
    "displaced": ("relocation", "siege"),
}
ACTS = {
    "attack": "gunmen attacked",
    "rocket attack": "rockets struck",
    "bombing": "a car bomb exploded in",
    "shelling": "mortar rounds fell on",
    "raid": "security forces raided",
    "abduction": "armed men stormed",
    "detention": "police swept through",
    "relocation": "the authorities moved people out of",
    "siege": "troops tightened the blockade of",
}
# (victims, participle, past tense) per measure: "17 residents were killed", "killed 17".
VERBS = {
    "killed": (("residents", "people", "civilians", "guards"), "killed", "killed"),
    "wounded": (("residents", "people", "civilians"), "wounded", "injured"),
    "abducted": (("residents", "people", "men"), "abducted", "abducted"),
    "detained": (("residents", "people", "men"), "detained", "arrested"),
    "displaced": (("families", "residents", "people"), "displaced", "displaced"),
}
MEASURE_WEIGHTS = {"killed": 45, "wounded": 25, "abducted": 10, "detained": 10, "displaced": 10}
SPEAKERS = (
    "a spokesman for the residents",
    "a local official",
    "a hospital doctor",
    "the provincial police",
    "a witness",
)
FILLER = (
    "Residents said the water supply had been cut for several days.",
    "The authorities did not respond to requests for comment.",
    "Medical staff described the conditions at the clinic as dire.",
    "Witnesses described hearing explosions shortly before dawn.",
    "The account could not be independently verified.",
    "Families of the victims called for an independent investigation.",
    "Humanitarian workers were denied access to the area for a week.",
    "Officials later gave a different account of what had happened.",
    "Lawyers for the residents said they would appeal to the courts.",
    "The checkpoint at the main gate stayed closed until the evening.",
    "Fuel and medicine were reported to be running short.",
    "Monitors visited the site the following morning.",
    "Several buildings were damaged, among them a school.",
    "Relatives gathered outside the hospital throughout the night.",
    "The ministry said an inquiry had been opened.",
    "Local journalists were prevented from reaching the scene.",
)
SOURCE_WORDS = {
    "un": ("Mission Office", "Human Rights Unit", "Monitoring Team", "Field Office"),
    "ngo": ("Rights Watch", "Observatory", "Relief Committee", "Monitor", "Legal Aid"),
    "news": ("Wire", "Times", "Herald", "Post", "Radio", "Daily", "News Agency"),
    "encyclopedia": ("Encyclopedia", "Almanac", "Yearbook"),
    "government": ("Ministry Press Office", "Provincial Council", "Interior Ministry"),
    "armed-group": ("Front", "Brigades", "Resistance Council"),
    "affiliated": ("Support Network", "Friends Association", "Solidarity Committee"),
    "other": ("Research Centre", "Study Group", "Archive"),
}
PLACE_WORDS = (
    "Tigris Euphrates Zagros Diyala Levant Gulf Caspian Mesopotamia Sumer Akkad Babylon "
    "Nineveh Hamrin Shatt Marsh Desert Crescent Cedar Orontes Khabur Jazira Sinjar Anbar "
    "Basra Mosul Kirkuk Erbil Najaf Karbala Hilla Samarra"
).split()
SOURCE_TYPE_WEIGHTS = {
    "news": 35,
    "ngo": 20,
    "un": 8,
    "government": 12,
    "affiliated": 10,
    "armed-group": 5,
    "encyclopedia": 4,
    "other": 6,
}


# --- the collection ----------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    id: str
    name: str


@dataclass
class Told:
    """One claim as a document tells it, before the document's text is final."""

    start: int
    end: int
    sentence_start: int
    measure: str
    low: int
    high: int | None
    qualifier: str
    value: int
    victims: str
    rule: str
    number_rule: str
    event_date: str | None
    date_quote: str | None
    date_rule: str | None
    period: bool
    site: Site
    event_type: str
    speaker: str | None


@dataclass
class Draft:
    """A document being written: its text so far and the claims it tells."""

    source: int
    parts: list[str] = field(default_factory=list)
    length: int = 0
    told: list[Told] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None
    size: int = 20

    def write(self, text: str) -> int:
        """Append `text`; return where it starts."""
        at = self.length
        self.parts.append(text)
        self.length += len(text)
        return at


# Countries whose places the generated reports speak of, in order of how many of them.
COUNTRIES = ("IQ", "IR", "SY", "JO", "KW", "LB", "AL", "AF", "SA", "TR")


def sites(count: int) -> list[Site]:
    """Places of the gazetteer with coordinates, below country level: the camps and
    towns of the starter gazetteer first, then places from GeoNames in the region."""
    gazetteer = Gazetteer.default()
    named, others = [], []
    for entity in gazetteer:
        if entity.kind not in ("place", "camp") or entity.lat is None or not entity.parent:
            continue
        if entity.id.endswith(("-province", "-governorate", "-region")):
            continue
        if not entity.id.startswith("geonames:"):
            named.append(Site(entity.id, entity.name))
        elif entity.country in COUNTRIES:
            others.append((COUNTRIES.index(entity.country), entity.id, entity.name))
    others.sort()
    return (named + [Site(i, name) for _, i, name in others])[:count]


def source_names(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """`count` (name, type) pairs, types spread as in a real collection."""
    types = list(SOURCE_TYPE_WEIGHTS)
    weights = list(SOURCE_TYPE_WEIGHTS.values())
    found: dict[str, str] = {}
    while len(found) < count:
        kind = rng.choices(types, weights)[0]
        name = f"{rng.choice(PLACE_WORDS)} {rng.choice(SOURCE_WORDS[kind])}"
        found.setdefault(name, kind)
    return sorted(found.items())


def figure_words(n: int, rng: random.Random) -> tuple[str, int, int | None, str, str]:
    """How an account states a figure: (words, low, high, qualifier, number rule)."""
    roll = rng.random()
    if roll < 0.15 and n >= 10:
        return f"about {n:,}", round(n * 0.9), round(n * 1.1), "approx", "number.digits.v1"
    if roll < 0.25:
        return f"at least {n:,}", n, None, "at_least", "number.digits.v1"
    if roll < 0.45 and 1 <= n <= len(SMALL):
        return SMALL[n - 1], n, n, "exact", "number.words.v1"
    return f"{n:,}", n, n, "exact", "number.digits.v1"


def tell(
    draft: Draft,
    rng: random.Random,
    *,
    site: Site,
    day: dt.date,
    event_type: str,
    figures: dict[str, int],
) -> None:
    """Write one source's account of an incident into `draft`: a dated sentence with a
    figure, sometimes a second figure in an undated sentence, sometimes a filler."""
    measures = list(figures)
    roll = rng.random()
    if roll < 0.03:
        # A total over a period: "Between 2009 and 2011, at least 52 residents were killed".
        first = day.year - rng.randint(0, 1)
        date_quote, edtf, period = f"Between {first} and {first + 2}", f"{first}/{first + 2}", True
        date_rule = "date.year_range.v1"
    elif roll < 0.65:
        date_quote = f"On {day.day} {MONTHS[day.month - 1]} {day.year}"
        edtf, period, date_rule = day.isoformat(), False, "date.day_month_year.v1"
    else:
        date_quote = f"In {MONTHS[day.month - 1]} {day.year}"
        edtf, period, date_rule = day.strftime("%Y-%m"), False, "date.month.v1"
    measure = measures[0]
    victims_choices, participle, past = VERBS[measure]
    victims = rng.choice(victims_choices)
    figure = max(1, figures[measure] + (rng.randint(-3, 3) if rng.random() < 0.3 else 0))
    words, low, high, qualifier, number_rule = figure_words(figure, rng)
    sentence = draft.write(f"{date_quote}, ")
    if period:
        draft.write(f"{ACTS[event_type]} {site.name} again and again; ")
    else:
        draft.write(f"{ACTS[event_type]} {site.name} and ")
    if rng.random() < 0.5:
        quote, rule = f"{words} {victims} were {participle}", "count.subject_verb.v1"
    else:
        quote, rule = f"{past} {words} {victims}", "count.verb_object.v1"
    start = draft.write(quote)
    draft.write(". ")
    told = Told(
        start=start,
        end=start + len(quote),
        sentence_start=sentence,
        measure=measure,
        low=low,
        high=high,
        qualifier=qualifier,
        value=figure,
        victims=victims,
        rule=rule,
        number_rule=number_rule,
        event_date=edtf,
        date_quote=date_quote,
        date_rule=date_rule,
        period=period,
        site=site,
        event_type=event_type,
        speaker=None,
    )
    draft.told.append(told)
    if len(measures) > 1 and not period:
        # A second figure in a sentence of its own, undated: it belongs to the
        # incident told just before it.
        other = measures[1]
        victims_choices, participle, _ = VERBS[other]
        victims = rng.choice(victims_choices)
        figure = figures[other]
        words, low, high, qualifier, number_rule = figure_words(figure, rng)
        speaker = rng.choice(SPEAKERS)
        quote = f"{words} {victims} were {participle}"
        quote = quote[0].upper() + quote[1:]
        sentence = draft.write("")
        start = draft.write(quote)
        draft.write(f", {speaker} said. ")
        draft.told.append(
            replace(
                told,
                start=start,
                end=start + len(quote),
                sentence_start=sentence,
                measure=other,
                low=low,
                high=high,
                qualifier=qualifier,
                value=figure,
                victims=victims,
                rule="count.subject_verb.v1",
                number_rule=number_rule,
                event_date=None,
                date_quote=None,
                date_rule=None,
                speaker=speaker,
            )
        )
    if rng.random() < 0.6:
        draft.write(rng.choice(FILLER) + " ")
    draft.write("\n\n")
    draft.first = min(draft.first or day, day)
    draft.last = max(draft.last or day, day)


def event_key(place_id: str, edtf: str | None) -> str | None:
    """As the extractor keys claims: place and month, or place and span."""
    if edtf is None:
        return None
    if "/" in edtf:
        first, last = edtf.split("/")
        return f"{place_id}@{first}-01-01/{last}-12-31"
    return f"{place_id}@{edtf[:7]}"


def finish(
    draft: Draft, name: str, source_name: str, source_id: str, now: str
) -> tuple[Document, bytes, list[Claim]]:
    """The document a draft makes, its original bytes and its claims."""
    assert draft.first is not None and draft.last is not None
    first, last = draft.first, draft.last
    title = (
        f"{source_name}: incidents from {first.day} {MONTHS[first.month - 1]} {first.year} "
        f"to {last.day} {MONTHS[last.month - 1]} {last.year}"
    )
    head = f"{title}\n\nThis report sets out incidents recorded by {source_name}.\n\n"
    body = "".join(draft.parts)
    text = head + body
    data = text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    extracted = read_text(f"{name}.txt", data)
    assert extracted.text == text
    published = last + dt.timedelta(days=3 + len(name) % 20)
    document = Document(
        id=sha,
        name=name,
        filename=f"{name}.txt",
        format=extracted.format,
        size=len(data),
        text=text,
        offset_map=extracted.offset_map,
        source_id=source_id,
        title=extracted.title,
        url=f"https://example.org/{source_id}/{name}",
        published=published.isoformat(),
        language="en",
        ingested_at=now,
    )
    shift = len(head)
    claims = []
    for t in draft.told:
        start, end = t.start + shift, t.end + shift
        claim = Claim(
            id="",
            document_id=sha,
            measure=t.measure,
            low=t.low,
            high=t.high,
            qualifier=t.qualifier,
            start=start,
            end=end,
            quote=text[start:end],
            prefix=text[max(0, start - SELECTOR_CONTEXT) : start],
            suffix=text[end : end + SELECTOR_CONTEXT],
            rule=t.rule,
            extractor=EXTRACTOR_VERSION,
            value=t.value,
            event_date=t.event_date,
            date_quote=t.date_quote,
            period=t.period,
            place=t.site.name,
            place_id=t.site.id,
            victims=t.victims,
            event_type=t.event_type,
            speaker=t.speaker,
            event_key=event_key(t.site.id, t.event_date),
            number_rule=t.number_rule,
            date_rule=t.date_rule,
            sentence_start=t.sentence_start + shift,
        )
        claims.append(replace(claim, id=claim_id(claim)))
    return document, data, claims


def documents(
    claims: int, source_count: int, site_count: int, seed: int = 11
) -> Iterator[tuple[int, Draft]]:
    """Drafts of documents telling about `claims` claims in all: incidents in date order,
    each told by 3 to 9 sources; each source's accounts fill its documents in turn."""
    rng = random.Random(seed)
    places = sites(site_count)
    # The camps are spoken of far more often than the towns around them.
    weights = [40 if s.id in ("camp-ashraf", "camp-liberty") else 1 for s in places]
    measures, measure_weights = list(MEASURE_WEIGHTS), list(MEASURE_WEIGHTS.values())
    incidents = claims // 6 + 1
    open_drafts: dict[int, Draft] = {}
    told = 0
    index = 0
    while told < claims:
        day = FIRST_DAY + dt.timedelta(days=min(index * YEARS * 365 // incidents, YEARS * 365))
        index += 1
        site = rng.choices(places, weights)[0]
        measure = rng.choices(measures, measure_weights)[0]
        event_type = rng.choice(EVENT_TYPES[measure])
        figures = {measure: _figure(measure, rng)}
        if measure == "killed" and rng.random() < 0.5:
            figures["wounded"] = _figure("wounded", rng)
        for source in rng.sample(range(source_count), rng.randint(3, 9)):
            draft = open_drafts.get(source)
            if draft is None:
                draft = open_drafts[source] = Draft(source, size=rng.randint(5, 40))
            before = len(draft.told)
            tell(draft, rng, site=site, day=day, event_type=event_type, figures=figures)
            told += len(draft.told) - before
            if len(draft.told) >= draft.size:
                yield source, open_drafts.pop(source)
            if told >= claims:
                break
    for source, draft in sorted(open_drafts.items()):
        if draft.told:
            yield source, draft


def _figure(measure: str, rng: random.Random) -> int:
    scale = {"killed": 4, "wounded": 8, "abducted": 3, "detained": 10, "displaced": 60}[measure]
    return max(1, min(5000, int(rng.paretovariate(1.3) * scale) - scale + 1))


def build(path: Path, claims: int, sources: int, sites_count: int) -> None:
    """Write the collection to `path`: to a partial file first, renamed when complete."""
    partial = path.with_name(path.name + ".partial")
    for leftover in WORK.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    rng = random.Random(3)
    with tellings.open(partial) as collection:
        ids = []
        for name, kind in source_names(sources, rng):
            source = collection.ensure_source(name, kind)
            collection.edit_source(name, reliability=rng.choice("AABBBCCCDEF"))
            ids.append((source.id, source.name))
        now = utc_now()
        written = documents_written = 0
        batch: list[tuple[Document, bytes, list[Claim]]] = []
        counters = [0] * len(ids)
        for source, draft in documents(claims, len(ids), sites_count):
            counters[source] += 1
            source_id, source_name = ids[source]
            name = f"{source_id}-report-{counters[source]:04d}"
            batch.append(finish(draft, name, source_name, source_id, now))
            if len(batch) == 500:
                written += record(collection, batch)
                documents_written += len(batch)
                batch = []
                print(
                    f"\r  {documents_written:,} documents, {written:,} claims "
                    f"({time.perf_counter() - started:.0f} s)",
                    end="",
                    flush=True,
                )
        written += record(collection, batch)
        documents_written += len(batch)
        collection.checkpoint()
    print(
        f"\r  {documents_written:,} documents, {written:,} claims, {len(ids)} sources: "
        f"built in {time.perf_counter() - started:.0f} s"
    )
    partial.replace(path)


def record(
    collection: tellings.Collection, batch: list[tuple[Document, bytes, list[Claim]]]
) -> int:
    """Record documents and their claims as ingest does: originals, `document.added` and
    `claim.added` entries and the rows they project, in one transaction."""
    store, ledger = collection.store, collection.ledger
    with store.transaction():
        for document, data, claims in batch:
            store.put_original(document.id, data)
            seq = ledger.append(
                "document.added", document_entry(document, READER), at=document.ingested_at
            )
            store.insert_document(document, READER, seq)
            seqs = ledger.append_many("claim.added", [c.to_json() for c in claims])
            store.insert_claims(claims, seqs)
    return sum(len(claims) for _, _, claims in batch)


def collection_path(claims: int) -> Path:
    size = f"{claims // 1_000_000}m" if claims % 1_000_000 == 0 else f"{claims // 1000}k"
    return WORK / f"web-{size}.db"


# --- the server and the load -------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def tellings_command() -> list[str]:
    script = Path(sys.executable).parent / "tellings"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tellings"]


def get(url: str, timeout: float = 600) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as exc:
        return int(exc.code), exc.read()


def start_server(db: Path, port: int) -> tuple[subprocess.Popen[bytes], float]:
    """`tellings serve` in its own process, and the seconds until it answered."""
    started = time.perf_counter()
    server = subprocess.Popen(
        [*tellings_command(), "--db", str(db), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    while True:
        if server.poll() is not None:
            assert server.stderr is not None
            raise SystemExit(f"the server stopped: {server.stderr.read().decode()[-2000:]}")
        try:
            status, _ = get(f"http://127.0.0.1:{port}/openapi.json", timeout=2)
            if status == 200:
                return server, time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.2)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def urls(base: str, middle: int) -> list[tuple[str, str]]:
    """(kind, path) of every URL measured, with real ids read from the API."""

    def first(path: str) -> dict[str, object]:
        status, body = get(base + path)
        assert status == 200, (path, status)
        items = json.loads(body)["items"]
        assert items, f"{path} lists nothing"
        return dict(items[0])

    # An incident told by ten or more accounts, from the middle of the list.
    _, body = get(f"{base}/api/events?after={middle}&limit=500")
    event = next(
        e for e in json.loads(body)["items"] if e["kind"] == "incident" and e["claims"] >= 10
    )
    document = first("/api/documents?after=1000&limit=1")
    late = claim_rowid_near_end(base)
    place = urllib.parse.quote("Camp Liberty")
    api = [
        "/api/events",
        "/api/events?from=2010&to=2010",
        f"/api/events/{event['id']}",
        "/api/claims",
        "/api/claims?measure=killed",
        f"/api/claims?after={late}",
        "/api/documents",
        f"/api/documents/{document['id']}",
        "/api/sources",
        "/api/conflicts",
        "/api/search?q=blockade",
        "/api/search?q=camp",
    ]
    pages = [
        "/",
        f"/?place={place}",
        f"/events/{event['id']}",
        f"/documents/{document['id']}",
        "/conflicts",
        "/sources",
        "/places",
        "/search?q=blockade",
    ]
    return [("api", u) for u in api] + [("page", u) for u in pages]


def claim_rowid_near_end(base: str) -> int:
    """A position in the claims' keyset about 1,000 claims before the end."""
    low, high = 0, 1 << 40
    while low < high:  # the last position after which a page is not empty
        middle = (low + high) // 2
        _, body = get(f"{base}/api/claims?after={middle}&limit=1")
        if json.loads(body)["items"]:
            low = middle + 1
        else:
            high = middle
    return max(0, low - 1000)


@dataclass(frozen=True)
class Latency:
    p50: float
    p99: float
    requests_per_second: float


_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, seconds: float) -> Latency:
    """One connection for `seconds`: wrk's p50 and p99 in milliseconds."""
    out = subprocess.run(
        ["wrk", "-t1", "-c1", f"-d{seconds:g}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{url}: error responses under load\n{out}")
    found = {
        m.group(1): float(m.group(2)) * _UNIT[m.group(3)]
        for m in re.finditer(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
    }
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return Latency(found["50"], found["99"], float(rate.group(1)) if rate else 0.0)


def python_client(url: str, seconds: float) -> Latency:
    """wrk's measurement with http.client, in a separate process, where wrk is missing."""
    code = f"""
import http.client, json, time, urllib.parse
url = urllib.parse.urlsplit({url!r})
conn = http.client.HTTPConnection(url.hostname, url.port)
path = url.path + ("?" + url.query if url.query else "")
times, end = [], time.perf_counter() + {seconds}
while time.perf_counter() < end:
    t = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    assert response.status == 200, response.status
    times.append((time.perf_counter() - t) * 1000)
print(json.dumps(times))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    times = sorted(json.loads(out))

    def percentile(q: float) -> float:
        return float(times[min(len(times) - 1, int(q * len(times)))])

    return Latency(percentile(0.5), percentile(0.99), len(times) / seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--sources", type=int, default=300)
    parser.add_argument("--sites", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--verify", action="store_true", help="run `tellings verify` once")
    parser.add_argument("--rebuild", action="store_true", help="build the collection anew")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    WORK.mkdir(exist_ok=True)
    db = collection_path(args.claims)
    if args.rebuild or not db.exists():
        print(f"building {db} ...")
        build(db, args.claims, args.sources, args.sites)
    print(f"collection: {db} ({db.stat().st_size / 2**20:,.0f} MB)")
    if args.verify:
        started = time.perf_counter()
        result = subprocess.run([*tellings_command(), "--db", str(db), "verify"], check=False)
        print(f"tellings verify: exit {result.returncode} in {time.perf_counter() - started:.0f} s")
    measure = wrk if shutil.which("wrk") else python_client
    print(f"load: {'wrk, 1 connection' if measure is wrk else 'http.client, 1 connection'}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server, startup = start_server(db, port)
    try:
        print(f"server start-up (events resolved): {startup:.1f} s")
        measured = urls(base, middle=args.claims // 10)
        first_ms = {}
        for _, path in measured:
            started = time.perf_counter()
            status, _ = get(base + path)
            first_ms[path] = (time.perf_counter() - started) * 1000
            assert status == 200, (path, status)
        results: dict[str, list[Latency]] = {path: [] for _, path in measured}
        for _ in range(args.runs):
            for _, path in measured:
                results[path].append(measure(base + path, args.seconds))
        peak = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print()
    print("| URL | first request | p50 | p99 (runs) | target | met |")
    print("|---|---|---|---|---|---|")
    missed = []
    for kind, path in measured:
        runs = results[path]
        p50 = statistics.median(r.p50 for r in runs)
        p99 = statistics.median(r.p99 for r in runs)
        target = API_TARGET_MS if kind == "api" else PAGE_TARGET_MS
        met = p99 < target
        if not met:
            missed.append(path)
        shown = path if len(path) < 60 else path[:57] + "..."
        print(
            f"| `{shown}` | {first_ms[path]:,.0f} ms | {p50:.1f} ms | **{p99:.1f} ms** "
            f"({', '.join(f'{r.p99:.1f}' for r in runs)}) | < {target:.0f} ms | "
            f"{'yes' if met else 'NO'} |"
        )
    print()
    print(f"server peak RSS: {peak:,.0f} MB; start-up {startup:.1f} s")
    if missed:
        print("missed the target: " + ", ".join(missed))


if __name__ == "__main__":
    main()
