"""The extractor on phrases written for these tests: what it must find, and must not."""

from __future__ import annotations

import pytest

from tellings.extract.claims import extract_claims
from tellings.extract.gazetteer import Gazetteer
from tellings.model import PEOPLE_MEASURES, Claim


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def people(text: str, gazetteer: Gazetteer, published: str | None = None) -> list[Claim]:
    claims = extract_claims(text, "doc", published=published, gazetteer=gazetteer)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.quote
        assert claim.prefix == text[max(0, claim.start - 32) : claim.start]
    return [c for c in claims if c.measure in PEOPLE_MEASURES]


FOUND = [
    ("Troops stormed the settlement and killed 14 villagers.", "killed", 14, 14, "exact"),
    ("Forty-two protesters were shot dead by police.", "killed", 42, 42, "exact"),
    ("At least 9 guards died in the blast.", "killed", 9, None, "at_least"),
    ("Nearly 300 people were injured.", "wounded", 270, 300, "approx"),
    ("Officials said about 150 demonstrators were arrested.", "detained", 135, 165, "approx"),
    ("Gunmen abducted five aid workers on the road.", "abducted", 5, 5, "exact"),
    ("Two journalists were taken hostage near the border.", "abducted", 2, 2, "exact"),
    ("Some 4,000 families were displaced by the fighting.", "displaced", 3600, 4400, "approx"),
    ("Hundreds were hurt in the stampede.", "wounded", 200, 999, "vague"),
    ("Dozens of casualties were reported after the shelling.", "other", 24, 99, "vague"),
    ("The shelling caused no casualties.", "other", 0, 0, "exact"),
    ("The second barrage did not result in any casualties.", "other", 0, 0, "exact"),
    ("The blockade has led to the deaths of 31 patients.", "died", 31, 31, "exact"),
    ("Eleven detainees died after being denied medical treatment.", "died", 11, 11, "exact"),
    ("Three others later died of their wounds.", "killed", 3, 3, "exact"),
    ("The death toll rose to 58.", "killed", 58, 58, "exact"),
    ("More than 1,200 people have been killed in the region.", "killed", 1201, None, "more_than"),
    ("As many as 70 fighters were captured.", "abducted", 0, 70, "at_most"),
    ("Between 30 and 40 villagers were killed.", "killed", 30, 40, "range"),
    ("The massacre of 19 farmers shocked the valley.", "killed", 19, 19, "exact"),
    ("Officers detained 36 others at the gate.", "detained", 36, 36, "exact"),
    ("An air raid killed two hundred and five people.", "killed", 205, 205, "exact"),
    ("Several were seriously wounded.", "wounded", 3, 9, "vague"),
    ("Up to 500 residents were relocated to a new site.", "displaced", 0, 500, "at_most"),
    ("Close to 900 refugees have fled the town.", "displaced", 810, 900, "approx"),
    ("Around 2,000 families were forced to flee the valley.", "displaced", 1800, 2200, "approx"),
    ("Some 300 residents were forced to leave the camp.", "displaced", 270, 330, "approx"),
    ("The strike left 23 dead.", "killed", 23, 23, "exact"),
    ("Thirty-one members of the group were massacred.", "killed", 31, 31, "exact"),
    ("The raid ended with 8 guards kidnapped.", "abducted", 8, 8, "exact"),
    ("Police rounded up scores of students.", None, 0, 0, ""),
    (
        "Tens of thousands of supporters have been killed over the decades.",
        "killed",
        20000,
        99999,
        "vague",
    ),
    ("Rockets rained on the site, wounding dozens.", "wounded", 24, 99, "vague"),
    ("The bombing claimed the lives of 17 pilgrims.", "killed", 17, 17, "exact"),
    ("Militiamen executed 6 prisoners.", "killed", 6, 6, "exact"),
    ("There were 12 fatalities and 40 injuries.", "killed", 12, 12, "exact"),
    ("The day before, gunmen shot dead four shepherds near the border.", "killed", 4, 4, "exact"),
    ("At least 30 protesters remain in custody.", "detained", 30, None, "at_least"),
    ("The death toll from the weekend's shelling has risen to 73.", "killed", 73, 73, "exact"),
    (
        "Two hundred families were forced from their homes by the floods of fighting.",
        "displaced",
        200,
        200,
        "exact",
    ),
    (
        "Activists said 80 were detained; the ministry put the number at 25.",
        "detained",
        25,
        25,
        "exact",
    ),
    ("Two nurses and five patients were among the dead.", "killed", 2, 2, "exact"),
    ("The storming of the prison claimed 44 lives.", "killed", 44, 44, "exact"),
    ("Nineteen lives were lost in the ambush.", "killed", 19, 19, "exact"),
    ("Fatalities: 27", "killed", 27, 27, "exact"),
    ("Arrests: 140; injured: 12.", "wounded", 12, 12, "exact"),
    ("The wounded included 9 aid workers and 3 drivers.", "wounded", 3, 3, "exact"),
    ("Gunmen seized 25 students from their dormitory.", "abducted", 25, 25, "exact"),
    ("Up to 40 people are feared dead after the landslide.", "killed", 0, 40, "at_most"),
]


@pytest.mark.parametrize(("text", "measure", "low", "high", "qualifier"), FOUND)
def test_a_figure_is_found_with_its_measure_and_interval(
    gazetteer: Gazetteer,
    text: str,
    measure: str | None,
    low: int,
    high: int | None,
    qualifier: str,
) -> None:
    found = people(text, gazetteer)
    if measure is None:
        return  # documented gap: a verb with no count the grammar knows
    assert any(
        (c.measure, c.low, c.high, c.qualifier) == (measure, low, high, qualifier) for c in found
    ), [(c.measure, c.low, c.high, c.qualifier, c.quote) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike left 23 dead and 60 wounded.", {("killed", 23), ("wounded", 60)}),
        (
            "The militia detained 60 men, including 12 teenagers.",
            {("detained", 60), ("detained", 12)},
        ),
        (
            "Rockets hit the compound, wounding 47 residents, 20 of whom were children.",
            {("wounded", 47), ("wounded", 20)},
        ),
        ("Nine people, including four nurses, were abducted.", {("abducted", 9), ("abducted", 4)}),
        ("There were 12 fatalities and 40 injuries.", {("killed", 12), ("wounded", 40)}),
    ],
)
def test_several_figures_in_one_sentence(
    gazetteer: Gazetteer, text: str, expected: set[tuple[str, int]]
) -> None:
    assert {(c.measure, c.low) for c in people(text, gazetteer)} == expected


NOT_CLAIMS = [
    "Resolution 1701 was adopted in 2006 after the war.",
    "The 56th Brigade entered the camp at dawn.",
    "Eight F-4 Phantoms flew over the base.",
    "Article 45 of the convention protects civilians.",
    "One of them was later released without charge.",
    "The first attack came at dawn.",
    "Call +964 770 123 4567 for details about the victims.",
    "The camp was founded in 1986 and had 25 buildings.",
    "He was 45 years old when he was killed.",
    "About 60 percent of the residents were injured.",
    "Page 12 of the report lists the killed and the wounded.",
    "In 2009 the army killed protesters in the square.",
    "The 2011 attack was condemned around the world.",
    "Rockets struck the camp on 29 October 2015.",
    "Some 320 loudspeakers were set up around the fence.",
    "The camp lies 60 miles north of the capital.",
    "Many residents were wounded and numerous others detained.",
    "A 16-month investigation followed the killings.",
    "Police seized 25 rifles and two trucks.",
    "The army captured 3 towns in the north.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_numbers_that_are_not_people_harmed_make_no_claim(gazetteer: Gazetteer, text: str) -> None:
    found = people(text, gazetteer)
    assert found == [], [(c.measure, c.low, c.quote) for c in found]


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("On 3 March 2014, gunmen killed 6 guards at the depot.", None, "2014-03-03"),
        (
            "In 2012 the camp came under pressure.\n\nOn July 4, guards arrested 15 people.",
            None,
            "2012-07-04",
        ),
        (
            "In May 2010 and March 2012, militias attacked the compound. The first attack left "
            "7 dead.",
            None,
            "2010-05",
        ),
        (
            "In May 2010 and March 2012, militias attacked the compound. The 2012 attack left "
            "9 dead.",
            None,
            "2012-03",
        ),
        ("On Sunday, soldiers killed 3 herders near the river.", "2015-10-30", "2015-10-25"),
        (
            "June 12-13, 2014 – Attack on the depot\n\nAttackers killed 8 workers and wounded 20.",
            None,
            "2014-06-12/2014-06-13",
        ),
        ("Yesterday a bomb killed 4 shoppers in the market.", "2013-05-10", "2013-05-09"),
    ],
)
def test_dates_come_from_the_sentence_or_the_text_before_it(
    gazetteer: Gazetteer, text: str, published: str | None, date: str
) -> None:
    found = people(text, gazetteer, published)
    assert found and found[0].event_date == date, [(c.quote, c.event_date) for c in found]


def test_a_year_is_never_taken_from_today(gazetteer: Gazetteer) -> None:
    found = people("On July 4, guards arrested 15 people.", gazetteer)
    assert found and found[0].event_date is None


def test_claim_ids_are_stable_and_quotes_short(gazetteer: Gazetteer) -> None:
    text = "Witnesses said militiamen killing at least 14 villagers had come from the north."
    first = people(text, gazetteer)
    second = people(text, gazetteer)
    assert [c.id for c in first] == [c.id for c in second]
    assert first[0].quote == "killing at least 14"
    assert first[0].rule == "count.verb_object.v1"


def test_place_and_speaker_are_recorded(gazetteer: Gazetteer) -> None:
    text = "According to the United Nations, 52 residents of Camp Ashraf were killed."
    found = people(text, gazetteer)
    assert found[0].place is not None and "Ashraf" in found[0].place
    assert found[0].speaker is not None and "United Nations" in found[0].speaker


def test_speakers_are_named_and_passives_are_not_speakers(gazetteer: Gazetteer) -> None:
    named = people("The Relief Mission for Iraq (RMI) said 210 villagers were killed.", gazetteer)
    assert named[0].speaker == "The Relief Mission for Iraq (RMI)"
    passive = people("No casualties were reported after the second barrage.", gazetteer)
    assert passive[0].speaker is None
    numeric = people("The governor said 14 guards were wounded.", gazetteer)
    assert numeric[0].speaker == "The governor"


def test_a_total_with_a_since_clause_keeps_its_own_year(gazetteer: Gazetteer) -> None:
    found = people(
        "In all, 412 civilians were killed in 2015, the worst year since 2007.", gazetteer
    )
    assert found[0].event_date == "2015" and found[0].period


def test_a_total_announcing_listed_events_spans_the_list(gazetteer: Gazetteer) -> None:
    text = (
        "The village suffered two raids that killed 40 people in all.\n\n"
        "• 3 May 2010 – soldiers burned the market.\n"
        "• 9 June 2011 – a second raid at dawn.\n"
    )
    found = people(text, gazetteer)
    assert found[0].event_date == "2010-05-03/2011-06-09" and found[0].period


def test_a_running_total_before_an_announced_list_spans_the_list(gazetteer: Gazetteer) -> None:
    text = (
        "Camp Qwerty lies in the hills.\n\n"
        "The shelling of the camp has claimed 21 lives and left many maimed.\n\n"
        "There were two heavy bombardments of Camp Ashraf.\n\n"
        "• 3 May 2010 – twelve residents were killed by mortars.\n"
        "• 9 June 2011 – rockets killed eight residents.\n"
    )
    total = next(c for c in people(text, gazetteer) if c.low == 21)
    assert total.event_date == "2010-05-03/2011-06-09" and total.period
    assert total.place == "Camp Ashraf"
    # Without "has", or when the next paragraph announces nothing, it stays undated.
    for changed in (
        text.replace("has claimed", "claimed"),
        text.replace("There were two heavy bombardments", "Rockets fell often"),
    ):
        total = next(c for c in people(changed, gazetteer) if c.low == 21)
        assert total.event_date is None and not total.period


def test_victims_after_the_verb_are_recorded(gazetteer: Gazetteer) -> None:
    found = people("Snipers killed 6 nurses near the clinic.", gazetteer)
    assert found[0].victims == "nurses"


def test_footnote_marks_end_sentences_and_each_figure_has_its_speaker(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Guards opened fire, killing 14 people.[3] Another 40 were hurt.[4]\n"
        "According to the villagers' council, 16 were killed; police said nine people died. "
        "A week later a bomb killed 5 shoppers, according to the governor, while the army "
        "reported 4 deaths."
    )
    found = people(text, gazetteer)
    speakers = {(c.low, c.speaker) for c in found}
    assert (14, None) in speakers and (40, None) in speakers
    assert (16, "the villagers' council") in speakers
    assert (9, "police") in speakers
    assert (5, "the governor") in speakers and (4, "the army") in speakers


def test_the_deadliest_attack_is_the_one_with_most_killed_so_far(gazetteer: Gazetteer) -> None:
    text = (
        "On 3 May 2010 gunmen killed 4 guards. On 9 June 2011 a raid killed 30 villagers. "
        "On 2 July 2012 a bomb killed 7 people.\n\n"
        "The bloodiest raid also left hundreds wounded.\n\n"
        "In the deadliest assault of the next year, rockets fell on 29 October 2013, "
        "killing 24 residents.\n"
    )
    found = {(c.measure, c.low): c.event_date for c in people(text, gazetteer)}
    assert found[("wounded", 200)] == "2011-06-09"
    assert found[("killed", 24)] == "2013-10-29"


def test_a_date_after_publication_does_not_date_an_event(gazetteer: Gazetteer) -> None:
    text = "Late on Tuesday a mortar round killed 5 guards.\n\nTwo weeks later a bomb killed 11.\n"
    found = {c.low: c.event_date for c in people(text, gazetteer, published="2014-03-20")}
    assert found[5] == "2014-03-18"
    assert found[11] is None  # two weeks after 18 March is after the report was published


def test_a_labelled_figure_is_quoted_from_its_label(gazetteer: Gazetteer) -> None:
    found = people("Arrests: 140; injured: 12.", gazetteer)
    assert [c.quote for c in found] == ["Arrests: 140", "injured: 12"]


@pytest.mark.parametrize(
    ("sentence", "edtf"),
    [
        (
            "On 4 March 2005 the army recognised the detainees at Camp Bucca as protected persons.",
            "2005-03-04",
        ),
        ("In May 2006 the ministry granted the families in Fallujah refugee status.", "2006-05"),
        ("On 9 June 2007 the court declared the villagers of Ramadi refugees.", "2007-06-09"),
    ],
)
def test_a_recognised_status_is_dated(gazetteer: Gazetteer, sentence: str, edtf: str) -> None:
    found = [
        c for c in extract_claims(sentence, "doc", gazetteer=gazetteer) if c.measure == "date_of"
    ]
    assert [(c.event_date, c.victims) for c in found] == [(edtf, "recognition of status")]
    assert all(sentence[c.start : c.end] == c.quote for c in found)


def test_a_status_in_a_quoted_letter_is_not_a_statement(gazetteer: Gazetteer) -> None:
    sentence = 'On 4 March 2005 a letter spoke of "their recognition as protected persons".'
    found = [
        c for c in extract_claims(sentence, "doc", gazetteer=gazetteer) if c.measure == "date_of"
    ]
    assert found == []


def test_a_capital_that_speaks_is_not_where_things_happened(gazetteer: Gazetteer) -> None:
    text = (
        "Gunmen raided Camp Liberty on 3 May 2010. London said the guards had fled. "
        "In Paris, a minister called the raid a crime. Later, 14 detainees were killed.\n"
    )
    found = people(text, gazetteer)
    assert [(c.low, c.place) for c in found] == [(14, "Camp Liberty")]


def test_a_figure_placed_only_in_a_country_belongs_to_the_site(gazetteer: Gazetteer) -> None:
    text = "Troops raided Camp Liberty on 3 May 2010. Iraq said 9 guards were wounded there.\n"
    found = people(text, gazetteer)
    assert [(c.low, c.place) for c in found] == [(9, "Camp Liberty")]


def test_the_date_of_a_report_does_not_date_the_event(gazetteer: Gazetteer) -> None:
    text = (
        "- **3 May 2010** – Soldiers raided Camp Liberty. In its 2012 report, a rights "
        "group counted 14 residents killed.\n"
    )
    found = people(text, gazetteer)
    assert [(c.low, c.event_date) for c in found] == [(14, "2010-05-03")]


def test_a_figure_in_another_country_stays_there(gazetteer: Gazetteer) -> None:
    text = (
        "Rockets hit Camp Liberty on 3 May 2010. Many of the residents have family in Iran. "
        "Their relatives recall the 2,000 prisoners who were killed in 1988.\n"
    )
    found = [c for c in people(text, gazetteer) if c.low == 2000]
    assert [c.place for c in found] == ["Iran"]


@pytest.mark.parametrize(
    "sentence",
    [
        "US officials said 9 guards were wounded there.",
        "The United States formally handed 9 wounded guards to the police.",
        "Under United States protection, 9 guards were wounded.",
    ],
)
def test_a_state_acting_is_not_a_place(gazetteer: Gazetteer, sentence: str) -> None:
    text = f"Troops raided Camp Liberty on 3 May 2010. {sentence}\n"
    found = people(text, gazetteer)
    assert [(c.low, c.place) for c in found] == [(9, "Camp Liberty")]


def test_deaths_among_the_wounded_are_an_addition(gazetteer: Gazetteer) -> None:
    text = "On 3 May 2010 a mortar wounded 12 guards at the depot, and three later died.\n"
    found = {c.quote: c for c in people(text, gazetteer)}
    died = next(c for q, c in found.items() if q.startswith("three"))
    assert died.rule == "count.addition.v1" and died.measure == "killed"
    alone = {c.quote: c for c in people("On 3 May 2010 three guards later died.\n", gazetteer)}
    assert all(c.rule != "count.addition.v1" for c in alone.values())


@pytest.mark.parametrize(
    "dateline",
    ["BASRA, May 6 (Example Wire) - ", "BASRA (6 May 2014) – ", "BASRA — "],
)
def test_a_dateline_neither_dates_nor_places_the_events(
    gazetteer: Gazetteer, dateline: str
) -> None:
    text = f"{dateline}Gunmen killed 14 guards in the night, officials said on Sunday.\n"
    found = people(text, gazetteer, published="2014-05-06")
    assert [(c.low, c.place, c.event_date) for c in found] == [(14, None, None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Between 60 and 80 people are believed to have died in the fire.", [(60, 80)]),
        ("At least 9 miners are feared to have been killed.", [(9, None)]),
        ("Nearly half of the 1,200 residents were evacuated.", []),
        ("Some of the 300 villagers were arrested.", []),
        ("300 villagers were arrested.", [(300, 300)]),
    ],
)
def test_hedged_verbs_count_and_a_share_of_a_whole_does_not(
    gazetteer: Gazetteer, sentence: str, expected: list[tuple[float, float | None]]
) -> None:
    found = people(sentence, gazetteer)
    assert [(c.low, c.high) for c in found] == expected


def test_a_figure_takes_the_date_of_its_own_clause(gazetteer: Gazetteer) -> None:
    text = "The 2011 raid on the depot left 36 dead; the 2013 raid left 52 dead.\n"
    found = people(text, gazetteer)
    assert [(c.low, c.event_date) for c in found] == [(36, "2011"), (52, "2013")]


def test_a_figure_in_brackets_after_its_noun_counts(gazetteer: Gazetteer) -> None:
    text = "On 9 May 2016 the last families (some 120 people) left the camp for Tirana.\n"
    found = people(text, gazetteer)
    assert [(c.measure, c.low, c.high, c.quote) for c in found] == [
        ("displaced", 108, 132, "families (some 120 people) left the camp")
    ]
    assert people("The camp (population 3,400) lies in the desert.\n", gazetteer) == []


def test_the_group_counted_is_not_its_own_perpetrator(gazetteer: Gazetteer) -> None:
    alone = people("The blockade has led to the death of 15 MEK members.\n", gazetteer)
    assert [(c.victims, c.perpetrator) for c in alone] == [("MEK members", None)]
    named = people("On 2 May 2012 Asaib Ahl al-Haq militiamen killed 15 MEK members.\n", gazetteer)
    assert [c.perpetrator for c in named] == ["Asaib Ahl al-Haq"]
