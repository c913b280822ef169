"""The gazetteer: normalising, resolving loose names, finding names in running text,
and loading the user's own entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from tellings.errors import InvalidValue, NotFound
from tellings.extract.gazetteer import KINDS, Entity, Gazetteer, normalise


@pytest.fixture
def gazetteer() -> Gazetteer:
    """The full default gazetteer (starter pack and world); each test gets its own copy."""
    return Gazetteer.default()


@pytest.fixture
def starter_only() -> Gazetteer:
    return Gazetteer.default(world=False)


def found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    """(text, entity id) of every mention, checking each span against the text."""
    mentions = gazetteer.find(text)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.kind == gazetteer.entity(mention.entity_id).kind
    return [(m.text, m.entity_id) for m in mentions]


def place(name: str, **fields: object) -> Entity:
    values: dict[str, object] = {
        "id": name.lower().replace(" ", "-"),
        "kind": "place",
        "name": name,
        "aliases": (),
        "country": None,
        "lat": None,
        "lon": None,
        "parent": None,
        "source": "user",
    }
    values.update(fields)
    return Entity(**values)  # type: ignore[arg-type]


# --- normalise -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kata’ib Hezbollah", "kataib hezbollah"),
        ("Kata'ib Hezbollah", "kataib hezbollah"),
        ("Kataʼib Hezbollah", "kataib hezbollah"),
        ("al-Maliki", "maliki"),
        ("Al Khalis", "khalis"),
        ("The Netherlands", "netherlands"),
        ("Nouri al-Maliki", "nouri al maliki"),
        ("  PMOI/MEK ", "pmoi mek"),
        ("Tiranë", "tirane"),
        ("Ján Kubiš", "jan kubis"),
        ("Multi-National Force – Iraq", "multi national force iraq"),
        ("al", "al"),
        ("—", ""),
    ],
)
def test_normalise(name: str, expected: str) -> None:
    assert normalise(name) == expected


# --- resolve -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("Kata'ib Hezbollah", "kataib-hezbollah"),
        ("Kata'eb Hezbollah", "kataib-hezbollah"),
        ("Kata’eb Hezbollah", "kataib-hezbollah"),
        ("KATAIB HEZBOLLAH", "kataib-hezbollah"),
        ("Nouri al-Maliki", "nouri-al-maliki"),
        ("Nuri al-Maliki", "nouri-al-maliki"),
        ("Nuri al Maliki", "nouri-al-maliki"),
        ("PMOI", "pmoi"),
        ("MEK", "pmoi"),
        ("MKO", "pmoi"),
        ("Mojahedin-e Khalq", "pmoi"),
        ("People’s Mojahedin Organization of Iran", "pmoi"),
        ("NCRI", "ncri"),
        ("Camp Ashraf", "camp-ashraf"),
        ("Ashraf City", "camp-ashraf"),
        ("Camp New Iraq", "camp-ashraf"),
        ("Camp Hurriya", "camp-liberty"),
        ("Asa’eb Ahl al-Haq", "asaib-ahl-al-haq"),
        ("IRGC", "irgc"),
        ("Iran's Revolutionary Guards", "irgc"),  # fuzzy: "Iranian Revolutionary Guards"
        ("Revolutionary Guards", "irgc"),
        ("UNAMI", "unami"),
        ("UNHCR", "unhcr"),
        ("ICRC", "icrc"),
        ("Diyala Governorate", "diyala-province"),
        ("Iran’s", "iran"),
        # one typo, within token_sort_ratio >= 85
        ("Maryam Rajevi", "maryam-rajavi"),
        ("Tahar Boumedrra", "tahar-boumedra"),
        ("Camp Libertty", "camp-liberty"),
        ("United Nations Assistance Mision for Iraq", "unami"),
        # word order does not matter to token_sort_ratio
        ("Hezbollah Kata'ib", "kataib-hezbollah"),
    ],
)
def test_resolve_spellings(gazetteer: Gazetteer, name: str, entity_id: str | None) -> None:
    entity = gazetteer.resolve(name)
    assert (entity.id if entity else None) == entity_id


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("Iran", "iran"),
        ("Iraq", "iraq"),
        ("Irak", "iraq"),
        ("Irann", None),  # 5 characters: exact only, never fuzzed into Iran or Iraq
        ("Iraqq", None),
        ("Republic of Iraq", "iraq"),
        ("Republic of Iran", None),  # 94 against "Republic of Iraq", but Iran is a name
        ("Islamic Republic of Iraq", None),
        ("UNAMI", "unami"),
        ("UNHCR", "unhcr"),
        ("UNAMA", None),
        ("UNHRC", "un-human-rights-council"),
        ("Rajavi", None),  # shared by three people: nobody's alias
        ("Mrs. Rajavi", None),
        ("Maryam Rajavi", "maryam-rajavi"),
        ("Massoud Rajavi", "massoud-rajavi"),
        ("Masoud Rajavi", "massoud-rajavi"),
        ("Ashraf Rajavi", "ashraf-rajavi"),
        ("Ashraf Rabiei", "ashraf-rajavi"),
        ("Massoud Rajavy", "massoud-rajavi"),
        ("", None),
        ("!!", None),
    ],
)
def test_resolve_traps(gazetteer: Gazetteer, name: str, entity_id: str | None) -> None:
    entity = gazetteer.resolve(name)
    assert (entity.id if entity else None) == entity_id


def test_three_rajavis_stay_three_people(gazetteer: Gazetteer) -> None:
    ids = {gazetteer.resolve(n).id for n in ("Maryam Rajavi", "Massoud Rajavi", "Ashraf Rajavi")}  # type: ignore[union-attr]
    assert ids == {"maryam-rajavi", "massoud-rajavi", "ashraf-rajavi"}
    assert {gazetteer.entity(i).kind for i in ids} == {"person"}


# --- find ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Camp Ashraf's people moved to Camp Liberty by Baghdad International Airport.",
            [
                ("Camp Ashraf", "camp-ashraf"),
                ("Camp Liberty", "camp-liberty"),
                ("Baghdad International Airport", "baghdad-international-airport"),
            ],
        ),
        (
            "Ashraf City lies north of Al-Khalis.",
            [("Ashraf City", "camp-ashraf"), ("Al-Khalis", "al-khalis")],
        ),
        ("He flew from Baghdad to Basra.", [("Baghdad", "baghdad"), ("Basra", "basra")]),
        (
            "Guards of Nouri al-Maliki’s office met UNAMI’s monitors.",
            [("Nouri al-Maliki", "nouri-al-maliki"), ("UNAMI", "unami")],
        ),
        ("The al-Maliki government", [("al-Maliki", "nouri-al-maliki")]),
        ("Camps Ashraf and Liberty", [("Ashraf", "camp-ashraf"), ("Liberty", "camp-liberty")]),
        ("The PMOI/MEK said", [("PMOI", "pmoi"), ("MEK", "pmoi")]),
        ("Kata’eb Hezbollah fired rockets", [("Kata’eb Hezbollah", "kataib-hezbollah")]),
        (
            "U.S. forces left; the U.S. stayed.",
            [("U.S. forces", "us-forces"), ("U.S.", "united-states")],
        ),
        ("by coalition forces in 2003", [("coalition forces", "coalition-forces")]),
        ("the IRGC’s Quds Force", [("IRGC", "irgc"), ("Quds Force", "quds-force")]),
        ("Geoffrey D. Miller wrote", [("Geoffrey D. Miller", "geoffrey-miller")]),
        (
            "a report by Staffan de Mistura and de Mistura's staff",
            [
                ("Staffan de Mistura", "staffan-de-mistura"),
                ("de Mistura", "staffan-de-mistura"),
            ],
        ),
        ("the 56th Brigade guarded the camp", [("56th Brigade", "iraqi-army-56th-brigade")]),
    ],
)
def test_find_longest_match_and_spans(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(gazetteer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ashrafi Committee members",  # an alias of the committee, not "Ashraf" + something
        "The Ashrafis left.",
        "Iraqis and Iranians",
        "the Baghdadi family",
        "UNAMIS",
    ],
)
def test_find_respects_word_boundaries(gazetteer: Gazetteer, text: str) -> None:
    assert all(
        m.text not in {"Ashraf", "Iraq", "Iran", "Baghdad", "UNAMI"} for m in gazetteer.find(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "they fought for liberty and freedom",
        "in march and may the tea was served in fine china",
        "a roast turkey for us",
        "iran and iraq in lowercase are not tagged",
        "the mek said",
        "Us and them",
        "May 2014 and March 2013 were quiet",
        "Reading the report, Split decisions and a Mobile phone",
    ],
)
def test_find_ignores_ordinary_words(gazetteer: Gazetteer, text: str) -> None:
    assert found(gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ashraf residents were wounded.", [("Ashraf", "camp-ashraf")]),
        (
            "Visitors to Ashraf, in Diyala",
            [("Ashraf", "camp-ashraf"), ("Diyala", "diyala-province")],
        ),
        ("ASHRAF", [("ASHRAF", "camp-ashraf")]),
        ("LIBERTY", [("LIBERTY", "camp-liberty")]),
        ("Ashraf Rajavi was killed in 1982.", [("Ashraf Rajavi", "ashraf-rajavi")]),
        ("Ashraf Ghani spoke in Kabul.", [("Kabul", None)]),
        ("Mr. Ashraf said so.", []),
        ("Dr Ashraf said so.", []),
        ("Ashraf Committee", [("Ashraf Committee", "ashraf-committee")]),
    ],
)
def test_ashraf_is_the_camp_unless_it_is_a_persons_name(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str | None]]
) -> None:
    got = found(gazetteer, text)
    assert [t for t, _ in got] == [t for t, _ in expected]
    assert all(e is None or e == g for (_, g), (_, e) in zip(got, expected, strict=True))


def test_find_world_places(gazetteer: Gazetteer) -> None:
    text = "From Paris and Jordan the residents were flown to Albania, via Tirana and Mosul."
    by_text = {m.text: gazetteer.entity(m.entity_id) for m in gazetteer.find(text)}
    assert set(by_text) == {"Paris", "Jordan", "Albania", "Tirana", "Mosul"}
    paris, jordan = by_text["Paris"], by_text["Jordan"]
    assert (paris.source, paris.country, paris.kind) == ("geonames", "FR", "place")
    assert paris.lat == pytest.approx(48.85, abs=0.1) and paris.lon == pytest.approx(2.35, abs=0.1)
    assert jordan.parent is None and jordan.country == "JO"
    assert jordan.lat == pytest.approx(31.95, abs=0.2)  # a country sits at its capital, Amman
    assert gazetteer.entity(paris.parent or "").name == "France"
    assert by_text["Mosul"].parent == "iraq"  # world cities hang from the starter's countries
    assert by_text["Albania"].id == "albania"  # the starter pack wins over geonames


def test_world_can_be_left_out(starter_only: Gazetteer) -> None:
    assert starter_only.resolve("Paris") is None
    assert found(starter_only, "Paris and Baghdad") == [("Baghdad", "baghdad")]


def test_a_bigger_city_wins_a_shared_name(gazetteer: Gazetteer) -> None:
    london = gazetteer.resolve("London")
    assert london is not None and london.country == "GB"


def test_quiet_city_names_resolve_but_are_not_tagged(gazetteer: Gazetteer) -> None:
    nice = gazetteer.resolve("Nice")
    assert nice is not None and nice.country == "FR"
    assert found(gazetteer, "Nice weather in Reading.") == []


def test_find_within_a_range(gazetteer: Gazetteer) -> None:
    text = "Baghdad. Camp Ashraf. Camp Ashrafi. Tehran."
    assert [m.text for m in gazetteer.find(text, 9)] == ["Camp Ashraf", "Tehran"]
    assert [m.text for m in gazetteer.find(text, 0, 20)] == ["Baghdad", "Camp Ashraf"]
    cut = text.index("Ashrafi") + len("Ashraf")
    assert "Ashraf" not in [m.text for m in gazetteer.find(text, 22, cut)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("protected under the Fourth Geneva Convention in Ashraf", [("Ashraf", "camp-ashraf")]),
        ("the New York Times reported from Baghdad", [("Baghdad", "baghdad")]),
        ("Geneva talks", [("Geneva", None)]),
        ("Hassan said so", []),
        ("Hassan Rouhani said so", [("Hassan Rouhani", "hassan-rouhani")]),
    ],
)
def test_names_that_are_not_places(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str | None]]
) -> None:
    got = found(gazetteer, text)
    assert [t for t, _ in got] == [t for t, _ in expected]
    assert all(e is None or e == g for (_, g), (_, e) in zip(got, expected, strict=True))


def test_a_sentence_break_ends_a_name(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "They stayed in Ashraf. Camp life went on.") == [
        ("Ashraf", "camp-ashraf")
    ]


# --- the starter pack ----------------------------------------------------------------------------


def test_starter_pack_is_consistent(starter_only: Gazetteer) -> None:
    entities = list(starter_only)
    assert 60 <= len(entities) <= 120
    ids = {e.id for e in entities}
    for entity in entities:
        assert entity.kind in KINDS and entity.source == "starter"
        assert entity.parent is None or entity.parent in ids, entity.id
    keys: dict[str, str] = {}
    for entity in entities:
        for alias in (entity.name, *entity.aliases):
            assert keys.setdefault(normalise(alias), entity.id) == entity.id, alias


def test_camp_ashraf_sits_in_diyala_in_iraq(starter_only: Gazetteer) -> None:
    ashraf = starter_only.entity("camp-ashraf")
    assert (ashraf.kind, ashraf.country, ashraf.valid) == ("camp", "IQ", "1986/2013")
    assert ashraf.lat == pytest.approx(33.63, abs=0.05) and ashraf.lon == pytest.approx(
        44.6, abs=0.05
    )
    chain = [ashraf.id]
    while (parent := starter_only.entity(chain[-1]).parent) is not None:
        chain.append(parent)
    assert chain == ["camp-ashraf", "diyala-province", "iraq"]
    assert starter_only.entity("camp-liberty").valid == "2012/2016"


# --- changing the gazetteer ----------------------------------------------------------------------


def test_add_alias(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Camp Freedom") is None
    assert found(gazetteer, "moved to Camp Freedom") == []
    gazetteer.add_alias("camp-liberty", "Camp Freedom")
    assert gazetteer.resolve("camp freedom") == gazetteer.entity("camp-liberty")
    assert found(gazetteer, "moved to Camp Freedom") == [("Camp Freedom", "camp-liberty")]
    assert "Camp Freedom" in gazetteer.entity("camp-liberty").aliases
    assert Gazetteer.default().resolve("Camp Freedom") is None  # other copies are untouched


def test_add_alias_takes_the_name_from_another_entity(gazetteer: Gazetteer) -> None:
    gazetteer.add_alias("camp-ashraf", "Liberty")
    assert found(gazetteer, "Liberty") == [("Liberty", "camp-ashraf")]


def test_add_alias_needs_a_known_entity_and_a_real_name(gazetteer: Gazetteer) -> None:
    with pytest.raises(NotFound, match="no-such-camp"):
        gazetteer.add_alias("no-such-camp", "Camp X")
    with pytest.raises(KeyError):
        gazetteer.entity("no-such-camp")
    with pytest.raises(InvalidValue, match="no letters"):
        gazetteer.add_alias("camp-ashraf", "--")


def test_user_entity_overrides_and_extends(gazetteer: Gazetteer) -> None:
    gazetteer.add(place("Camp Ashraf", id="camp-ashraf", aliases=("Ashraf Base",), country="IQ"))
    assert gazetteer.entity("camp-ashraf").source == "user"
    assert gazetteer.resolve("Ashraf Base") == gazetteer.entity("camp-ashraf")
    assert gazetteer.resolve("Ashraf City") is None  # the replaced entity's aliases are gone
    gazetteer.add(place("Nouvelle Ville", aliases=("Baghdad",)))
    assert gazetteer.resolve("Baghdad") == gazetteer.entity("nouvelle-ville")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "town"}, "kind 'town'"),
        ({"id": "has space"}, "id 'has space'"),
        ({"country": "Iraq"}, "country 'Iraq'"),
        ({"lat": 95.0, "lon": 1.0}, "lat 95.0"),
        ({"source": "rumour"}, "source 'rumour'"),
    ],
)
def test_add_rejects_bad_entities(
    gazetteer: Gazetteer, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        gazetteer.add(place("Somewhere", **fields))


def test_from_entities_holds_only_those(gazetteer: Gazetteer) -> None:
    small = Gazetteer.from_entities([place("Camp Alpha", aliases=("Alpha",))])
    assert len(small) == 1
    assert found(small, "Camp Alpha and Baghdad") == [("Camp Alpha", "camp-alpha")]


# --- user files ----------------------------------------------------------------------------------

YAML_FILE = """\
version: 1
entities:
  - id: camp-bucca
    kind: camp
    name: Camp Bucca
    aliases: [Bucca]
    country: IQ
    lat: 30.07
    lon: 47.79
    parent: iraq
    valid: 2003/2009
  - id: umm-qasr
    kind: place
    name: Umm Qasr
    country: IQ
    parent: iraq
"""

CSV_FILE = """\
id,kind,name,aliases,country,lat,lon,parent
camp-cropper,camp,Camp Cropper,Cropper|Camp Cropper Detention Facility,IQ,33.27,44.25,baghdad
wadi-hajr,place,Wadi Hajr,,IQ,,,
"""


def test_load_yaml_file(gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(YAML_FILE, encoding="utf-8")
    assert gazetteer.load_file(path) == 2
    bucca = gazetteer.entity("camp-bucca")
    assert (bucca.source, bucca.valid, bucca.parent, bucca.lat) == (
        "user",
        "2003/2009",
        "iraq",
        30.07,
    )
    assert found(gazetteer, "held at Bucca near Umm Qasr") == [
        ("Bucca", "camp-bucca"),
        ("Umm Qasr", "umm-qasr"),
    ]


def test_load_csv_file(gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(CSV_FILE, encoding="utf-8")
    assert gazetteer.load_file(path) == 2
    cropper = gazetteer.entity("camp-cropper")
    assert cropper.aliases == ("Cropper", "Camp Cropper Detention Facility")
    assert (cropper.lat, cropper.lon, cropper.parent) == (33.27, 44.25, "baghdad")
    assert gazetteer.entity("wadi-hajr").lat is None
    assert gazetteer.resolve("Cropper") == cropper


@pytest.mark.parametrize(
    ("name", "content", "messages"),
    [
        (
            "bad.csv",
            "id,kind,name\nok,place,Fine\nbad,town,Bad Town\n",
            ["bad.csv: row 3: kind 'town'"],
        ),
        (
            "bad.csv",
            "id,kind,name,colour\nx,place,X,red\n",
            ["bad.csv: row 1: unknown column(s) colour"],
        ),
        ("bad.csv", "id,kind\nx,place\n", ["row 1: missing column(s) name"]),
        (
            "bad.csv",
            "id,kind,name,lat,lon\na,place,A,north,44\nb,place,B,33,\n",
            ["row 2: lat 'north' is not a number", "row 3: lat and lon go together"],
        ),
        ("bad.csv", "id,kind,name,parent\na,place,A,atlantis\n", ["row 2: parent 'atlantis'"]),
        (
            "bad.csv",
            "id,kind,name\na,place,A\na,camp,A again\n",
            ["row 3: id 'a' is already used by row 2"],
        ),
        (
            "bad.csv",
            "id,kind,name\na,place,A,extra\n",
            ["row 2: more cells than there are columns"],
        ),
        (
            "bad.yaml",
            "entities:\n  - id: a\n    kind: place\n    name: A\n  - id: b\n    kind: place\n"
            "    name: B\n    lat: north\n    lon: 44\n",
            ["bad.yaml: entity 2 (line 5): lat 'north'"],
        ),
        (
            "bad.yaml",
            "entities:\n  - id: a\n    kind: place\n",
            ["entity 1 (line 2): name is missing"],
        ),
        (
            "bad.yaml",
            "entities:\n  - id: a\n    kind: place\n    name: A\n    colour: red\n",
            ["unknown field(s) colour"],
        ),
        ("bad.yaml", "entities:\n  - just a string\n", ["entity 1 (line 2): not a mapping"]),
        ("bad.yaml", "- id: a\n", ["expected a mapping with an 'entities' list"]),
        ("bad.yaml", "entities: [\n", ["not valid YAML"]),
        (
            "bad.yaml",
            "entities:\n  - {id: a, kind: camp, name: A, valid: 'sometime'}\n",
            ["valid 'sometime' is not an EDTF"],
        ),
        (
            "bad.yaml",
            "entities:\n  - {id: a, kind: camp, name: A, given_name_aliases: [Bob]}\n",
            ["given_name_aliases Bob are not aliases"],
        ),
        ("bad.txt", "id,kind,name\n", ["gazetteer files are .yaml, .yml or .csv"]),
    ],
)
def test_load_file_errors_name_the_file_and_row(
    gazetteer: Gazetteer, tmp_path: Path, name: str, content: str, messages: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    before = len(gazetteer)
    with pytest.raises(InvalidValue) as raised:
        gazetteer.load_file(path)
    for message in messages:
        assert message in str(raised.value)
    assert len(gazetteer) == before  # nothing is added from a file with a bad row


def test_load_file_that_does_not_exist(gazetteer: Gazetteer, tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="cannot read"):
        gazetteer.load_file(tmp_path / "missing.yaml")


def test_a_user_file_may_name_given_name_aliases(gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(
        "entities:\n  - id: camp-hope\n    kind: camp\n    name: Camp Hope\n"
        "    aliases: [Hope]\n    given_name_aliases: [Hope]\n",
        encoding="utf-8",
    )
    gazetteer.load_file(path)
    assert found(gazetteer, "Hope was closed.") == [("Hope", "camp-hope")]
    assert found(gazetteer, "Hope Solo was there.") == []
