"""Numbers: every figure a text states, its interval, its unit and its exact offsets."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tellings.extract.numbers import (
    RULES,
    VAGUE_INTERVALS,
    CountMention,
    find_counts,
    parse_number_words,
)


def only(text: str) -> CountMention:
    """The one mention `text` holds; fails listing them all when there are more or none."""
    found = find_counts(text)
    assert len(found) == 1, [text[m.start : m.end] for m in found]
    return found[0]


def quotes(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_counts(text)]


def capitalised(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:]


# --- counts with their qualifiers, in two positions of a sentence ------------------------

COUNTS = [
    # exact, digits
    ("52", 52, 52, "exact"),
    ("7", 7, 7, "exact"),
    ("318", 318, 318, "exact"),
    ("3,200", 3200, 3200, "exact"),
    ("3400", 3400, 3400, "exact"),
    ("12,500", 12500, 12500, "exact"),
    ("1,234,567", 1234567, 1234567, "exact"),
    ("2,000", 2000, 2000, "exact"),
    ("5.2 million", 5_200_000, 5_200_000, "exact"),
    ("2.5 million", 2_500_000, 2_500_000, "exact"),
    ("3 million", 3_000_000, 3_000_000, "exact"),
    ("20 thousand", 20_000, 20_000, "exact"),
    ("1.5 billion", 1_500_000_000, 1_500_000_000, "exact"),
    ("40,000", 40000, 40000, "exact"),
    # exact, words
    ("eleven", 11, 11, "exact"),
    ("nineteen", 19, 19, "exact"),
    ("seventy", 70, 70, "exact"),
    ("thirty-six", 36, 36, "exact"),
    ("thirty six", 36, 36, "exact"),
    ("ninety-nine", 99, 99, "exact"),
    ("two hundred and five", 205, 205, "exact"),
    ("one hundred and twenty", 120, 120, "exact"),
    ("a hundred", 100, 100, "exact"),
    ("a thousand", 1000, 1000, "exact"),
    ("twenty thousand", 20000, 20000, "exact"),
    ("three thousand five hundred", 3500, 3500, "exact"),
    ("a dozen", 12, 12, "exact"),
    ("two dozen", 24, 24, "exact"),
    ("half a dozen", 6, 6, "exact"),
    ("half a million", 500_000, 500_000, "exact"),
    ("a quarter of a million", 250_000, 250_000, "exact"),
    ("one and a half million", 1_500_000, 1_500_000, "exact"),
    ("two million", 2_000_000, 2_000_000, "exact"),
    ("four", 4, 4, "exact"),
    # at least
    ("at least 11", 11, None, "at_least"),
    ("at least nine", 9, None, "at_least"),
    ("at least five", 5, None, "at_least"),
    ("no fewer than 40", 40, None, "at_least"),
    ("no less than 40", 40, None, "at_least"),
    ("not less than 40", 40, None, "at_least"),
    ("a minimum of 25", 25, None, "at_least"),
    ("at least a dozen", 12, None, "at_least"),
    ("50 or more", 50, None, "at_least"),
    ("one or more", 1, None, "at_least"),
    ("100+", 100, None, "at_least"),
    # more than: N + 1
    ("more than 280", 281, None, "more_than"),
    ("more than 1,300", 1301, None, "more_than"),
    ("more than 100", 101, None, "more_than"),
    ("over 280", 281, None, "more_than"),
    ("above 60", 61, None, "more_than"),
    ("in excess of 500", 501, None, "more_than"),
    ("upwards of 200", 201, None, "more_than"),
    ("well over 10,000", 10001, None, "more_than"),
    ("just over 70", 71, None, "more_than"),
    ("more than 3 million", 3_000_001, None, "more_than"),
    ("more than 20 thousand", 20001, None, "more_than"),
    ("more than 2.5 million", 2_500_001, None, "more_than"),
    ("more than a dozen", 13, None, "more_than"),
    ("over a thousand", 1001, None, "more_than"),
    ("more than two", 3, None, "more_than"),
    # nearly: [round(0.9 N), N]
    ("nearly 500", 450, 500, "approx"),
    ("nearly 50", 45, 50, "approx"),
    ("nearly 100", 90, 100, "approx"),
    ("almost 600", 540, 600, "approx"),
    ("close to 2,000", 1800, 2000, "approx"),
    ("nearly two", 2, 2, "approx"),
    ("almost 25", 22, 25, "approx"),  # round(22.5) is 22: Python rounds half to even
    ("just short of 30", 27, 30, "approx"),
    ("nearly a hundred", 90, 100, "approx"),
    # about: [round(0.9 N), round(1.1 N)]
    ("about 400", 360, 440, "approx"),
    ("about 1,000", 900, 1100, "approx"),
    ("some 3,200", 2880, 3520, "approx"),
    ("some 3400", 3060, 3740, "approx"),
    ("some 100", 90, 110, "approx"),
    ("some 320", 288, 352, "approx"),
    ("around 300", 270, 330, "approx"),
    ("around 3,400", 3060, 3740, "approx"),
    ("approximately 36", 32, 40, "approx"),
    ("approx. 40", 36, 44, "approx"),
    ("roughly 20", 18, 22, "approx"),
    ("an estimated 5,000", 4500, 5500, "approx"),
    ("estimated 70", 63, 77, "approx"),
    ("circa 1,000", 900, 1100, "approx"),
    ("c. 500", 450, 550, "approx"),
    ("ca. 300", 270, 330, "approx"),
    ("~500", 450, 550, "approx"),
    ("some 5.2 million", 4_680_000, 5_720_000, "approx"),
    ("some two hundred", 180, 220, "approx"),
    ("52 or so", 47, 57, "approx"),
    ("50-odd", 45, 55, "approx"),
    ("about 25", 22, 28, "approx"),
    # at most, inclusive: [0, N]
    ("as many as 34", 0, 34, "at_most"),
    ("up to 40", 0, 40, "at_most"),
    ("no more than 20", 0, 20, "at_most"),
    ("not more than 20", 0, 20, "at_most"),
    ("at most 5", 0, 5, "at_most"),
    ("a maximum of 30", 0, 30, "at_most"),
    ("ten or fewer", 0, 10, "at_most"),
    ("up to 2,000", 0, 2000, "at_most"),
    # at most, exclusive: [0, N - 1]
    ("fewer than 10", 0, 9, "at_most"),
    ("less than 100", 0, 99, "at_most"),
    ("under 18", 0, 17, "at_most"),
    ("below 40", 0, 39, "at_most"),
    ("fewer than a dozen", 0, 11, "at_most"),
    # ranges
    ("between 30 and 40", 30, 40, "range"),
    ("between five and ten", 5, 10, "range"),
    ("between 2,000 and 3,000", 2000, 3000, "range"),
    ("30-40", 30, 40, "range"),
    ("30–40", 30, 40, "range"),
    ("30 – 40", 30, 40, "range"),
    ("30 to 40", 30, 40, "range"),
    ("from 30 to 40", 30, 40, "range"),
    ("four to eight", 4, 8, "range"),
    ("twenty to thirty", 20, 30, "range"),
    ("two or three", 2, 3, "range"),
    ("one or two", 1, 2, "range"),
    ("10 or 12", 10, 12, "range"),
    ("5 to 10 million", 5_000_000, 10_000_000, "range"),
    ("2.5-3 million", 2_500_000, 3_000_000, "range"),
    ("between 5 and 10 thousand", 5000, 10000, "range"),
    ("500 to 1 million", 500, 1_000_000, "range"),
]
COUNT_IDS = [c[0] for c in COUNTS]


@pytest.mark.parametrize(("phrase", "low", "high", "qualifier"), COUNTS, ids=COUNT_IDS)
def test_count_inside_a_sentence(phrase: str, low: int, high: int | None, qualifier: str) -> None:
    text = f"Witnesses said {phrase} villagers were taken away."
    mention = only(text)
    assert text[mention.start : mention.end] == phrase
    assert (mention.low, mention.high, mention.qualifier) == (low, high, qualifier)
    assert mention.kind == "count" and mention.unit is None and mention.normalised is None


@pytest.mark.parametrize(("phrase", "low", "high", "qualifier"), COUNTS, ids=COUNT_IDS)
def test_count_opening_a_sentence(phrase: str, low: int, high: int | None, qualifier: str) -> None:
    phrase = capitalised(phrase)
    text = f"The guards left. {phrase} villagers were taken away."
    mention = only(text)
    assert text[mention.start : mention.end] == phrase
    assert (mention.low, mention.high, mention.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize(
    ("phrase", "value", "number"),
    [
        ("nearly 500", 500, "500"),
        ("at least 11", 11, "11"),
        ("some 3,200", 3200, "3,200"),
        ("more than 3 million", 3_000_000, "3 million"),
        ("Thirty-six", 36, "Thirty-six"),
        ("about two hundred", 200, "two hundred"),
        ("52 or so", 52, "52"),
        ("up to 40", 40, "40"),
    ],
)
def test_value_is_the_number_as_stated(phrase: str, value: int, number: str) -> None:
    text = f"Reports put it at {phrase} passengers."
    mention = only(text)
    assert mention.value == value
    assert text[mention.number_start : mention.number_end] == number


@pytest.mark.parametrize(
    ("phrase", "number"),
    [
        ("between 30 and 40", "30 and 40"),
        ("from 30 to 40", "30 to 40"),
        ("30-40", "30-40"),
        ("two or three", "two or three"),
    ],
)
def test_a_range_has_no_single_value(phrase: str, number: str) -> None:
    text = f"Reports put it at {phrase} passengers."
    mention = only(text)
    assert mention.value is None
    assert mention.rule == "number.range.v1"
    assert text[mention.number_start : mention.number_end] == number


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("52", "number.digits.v1"),
        ("5.2 million", "number.digits.v1"),
        ("$10.7 million", "number.digits.v1"),
        ("eleven", "number.words.v1"),
        ("a dozen", "number.words.v1"),
        ("30-40", "number.range.v1"),
        ("four to eight", "number.range.v1"),
        ("dozens", "number.vague.v1"),
        ("a few", "number.vague.v1"),
        ("one-fourth of", "number.fraction.v1"),
    ],
)
def test_each_mention_names_its_rule(phrase: str, rule: str) -> None:
    mention = only(f"They spoke of {phrase} shops.")
    assert mention.rule == rule
    assert mention.rule in RULES


@pytest.mark.parametrize(
    ("text", "quote", "low"),
    [
        ("The convoy came under five separate ambushes.", "five", 5),
        ("The prison was under 200 metres away.", "200 metres", 200),
        ("From three sides the troops advanced.", "three", 3),
        ("Between two buildings stood a tent.", "two", 2),
    ],
)
def test_a_preposition_is_not_a_qualifier(text: str, quote: str, low: int) -> None:
    mention = only(text)
    assert text[mention.start : mention.end] == quote
    assert (mention.low, mention.qualifier) == (low, "exact")


# --- vague quantities ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "quote", "low", "high"),
    [
        ("dozens of", "dozens", 24, 99),
        ("several dozen", "several dozen", 24, 99),
        ("a few dozen", "a few dozen", 24, 99),
        ("scores of", "scores", 40, 99),
        ("hundreds of", "hundreds", 200, 999),
        ("several hundred", "several hundred", 200, 999),
        ("a few hundred", "a few hundred", 200, 999),
        ("thousands of", "thousands", 2000, 9999),
        ("several thousand", "several thousand", 2000, 9999),
        ("tens of thousands of", "tens of thousands", 20000, 99999),
        ("hundreds of thousands of", "hundreds of thousands", 200000, 999999),
        ("millions of", "millions", 2_000_000, 9_999_999),
        ("tens of millions of", "tens of millions", 20_000_000, 99_999_999),
        ("tens of", "tens", 20, 99),
        ("a number of", "a number of", 3, 9),
        ("several", "several", 3, 9),
        ("a few", "a few", 2, 9),
        ("a handful of", "a handful", 2, 9),
        ("a couple of", "a couple of", 2, 3),
    ],
)
@pytest.mark.parametrize("opening", [False, True], ids=["inside", "opening"])
def test_vague_quantity(phrase: str, quote: str, low: int, high: int, opening: bool) -> None:
    if opening:
        phrase, quote = capitalised(phrase), capitalised(quote)
        text = f"Nothing moved. {phrase} marchers waited at the gate."
    else:
        text = f"Reporters saw {phrase} marchers waiting at the gate."
    mention = only(text)
    assert text[mention.start : mention.end] == quote
    assert (mention.low, mention.high, mention.qualifier) == (low, high, "vague")
    assert mention.value is None and mention.rule == "number.vague.v1"


def test_vague_intervals_keep_the_schema_values() -> None:
    assert VAGUE_INTERVALS["dozens"] == (24, 99)
    assert VAGUE_INTERVALS["scores"] == (40, 99)
    assert VAGUE_INTERVALS["hundreds"] == (200, 999)
    assert VAGUE_INTERVALS["thousands"] == (2000, 9999)
    assert VAGUE_INTERVALS["several"] == VAGUE_INTERVALS["a number of"] == (3, 9)


@pytest.mark.parametrize(
    ("text", "quote", "unit", "kind"),
    [
        ("They lost millions of dollars in the fire.", "millions of dollars", "USD", "money"),
        ("The talks took several years to finish.", "several years", "years", "duration"),
        ("It stopped for a few days only.", "a few days", "days", "duration"),
        ("A several-week wait followed.", "several-week", "weeks", "duration"),
        ("They marched hundreds of miles.", "hundreds of miles", "mi", "distance"),
    ],
)
def test_vague_quantity_with_a_unit(text: str, quote: str, unit: str, kind: str) -> None:
    mention = only(text)
    assert text[mention.start : mention.end] == quote
    assert (mention.unit, mention.kind, mention.qualifier) == (unit, kind, "vague")


def test_vague_money_is_normalised_to_dollars() -> None:
    mention = only("The fire wiped out millions of dollars of stock.")
    assert mention.normalised == (2_000_000, 9_999_999, "USD")


@pytest.mark.parametrize(
    "text",
    [
        "Many people were hurt.",
        "Numerous attacks followed.",
        "A large number of guards stood by.",
        "Countless families fled.",
        "Test scores rose.",
        "The scores were close.",
        "Their scores improved.",
    ],
)
def test_words_that_state_no_number(text: str) -> None:
    assert find_counts(text) == []


# --- zero claims --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("There were no casualties in the blast.", "no casualties"),
        ("The shelling caused no deaths.", "no deaths"),
        ("The ministry reported no injuries.", "no injuries"),
        ("Officials said no fatalities were recorded.", "no fatalities"),
        ("There were no reported casualties.", "no reported casualties"),
        ("No one was killed in the fire.", "No one"),
        ("Police said no one was hurt.", "no one"),
        ("No-one was hurt.", "No-one"),
        ("Nobody was hurt in the crash.", "Nobody"),
        ("Officials insisted nobody died.", "nobody"),
        ("Not a single death was recorded.", "Not a single death"),
        ("There was not a single casualty.", "not a single casualty"),
        ("Not one resident was harmed.", "Not one resident"),
        ("None of the residents were hurt.", "None of the residents"),
        ("none of them was injured", "none of them"),
        ("The camp was cleared without loss of life.", "without loss of life"),
        ("The march ended without any casualties.", "without any casualties"),
        ("The shelling did not lead to any casualties.", "did not lead to any casualties"),
        ("The mortar fire has not caused any deaths.", "has not caused any deaths"),
        ("The blast didn’t cause any injuries.", "didn’t cause any injuries"),
        ("There weren't any fatalities.", "weren't any fatalities"),
        ("Zero deaths were reported.", "Zero deaths"),
        ("The protest saw no arrests.", "no arrests"),
    ],
)
def test_zero_claim(text: str, quote: str) -> None:
    mention = only(text)
    assert text[mention.start : mention.end] == quote
    assert (mention.low, mention.high, mention.qualifier) == (0, 0, "exact")
    assert mention.value == 0 and mention.rule == "number.zero.v1"


@pytest.mark.parametrize(
    "text",
    [
        "No one else came.",
        "No one knows why.",
        "Nobody could say.",
        "It was none other than the mayor.",
        "He was none the wiser.",
        "There is no doubt.",
        "No progress was made.",
        "Zero tolerance was declared.",
    ],
)
def test_not_a_zero_claim(text: str) -> None:
    assert find_counts(text) == []


# --- units --------------------------------------------------------------------------------

SQ_MI = 2.589988110336
MI = 1.609344

UNITS = [
    # area
    ("14 square miles", 14, 14, "sq mi", "area", (14 * SQ_MI, 14 * SQ_MI, "km2")),
    ("14-square-mile", 14, 14, "sq mi", "area", (14 * SQ_MI, 14 * SQ_MI, "km2")),
    ("14 square-mile", 14, 14, "sq mi", "area", (14 * SQ_MI, 14 * SQ_MI, "km2")),
    ("14 sq mi", 14, 14, "sq mi", "area", (14 * SQ_MI, 14 * SQ_MI, "km2")),
    ("14 sq. mi", 14, 14, "sq mi", "area", (14 * SQ_MI, 14 * SQ_MI, "km2")),
    ("36 square kilometers", 36, 36, "km2", "area", (36, 36, "km2")),
    ("36 square kilometres", 36, 36, "km2", "area", (36, 36, "km2")),
    ("36 square kilometer", 36, 36, "km2", "area", (36, 36, "km2")),
    ("36 km2", 36, 36, "km2", "area", (36, 36, "km2")),
    ("36 km²", 36, 36, "km2", "area", (36, 36, "km2")),
    ("36 sq km", 36, 36, "km2", "area", (36, 36, "km2")),
    ("36km2", 36, 36, "km2", "area", (36, 36, "km2")),
    ("approximately 36 square kilometers", 32, 40, "km2", "area", (32, 40, "km2")),
    ("half a square kilometer", 0.5, 0.5, "km2", "area", (0.5, 0.5, "km2")),
    ("0.6 square kilometers", 0.6, 0.6, "km2", "area", (0.6, 0.6, "km2")),
    ("200 hectares", 200, 200, "ha", "area", (2, 2, "km2")),
    ("5 ha", 5, 5, "ha", "area", (0.05, 0.05, "km2")),
    ("40 acres", 40, 40, "acre", "area", (0.16187, 0.16187, "km2")),
    ("300 dunams", 300, 300, "dunam", "area", (0.3, 0.3, "km2")),
    ("5,000 square metres", 5000, 5000, "m2", "area", (0.005, 0.005, "km2")),
    ("over 1.5 square miles", 1.6, None, "sq mi", "area", (1.6 * SQ_MI, None, "km2")),
    # distance
    ("60 miles", 60, 60, "mi", "distance", (60 * MI, 60 * MI, "km")),
    ("ten miles", 10, 10, "mi", "distance", (10 * MI, 10 * MI, "km")),
    ("31-mile", 31, 31, "mi", "distance", (31 * MI, 31 * MI, "km")),
    ("about 44 miles", 40, 48, "mi", "distance", (40 * MI, 48 * MI, "km")),
    ("about 200 miles", 180, 220, "mi", "distance", (180 * MI, 220 * MI, "km")),
    ("96 kilometers", 96, 96, "km", "distance", (96, 96, "km")),
    ("96 kilometres", 96, 96, "km", "distance", (96, 96, "km")),
    ("96 km", 96, 96, "km", "distance", (96, 96, "km")),
    ("96km", 96, 96, "km", "distance", (96, 96, "km")),
    ("10-km", 10, 10, "km", "distance", (10, 10, "km")),
    ("500 metres", 500, 500, "m", "distance", (0.5, 0.5, "km")),
    ("10 nautical miles", 10, 10, "nmi", "distance", (18.52, 18.52, "km")),
    ("30-40 km", 30, 40, "km", "distance", (30, 40, "km")),
    ("less than 2.5 km", 0, 2.4, "km", "distance", (0, 2.4, "km")),
    ("from 5 km to 10 km", 5, 10, "km", "distance", (5, 10, "km")),
    ("30 miles to 40 miles", 30, 40, "mi", "distance", (30 * MI, 40 * MI, "km")),
    # money
    ("$10.7 million", 10_700_000, 10_700_000, "USD", "money", (10.7e6, 10.7e6, "USD")),
    ("$3.5 million", 3_500_000, 3_500_000, "USD", "money", (3.5e6, 3.5e6, "USD")),
    ("US$ 3 million", 3_000_000, 3_000_000, "USD", "money", (3e6, 3e6, "USD")),
    ("US$3 million", 3_000_000, 3_000_000, "USD", "money", (3e6, 3e6, "USD")),
    ("3 million dollars", 3_000_000, 3_000_000, "USD", "money", (3e6, 3e6, "USD")),
    ("500 US dollars", 500, 500, "USD", "money", (500, 500, "USD")),
    ("USD 500", 500, 500, "USD", "money", (500, 500, "USD")),
    ("$500,000", 500_000, 500_000, "USD", "money", (5e5, 5e5, "USD")),
    ("$3.5m", 3_500_000, 3_500_000, "USD", "money", (3.5e6, 3.5e6, "USD")),
    ("$2bn", 2_000_000_000, 2_000_000_000, "USD", "money", (2e9, 2e9, "USD")),
    ("approx. $525 million", 472_500_000, 577_500_000, "USD", "money",
     (472.5e6, 577.5e6, "USD")),
    ("$5-10 million", 5_000_000, 10_000_000, "USD", "money", (5e6, 10e6, "USD")),
    ("€5 million", 5_000_000, 5_000_000, "EUR", "money", None),
    ("£3bn", 3_000_000_000, 3_000_000_000, "GBP", "money", None),
    ("2,000 dinars", 2000, 2000, "dinar", "money", None),
    ("20,000 Iraqi dinars", 20000, 20000, "IQD", "money", None),
    ("1 million Iranian rials", 1_000_000, 1_000_000, "IRR", "money", None),
    # percent
    ("10 percent", 10, 10, "percent", "percent", None),
    ("10%", 10, 10, "percent", "percent", None),
    ("10 per cent", 10, 10, "percent", "percent", None),
    ("ten percent", 10, 10, "percent", "percent", None),
    ("over 90 percent", 91, None, "percent", "percent", None),
    ("over 90%", 91, None, "percent", "percent", None),
    ("over 2.5 percent", 2.6, None, "percent", "percent", None),
    ("3 percentage points", 3, 3, "percent", "percent", None),
    ("between 10% and 20%", 10, 20, "percent", "percent", None),
    ("5-10%", 5, 10, "percent", "percent", None),
    ("10 to 20 percent", 10, 20, "percent", "percent", None),
    # durations
    ("16-month", 16, 16, "months", "duration", None),
    ("16-months", 16, 16, "months", "duration", None),
    ("eight-year", 8, 8, "years", "duration", None),
    ("two years", 2, 2, "years", "duration", None),
    ("ten days", 10, 10, "days", "duration", None),
    ("three weeks", 3, 3, "weeks", "duration", None),
    ("24-hour", 24, 24, "hours", "duration", None),
    ("45 minutes", 45, 45, "minutes", "duration", None),
    ("two decades", 2, 2, "decades", "duration", None),
    ("three and a half weeks", 3.5, 3.5, "weeks", "duration", None),
    ("six-and-a-half-year", 6.5, 6.5, "years", "duration", None),
    ("five-and-a-half months", 5.5, 5.5, "months", "duration", None),
    ("two and a half hours", 2.5, 2.5, "hours", "duration", None),
    ("nearly 14 years", 13, 14, "years", "duration", None),
    ("nearly two years", 2, 2, "years", "duration", None),
    ("over 25 years", 26, None, "years", "duration", None),
    ("10 or so years", 9, 11, "years", "duration", None),
    ("half an hour", 0.5, 0.5, "hours", "duration", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("phrase", "low", "high", "unit", "kind", "normalised"), UNITS, ids=[u[0] for u in UNITS]
)
def test_figure_with_a_unit(
    phrase: str,
    low: float,
    high: float | None,
    unit: str,
    kind: str,
    normalised: tuple[float, float | None, str] | None,
) -> None:
    text = f"The report gave {phrase} for the new site."
    mention = only(text)
    assert text[mention.start : mention.end] == phrase
    assert mention.low == pytest.approx(low)
    assert mention.high == (None if high is None else pytest.approx(high))
    assert (mention.unit, mention.kind) == (unit, kind)
    if normalised is None:
        assert mention.normalised is None
    else:
        assert mention.normalised is not None
        n_low, n_high, base = mention.normalised
        assert n_low == pytest.approx(normalised[0], rel=1e-4)
        assert n_high == (None if normalised[1] is None else pytest.approx(normalised[1], rel=1e-4))
        assert base == normalised[2]


def test_non_integral_values_stay_floats() -> None:
    mention = only("The plot covers half a square kilometer of sand.")
    assert mention.low == 0.5 and isinstance(mention.low, float)
    whole = only("The plot covers some 36 square kilometers of sand.")
    assert isinstance(whole.low, int) and isinstance(whole.high, int)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("one-fourth of", 0.25),
        ("a quarter of", 0.25),
        ("two-thirds of", 2 / 3),
        ("three quarters of", 0.75),
        ("one third of", 1 / 3),
        ("one-fifth of", 0.2),
    ],
)
def test_fraction(phrase: str, value: float) -> None:
    text = f"They sold {phrase} the land."
    mention = only(text)
    assert text[mention.start : mention.end] == phrase.removesuffix(" of")
    assert mention.kind == "fraction" and mention.rule == "number.fraction.v1"
    assert mention.low == pytest.approx(value) and mention.value == pytest.approx(value)


# --- what is not a count ------------------------------------------------------------------

NOT_COUNTS = [
    # exclude.year.v1
    "The camp opened in 2009.",
    "It was founded in 1986 by exiles.",
    "From 2003 to 2013 the siege went on.",
    "The 2003-2013 period was hard.",
    "Between 2009 and 2012 talks stalled.",
    "The 1980-88 war ended.",
    "It grew during the 1980s.",
    "It grew during the 1990's.",
    "In 2011 residents marched.",
    "The 2011 raid was condemned.",
    "Since 2015 the site is empty.",
    # exclude.date.v1
    "On July 28 the gates closed.",
    "The gates closed on 28 July 2009.",
    "The gates closed on July 28, 2009.",
    "It happened on 9/9/2016 at night.",
    "It happened on 2009-07-28 at night.",
    "The raids of July 28-29 were brutal.",
    "The raids on 14 and 15 March were brutal.",
    "It ended on the 28th of July.",
    "It ended on Sept. 11 that year.",
    "Talks resumed on 5 May.",
    # exclude.time.v1
    "The bus left at 10:30 sharp.",
    "The bus left at 5 p.m. sharp.",
    "The bus left at 5pm sharp.",
    "The bus left at 7 a.m. sharp.",
    "The shelling began at 5:15 AM.",
    "The bus left at 9 o'clock.",
    "Curfew starts at 2300 GMT.",
    # exclude.age.v1
    "The victim, aged 45, was a nurse.",
    "A 36-year-old man was held.",
    "The driver was 45 years old.",
    "She died at the age of 45.",
    "A two-year-old girl was found.",
    "Those aged between 20 and 30 were held.",
    "He is 70 years of age.",
    # exclude.reference.v1
    "See p. 45 for the list.",
    "See pp. 45–50 for the list.",
    "The list is on page 12.",
    "The houses burned.[12] Later that week",
    "Rain fell^3 all week.",
    "As stated in note 4, the camp closed.",
    "The camp had water for residents.12 Later the pumps failed.",
    "Under Resolution 1883 the mission grew.",
    "It breaches Article 45 of the treaty.",
    "Read Section 3 first.",
    "Chapter 7 covers sanctions.",
    "Document No. 5 was leaked.",
    "It was the number one priority.",
    "Take the number 52 bus.",
    "Item #5 was missing.",
    "As § 3 says, entry is barred.",
    "They were held in Camp 7 for weeks.",
    "They boarded Flight 17 that evening.",
    "The crew of the Apollo 11 mission landed.",
    'He called it "a massacre."7 The report went on.',
    "He called it “a massacre.”7 The report went on.",
    "4) Ibid.",
    "1. Introduction",
    "Contents\n2. Background\n3) Method",
    "The hall in Ashraf 3 was rebuilt.",
    # exclude.measure.v1
    "Temperatures reached 48 °C in July.",
    "The convoy drove at 50 km/h.",
    "The convoy drove at 30 mph.",
    "The site lies at 33°43′N.",
    "The convoy turned 90 degrees.",
    # exclude.ordinal.v1
    "The 56th Brigade moved in.",
    "The 56 th Brigade moved in.",
    "The 1st Division stayed.",
    "The 2nd battalion stayed.",
    "The 3rd wave came.",
    "The first attack came at dawn.",
    "The second came later.",
    "A third of the camp burned.",
    "They tried a third time.",
    # exclude.designator.v1
    "The jets were F-4 Phantoms.",
    "A MiG-29 crashed.",
    "A Su-25 crashed.",
    "A T-72 rolled in.",
    "The COVID-19 rules were lifted.",
    "The G7 summit ended.",
    "The 3G network failed.",
    "They carried M16 rifles.",
    "A 4x4 truck was seen.",
    # exclude.identifier.v1
    "Call +964 770 123 4567 for help.",
    "Call (202) 555-0143 for help.",
    "Its ISBN 978-3-16-148410-0 is listed.",
    "Install version 3.8.1 now.",
    "Agent 007 was fiction.",
    # exclude.one.v1
    "One of them was released.",
    "They helped one another.",
    "One day the guards left.",
    "He was the one who spoke.",
    "They left one by one.",
    "At one point the guards left.",
    "On the one hand it was quiet.",
    "One must wait.",
    "This one was empty.",
    # exclude.compound.v1
    "They backed a two-state solution.",
    "It was a four-star hotel.",
    "The report was one-sided.",
    "They held three-party talks.",
    # exclude.fraction.v1
    "Half of the camp burned.",
    "Only a half remained.",
    # no figure at all
    "Many people were hurt.",
    "The first and the last were freed.",
    "Someone opened the gate.",
    "Nonetheless, they stayed.",
    "Tension rose often.",
]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_a_count(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2009, 52 people died.", ["52"]),
        ("On July 28, 2009, 36 men were taken.", ["36"]),
        ("Eight F-4 Phantoms flew; one F-4 was lost.", ["Eight", "one"]),
        ("Some 3,400 lived there in 2012.", ["Some 3,400"]),
        ("About 2000 people marched.", ["About 2000"]),
        ("It cost $2000 then.", ["$2000"]),
        ("That took 2000 years.", ["2000 years"]),
        ("Nine guards, among them four officers, were seized.", ["Nine", "four"]),
        ("Of the 60 held, 41 of whom were students", ["60", "41"]),
        ("Three of its groups joined.", ["Three"]),
        ("The toll rose from 30 to 40.", ["from 30 to 40"]),
        ("They killed 52 - 10 of them women.", ["52", "10"]),
        ("killing 11 and wounding 318", ["11", "318"]),
        ("Killing 52 people shocked them.", ["52"]),
        ("ten\n\nTwo people came.", ["ten", "Two"]),
        ("twenty\n\nfive boats", ["twenty", "five"]),
        ("The two sides met.", ["two"]),
        ("All but 100 residents left.", ["100"]),
        ("The raid injured another thousand.", ["thousand"]),
        ("Camp Liberty, 52 residents", ["52"]),
        ("A 1,000-strong force arrived.", ["1,000"]),
        ("A 12-member team came.", ["12"]),
        ("Iraqi Forces Kill 36 Residents In Raid", ["36"]),
        ("Gunmen Kill At Least 11 Guards", ["At Least 11"]),
        ("The report lists 52.\n1. Method", ["52"]),
        ("They killed 3 (three) men.", ["3", "three"]),
    ],
)
def test_figures_among_other_numbers(text: str, expected: list[str]) -> None:
    assert quotes(text) == expected


# --- spans and text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("They killed 52.", "52"),
        ("They killed 52, then left.", "52"),
        ("They killed 52; then left.", "52"),
        ("They killed (more than 280) people.", "more than 280"),
        ("They walked about 44 miles.", "about 44 miles"),
        ("It covers 14 sq. mi. in all.", "14 sq. mi"),
        ("It cost $10.7 million.", "$10.7 million"),
        ("It cost approx. $525 million!", "approx. $525 million"),
        ("Prices rose 10%.", "10%"),
        ("They said “52” died.", "52"),
        ("They said ‘nine’ died.", "nine"),
        ('They said "nine" died.', "nine"),
        ('The figure ("52") was disputed.', "52"),
        ("They killed\xa052\xa0people.", "52"),
        ("They killed at\xa0least\xa011 people.", "at\xa0least\xa011"),
        ("They killed at least\u202f11 people.", "at least\u202f11"),
        ("They killed at least\n11 people.", "at least\n11"),
        ("52 people died.", "52"),
        ("Nine", "Nine"),
        ("Between 30–40 people came.", "Between 30–40"),
        ("The 30—40 figure held.", "30—40"),
    ],
)
def test_span_is_the_expression_without_punctuation(text: str, quote: str) -> None:
    mention = only(text)
    assert text[mention.start : mention.end] == quote


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"])
def test_thousands_grouped_by_a_narrow_space(space: str) -> None:
    text = f"Some 3{space}400 people lived there."
    mention = only(text)
    assert text[mention.start : mention.end] == f"Some 3{space}400"
    assert (mention.value, mention.low, mention.high) == (3400, 3060, 3740)


def test_a_plain_space_does_not_group_thousands() -> None:
    assert quotes("They counted 12 000 people.") == ["12"]


def test_dinars_written_before_the_number() -> None:
    mention = only("The council set aside IQD 5 billion for roads.")
    assert (mention.low, mention.unit, mention.kind, mention.normalised) == (
        5_000_000_000,
        "IQD",
        "money",
        None,
    )


def test_qualifier_does_not_reach_across_a_paragraph() -> None:
    text = "They held at least\n\n11 people."
    assert quotes(text) == ["11"]


def test_offsets_point_into_the_text_given() -> None:
    text = "Preface. Gunmen killed at least 11 people. Then 318 more were hurt. Tail."
    start = text.index("Gunmen")
    end = text.index(" Tail")
    found = find_counts(text, start, end)
    assert [text[m.start : m.end] for m in found] == ["at least 11", "318"]
    assert found[0].number_start == text.index("11")


def test_window_is_read_as_a_whole_text() -> None:
    text = "The F-4 crashed."
    start = text.index("4")
    assert quotes(text) == []
    assert [text[m.start : m.end] for m in find_counts(text, start)] == ["4"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both drivers were detained.", ["Both"]),
        ("Both drivers were detained and questioned.", ["Both"]),
        ("Both men died and were buried.", ["Both"]),
        ("They saw both trucks burn.", ["both"]),
        ("In both raids, 52 died.", ["both", "52"]),
        ("Both Iraq and Iran agreed.", []),
        ("It hurt both the army and the police.", []),
        ("They met both in Baghdad and in Basra.", []),
        ("Both of us left.", []),
        ("It cuts both ways.", []),
    ],
)
def test_both(text: str, expected: list[str]) -> None:
    assert quotes(text) == expected
    assert all(m.low == m.high == 2 for m in find_counts(text) if m.value == 2)


def test_window_given_with_negative_offsets() -> None:
    text = "Gunmen killed at least 11 people."
    found = find_counts(text, -24, -7)
    assert [text[m.start : m.end] for m in found] == ["at least 11"]


@pytest.mark.parametrize(
    "text",
    [
        "between 5" + " " * 20000 + "people",
        "two" + "\xa0" * 20000 + "people",
        "1" * 20000,
        "-".join(["1"] * 5000),
        ",".join(["100"] * 5000),
    ],
    ids=["spaces", "no-break-spaces", "digits", "dashes", "commas"],
)
def test_long_runs_are_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    found = find_counts(text)
    assert time.perf_counter() - started < 2.0
    assert all(m.end - m.start < 100 for m in found)


def test_empty_and_blank_text() -> None:
    assert find_counts("") == []
    assert find_counts("   \n\n ") == []
    assert find_counts("abc", 1, 1) == []


# --- intervals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("more than 0.5 km", 0.6, None),
        ("more than 2.55 km", 2.56, None),
        ("fewer than 2.5 km", 0, 2.4),
        ("about 2.5 km", 2.25, 2.75),
        ("nearly 0.6 km", 0.54, 0.6),
        ("about 36 km", 32, 40),
        ("nearly 15 km", 14, 15),
    ],
)
def test_interval_arithmetic_in_the_last_written_digit(
    phrase: str, low: float, high: float | None
) -> None:
    mention = only(f"The road runs {phrase} east.")
    assert mention.low == pytest.approx(low)
    assert mention.high == (None if high is None else pytest.approx(high))


# --- number words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("one", 1),
        ("nine", 9),
        ("ten", 10),
        ("thirteen", 13),
        ("Thirty-six", 36),
        ("thirty six", 36),
        ("ninety-nine", 99),
        ("a hundred", 100),
        ("an hundred", 100),
        ("hundred", 100),
        ("one hundred", 100),
        ("two hundred and five", 205),
        ("two hundred five", 205),
        ("a hundred and fifty", 150),
        ("a thousand", 1000),
        ("thousand", 1000),
        ("twenty thousand", 20_000),
        ("two thousand five hundred", 2500),
        ("three hundred thousand", 300_000),
        ("a million", 1_000_000),
        ("four-and-a-half", 4.5),
        ("three and a half", 3.5),
        ("one and a half million", 1_500_000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("half", 0.5),
        ("half a", 0.5),
        ("half an", 0.5),
        ("half a million", 500_000),
        ("one-fourth", 0.25),
        ("a quarter", 0.25),
        ("three quarters", 0.75),
        ("a quarter of a million", 250_000),
        ("20 thousand", 20_000),
        ("3 million", 3_000_000),
        ("5.2 million", 5_200_000),
        ("1,500 thousand", 1_500_000),
    ],
)
def test_parse_number_words(words: str, value: float) -> None:
    parsed = parse_number_words(words)
    assert parsed == pytest.approx(value)
    assert isinstance(parsed, int) == isinstance(value, int)


@pytest.mark.parametrize(
    "words",
    [
        "",
        "a",
        "and",
        "hundreds",
        "five six",
        "twenty ten",
        "ten twenty",
        "a five",
        "two and",
        "many",
        "several",
        "and a half",
        "million hundred",
        "half the",
        "thirty-six-ish",
    ],
)
def test_parse_number_words_rejects(words: str) -> None:
    assert parse_number_words(words) is None


# --- properties ---------------------------------------------------------------------------

# Pieces of prose: text, and the figure it states (None for none). Each figure is fenced
# by words of its own piece, so that pieces can follow one another in any order.
PIECES: list[tuple[str, str | None]] = [
    ("gunmen killed 52 villagers", "52"),
    ("guards beat at least 11 inmates", "at least 11"),
    ("medics treated nearly 500 patients", "nearly 500"),
    ("officials counted some 3,200 tents", "some 3,200"),
    ("rebels freed Thirty-six hostages", "Thirty-six"),
    ("troops held two hundred and five men", "two hundred and five"),
    ("the camp lost dozens of trailers", "dozens"),
    ("crowds of tens of thousands of marchers", "tens of thousands"),
    ("the town lies 96 kilometers from here", "96 kilometers"),
    ("the field spans 14 square miles of sand", "14 square miles"),
    ("donors gave $10.7 million in aid", "$10.7 million"),
    ("the plan sold over 90 percent of land", "over 90 percent"),
    ("the talks dragged on for five-and-a-half years in all", "five-and-a-half years"),
    ("police said no one was hurt", "no one"),
    ("somewhere between 30 and 40 guards", "between 30 and 40"),
    ("clerks found two or three files", "two or three"),
    ("the siege began in 2009 after talks", None),
    ("the gates closed on 28 July 2009 at night", None),
    ("the letter cites Article 45 twice", None),
    ("a 36-year-old nurse spoke", None),
    ("one of the guards spoke", None),
    ("eight F-4 jets flew past", "eight"),
    ("the list on page 12 names them", None),
    ("many people waited", None),
    ("witnesses said", None),
]
GLUE = [" ", ", ", ". ", "; ", "\n", "\n\n", " and ", " – ", "\xa0"]


@st.composite
def prose(draw: st.DrawFn) -> tuple[str, list[tuple[int, str]]]:
    """A text assembled from PIECES, and where each expected figure lies in it."""
    pieces = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
    text = ""
    expected: list[tuple[int, str]] = []
    for i, (piece, figure) in enumerate(pieces):
        if i:
            text += draw(st.sampled_from(GLUE))
        if figure is not None:
            expected.append((len(text) + piece.index(figure), figure))
        text += piece
    return text + draw(st.sampled_from(["", ".", "!"])), expected


@settings(max_examples=300, deadline=None)
@given(prose())
def test_mentions_of_assembled_prose(case: tuple[str, list[tuple[int, str]]]) -> None:
    text, expected = case
    found = find_counts(text)
    assert [(m.start, text[m.start : m.end]) for m in found] == expected
    previous_end = 0
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start <= mention.number_start < mention.number_end <= mention.end
        assert mention.start >= previous_end
        previous_end = mention.end


@settings(max_examples=200, deadline=None)
@given(prose(), st.data())
def test_window_equals_the_slice(
    case: tuple[str, list[tuple[int, str]]], data: st.DataObject
) -> None:
    text, _ = case
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    inside = find_counts(text, start, end)
    alone = find_counts(text[start:end])
    assert [(m.start - start, m.end - start, m.low, m.high) for m in inside] == [
        (m.start, m.end, m.low, m.high) for m in alone
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("0123456789 ,.-–$%()[]aetonsrhidmy\n\xa0")), max_size=80)
)
def test_any_text_gives_ordered_mentions_within_bounds(text: str) -> None:
    previous_end = 0
    for mention in find_counts(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert mention.number_start >= mention.start and mention.number_end <= mention.end
        assert text[mention.end - 1 : mention.end] not in (".", ",", ";", " ")
        assert mention.high is None or mention.low <= mention.high
        previous_end = mention.end


TOKENS = (
    "at least more than over about some nearly up to between and from to or no one none "
    "not a single a an half quarter dozen dozens scores hundreds thousands tens of several "
    "few number couple two three-thirds thirty-six hundred thousand million another of the "
    "52 3,200 5.2 2009 1,000 0.5 007 10:30 9/9 F-4 % $ US$ USD km miles square sq mi km2 "
    "years-old year-old aged page Article July 28th and-a-half or-so + - – ( ) [ ] . , ; "
    "people killed did n't any casualties without loss life Camp Ashraf"
).split()


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(TOKENS), st.sampled_from([" ", "", "-", "\n", ", ", "\xa0"])),
        max_size=30,
    )
)
def test_word_salad_gives_ordered_mentions_within_bounds(
    tokens: list[tuple[str, str]],
) -> None:
    text = "".join(token + glue for token, glue in tokens)
    previous_end = 0
    for mention in find_counts(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert mention.start <= mention.number_start < mention.number_end <= mention.end
        assert mention.high is None or mention.low <= mention.high
        assert mention.rule in RULES
        previous_end = mention.end
