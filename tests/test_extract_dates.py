"""Dates in running text: spans, EDTF, precision, context years and relative dates."""

from __future__ import annotations

from datetime import date

import pytest
from edtf import parse_edtf
from hypothesis import given, settings
from hypothesis import strategies as st

from tellings.errors import InvalidValue
from tellings.extract.dates import (
    DateContext,
    DateMention,
    edtf_bounds,
    find_dates,
    leading_date,
    narrowest,
)

# A Wednesday; every relative date below is counted from it.
PUBLISHED = "2015-03-18"


def dates_in(text: str, published: str | None = None) -> list[DateMention]:
    return find_dates(text, DateContext(published))


def the_date(text: str, published: str | None = None) -> DateMention:
    found = dates_in(text, published)
    assert len(found) == 1, [(text[m.start : m.end], m.edtf) for m in found]
    return found[0]


def check(text: str, span: str, edtf: str | None, precision: str, published: str | None = None):
    mention = the_date(text, published)
    assert text[mention.start : mention.end] == span
    assert mention.edtf == edtf
    assert mention.precision == precision
    return mention


# --- full dates ------------------------------------------------------------------------

FULL_DATES = [
    ("The convoy left on 28 July 2009 at dawn.", "on 28 July 2009", "2009-07-28"),
    ("Talks ended July 28, 2009 without a deal.", "July 28, 2009", "2009-07-28"),
    ("Talks ended July 28 2009 without a deal.", "July 28 2009", "2009-07-28"),
    ("It was signed on the 28th of July 2009.", "on the 28th of July 2009", "2009-07-28"),
    ("It was signed on the 28th of July, 2009.", "on the 28th of July, 2009", "2009-07-28"),
    ("Ceasefire: Tuesday, 28 July 2009, noon.", "Tuesday, 28 July 2009", "2009-07-28"),
    ("Ceasefire on Tuesday 28 July 2009.", "on Tuesday 28 July 2009", "2009-07-28"),
    ("Filed Tue, July 28, 2009 by the clerk.", "Tue, July 28, 2009", "2009-07-28"),
    ("Record 2009-07-28 shows the entry.", "2009-07-28", "2009-07-28"),
    ("Record 2009/07/28 shows the entry.", "2009/07/28", "2009-07-28"),
    ("Logged at 2009-07-28T14:00 by the desk.", "at 2009-07-28", "2009-07-28"),
    ("The form is dated 28/07/2009 in ink.", "28/07/2009", "2009-07-28"),
    ("The form is dated 28.07.2009 in ink.", "28.07.2009", "2009-07-28"),
    ("The form is dated 28-07-2009 in ink.", "28-07-2009", "2009-07-28"),
    ("The form is dated 03/04/2009 in ink.", "03/04/2009", "2009-04-03"),
    ("The form is dated 07/28/2009 in ink.", "07/28/2009", "2009-07-28"),
    ("The memo of Jul. 28, 2009 was leaked.", "of Jul. 28, 2009", "2009-07-28"),
    ("Hearings opened Sept. 1, 2013 in Geneva.", "Sept. 1, 2013", "2013-09-01"),
    ("Hearings opened Sep 1, 2013 in Geneva.", "Sep 1, 2013", "2013-09-01"),
    ("Hearings opened 1 Sept 2013 in Geneva.", "1 Sept 2013", "2013-09-01"),
    ("Hearings opened on 1st September 2013.", "on 1st September 2013", "2013-09-01"),
    ("The raid began on February 29, 2012 at night.", "on February 29, 2012", "2012-02-29"),
    ("He returned on 2 January 1979 to Tehran.", "on 2 January 1979", "1979-01-02"),
    ("A report of 14 July 1789 survives.", "of 14 July 1789", "1789-07-14"),
    ("JULY 28, 2009: TROOPS ENTER", "JULY 28, 2009", "2009-07-28"),
    ("Dec. 31, 1999 was the last day.", "Dec. 31, 1999", "1999-12-31"),
    ("The vote took place in Geneva on Nov 5, 2010.", "on Nov 5, 2010", "2010-11-05"),
    ("It closed during 5 March 2004, officials said.", "during 5 March 2004", "2004-03-05"),
    ("Sunday, March 8, 2015, was cold.", "Sunday, March 8, 2015", "2015-03-08"),
    ("On Wednesday, 3 June 2015, they met.", "On Wednesday, 3 June 2015", "2015-06-03"),
    ("The 30th of April 2001 was chosen.", "The 30th of April 2001", "2001-04-30"),
    ("Aug 15 2011 marked the start.", "Aug 15 2011", "2011-08-15"),
    ("From the archive: 2011-04-08.", "2011-04-08", "2011-04-08"),
    (
        "Sent\u00a0on 9\u00a0February\u00a02013 by courier.",
        "on 9\u00a0February\u00a02013",
        "2013-02-09",
    ),
    ("Sent on 9\nFebruary 2013 by courier.", "on 9\nFebruary 2013", "2013-02-09"),
]


@pytest.mark.parametrize(("text", "span", "edtf"), FULL_DATES)
def test_full_dates(text: str, span: str, edtf: str) -> None:
    mention = check(text, span, edtf, "day")
    assert mention.kind == "absolute"
    assert mention.year_from is None


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("on 28 July 2009", "date.day_month_year.v1"),
        ("on July 28, 2009", "date.month_day_year.v1"),
        ("on 2009-07-28", "date.iso.v1"),
        ("on 28/07/2009", "date.numeric.v1"),
        ("in July 2009", "date.month_year.v1"),
        ("in 2009", "date.year.v1"),
        ("circa 2009", "date.circa.v1"),
        ("the 1990s", "date.decade.v1"),
        ("in early 2009", "date.part_of_year.v1"),
        ("in late July 2009", "date.part_of_month.v1"),
        ("the early 1990s", "date.part_of_decade.v1"),
        ("in the summer of 2009", "date.season.v1"),
        ("July 28-29, 2009", "date.month_day_range.v1"),
        ("28-29 July 2009", "date.day_range.v1"),
        ("February–September 2013", "date.month_range.v1"),
        ("2003-2013", "date.year_range.v1"),
        ("July 28 - August 2, 2009", "date.date_range.v1"),
        ("from February 2012 to September 2013", "date.range.v1"),
        ("since 2009", "date.since.v1"),
        ("until 2016", "date.until.v1"),
        ("by 2013", "date.by.v1"),
        ("before 2003", "date.before.v1"),
        ("after 2003", "date.after.v1"),
        ("from 2010 onwards", "date.onwards.v1"),
    ],
)
def test_rule_names(text: str, rule: str) -> None:
    assert the_date(text).rule == rule


# --- months and years ------------------------------------------------------------------

MONTHS_AND_YEARS = [
    ("The siege began in July 2009 and lasted.", "in July 2009", "2009-07", "month"),
    ("The siege began in July of 2009 and lasted.", "in July of 2009", "2009-07", "month"),
    ("The siege began July, 2009 and lasted.", "July, 2009", "2009-07", "month"),
    ("The siege began in Sept. 2009 and lasted.", "in Sept. 2009", "2009-09", "month"),
    ("The siege began in Dec 2009 and lasted.", "in Dec 2009", "2009-12", "month"),
    ("MARCH 2011", "MARCH 2011", "2011-03", "month"),
    ("A petition in May 2006 drew support.", "in May 2006", "2006-05", "month"),
    ("Troops marched in March 2003 towards the city.", "in March 2003", "2003-03", "month"),
    ("The camp was founded in 1986 near the border.", "in 1986", "1986", "year"),
    ("In 2012, the residents were moved.", "In 2012", "2012", "year"),
    ("It had grown since its founding; during 1991 it doubled.", "during 1991", "1991", "year"),
    ("The figures of 2014 were lower.", "of 2014", "2014", "year"),
    ("Data from 2010 show a rise.", "from 2010", "2010", "year"),
    ("Throughout 2013 the shelling went on.", "Throughout 2013", "2013", "year"),
    ("As of 2020, the site is empty.", "As of 2020", "2020", "year"),
    ("It was built in the year 1999 by hand.", "in the year 1999", "1999", "year"),
    ("The population was 3,400 in 2012.", "in 2012", "2012", "year"),
    ("In 2009, 2,000 people left.", "In 2009", "2009", "year"),
    ("In 2009 Turkish engineers surveyed the dam.", "In 2009", "2009", "year"),
    ("A treaty was signed circa 1920 in Paris.", "circa 1920", "1920~", "year"),
    ("A treaty was signed c. 1920 in Paris.", "c. 1920", "1920~", "year"),
    ("A treaty was signed ca. 1920 in Paris.", "ca. 1920", "1920~", "year"),
    ("It happened around July 2009 as far as we know.", "around July 2009", "2009-07~", "month"),
    ("Roughly 12 May 2010 the gates closed.", "Roughly 12 May 2010", "2010-05-12~", "day"),
    ("The camp dates from the 1980s.", "from the 1980s", "1980/1989", "decade"),
    ("The 1980s were hard.", "The 1980s", "1980/1989", "decade"),
    ("Life changed in the 1990s for them.", "in the 1990s", "1990/1999", "decade"),
    ("Life changed in the 1990's for them.", "in the 1990's", "1990/1999", "decade"),
    ("Life changed in the 2000s for them.", "in the 2000s", "2000/2009", "decade"),
    ("Music of 1960s Tehran.", "of 1960s", "1960/1969", "decade"),
    ("Tehran in 1960s music.", "in 1960s", "1960/1969", "decade"),
]


@pytest.mark.parametrize(("text", "span", "edtf", "precision"), MONTHS_AND_YEARS)
def test_months_years_and_decades(text: str, span: str, edtf: str, precision: str) -> None:
    assert check(text, span, edtf, precision).kind == "absolute"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Attacks came in 2009 and 2010.", ["in 2009", "2010"]),
        ("Attacks came in 2009, 2011 and 2013.", ["in 2009", "2011", "2013"]),
        ("Attacks came in 2009, 2011, and 2013.", ["in 2009", "2011", "2013"]),
        ("It was either in 2009 or 2010.", ["in 2009", "2010"]),
        ("Both the 1980s and 1990s saw exile.", ["the 1980s", "1990s"]),
        ("Raids in June 2008 and March 2010 killed many.", ["in June 2008", "March 2010"]),
        ("on July 28 and August 3, 2009", ["on July 28", "August 3, 2009"]),
    ],
)
def test_lists_of_dates(text: str, spans: list[str]) -> None:
    assert [text[m.start : m.end] for m in dates_in(text)] == spans


def test_a_listed_year_is_a_year_list_rule() -> None:
    second = dates_in("in 2009 and 2010")[1]
    assert (second.edtf, second.rule, second.kind) == ("2010", "date.year_list.v1", "absolute")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The 2003 war changed everything.", "2003"),
        ("Before the 1991 U.S.-led campaign, the town was quiet.", "1991"),
        ("The 1991 Gulf War began in the south.", "1991"),
        ("A 2010 report by the agency said so.", "2010"),
        ("Its 2012 census counted everyone.", "2012"),
        ("Under the 1967 refugee protocol they are protected.", "1967"),
        ("2013's attack was the worst.", "2013"),
    ],
)
def test_a_year_that_dates_an_event(text: str, span: str) -> None:
    mention = check(text, span, span, "year")
    assert mention.rule == "date.year_attributive.v1"


# --- ranges ----------------------------------------------------------------------------

RANGES = [
    ("Clashes on July 28-29, 2009 left dead.", "on July 28-29, 2009", "2009-07-28/2009-07-29"),
    ("Clashes on July 28–29, 2009 left dead.", "on July 28–29, 2009", "2009-07-28/2009-07-29"),
    ("Clashes on July 28 - 29, 2009 left dead.", "on July 28 - 29, 2009", "2009-07-28/2009-07-29"),
    ("Clashes on 28-29 July 2009 left dead.", "on 28-29 July 2009", "2009-07-28/2009-07-29"),
    ("Clashes on 28th–29th July 2009.", "on 28th–29th July 2009", "2009-07-28/2009-07-29"),
    ("Clashes on 28 and 29 July 2009.", "on 28 and 29 July 2009", "2009-07-28/2009-07-29"),
    ("Clashes from 28 to 30 July 2009.", "from 28 to 30 July 2009", "2009-07-28/2009-07-30"),
    (
        "Clashes between 28 and 30 July 2009.",
        "between 28 and 30 July 2009",
        "2009-07-28/2009-07-30",
    ),
    ("Clashes from July 28 to 30, 2009.", "from July 28 to 30, 2009", "2009-07-28/2009-07-30"),
    ("Talks ran July 28 - August 2, 2009.", "July 28 - August 2, 2009", "2009-07-28/2009-08-02"),
    ("Talks ran 28 July – 2 August 2009.", "28 July – 2 August 2009", "2009-07-28/2009-08-02"),
    (
        "Talks ran from 28 July to 2 August 2009.",
        "from 28 July to 2 August 2009",
        "2009-07-28/2009-08-02",
    ),
    (
        "Leave ran December 30, 2008 – January 2, 2009.",
        "December 30, 2008 – January 2, 2009",
        "2008-12-30/2009-01-02",
    ),
    (
        "Leave ran December 30 – January 2, 2009.",
        "December 30 – January 2, 2009",
        "2008-12-30/2009-01-02",
    ),
    (
        "It lasted from February 2012 to September 2013.",
        "from February 2012 to September 2013",
        "2012-02/2013-09",
    ),
    (
        "It lasted from May 2004 until February 2010.",
        "from May 2004 until February 2010",
        "2004-05/2010-02",
    ),
    ("It lasted February 2012–September 2013.", "February 2012–September 2013", "2012-02/2013-09"),
    ("It lasted February–September 2013.", "February–September 2013", "2013-02/2013-09"),
    ("It lasted in April–May 2003.", "in April–May 2003", "2003-04/2003-05"),
    ("It lasted April to May 2003.", "April to May 2003", "2003-04/2003-05"),
    ("It lasted in July and August 2009.", "in July and August 2009", "2009-07/2009-08"),
    ("It lasted between 2003 and 2013.", "between 2003 and 2013", "2003/2013"),
    ("It lasted from 2003 to 2013.", "from 2003 to 2013", "2003/2013"),
    ("It lasted from 2003 through 2013.", "from 2003 through 2013", "2003/2013"),
    ("It lasted from 2009-2012.", "from 2009-2012", "2009/2012"),
    ("It lasted 2003-2013.", "2003-2013", "2003/2013"),
    ("It lasted 2003–2013.", "2003–2013", "2003/2013"),
    ("It lasted 2003 – 2013.", "2003 – 2013", "2003/2013"),
    ("It lasted 2009 to 2016.", "2009 to 2016", "2009/2016"),
    ("It lasted in 2012-13.", "in 2012-13", "2012/2013"),
    ("It lasted 2012–13.", "2012–13", "2012/2013"),
    ("It lasted from 1986 until September 2016.", "from 1986 until September 2016", "1986/2016-09"),
    (
        "It lasted from early 2004 to October 2015.",
        "from early 2004 to October 2015",
        "2004-01/2015-10",
    ),
    (
        "It lasted from the summer of 2009 to late 2010.",
        "from the summer of 2009 to late 2010",
        "2009-06/2010-12",
    ),
    (
        "It lasted from July 2009 to September 1, 2013.",
        "from July 2009 to September 1, 2013",
        "2009-07/2013-09-01",
    ),
    (
        "It lasted from 12 January to 24 January 2012.",
        "from 12 January to 24 January 2012",
        "2012-01-12/2012-01-24",
    ),
    ("It lasted from the 1980s to the 2000s.", "from the 1980s to the 2000s", "1980/2009"),
    (
        "It lasted from 28 July 2009 to 2 August 2010.",
        "from 28 July 2009 to 2 August 2010",
        "2009-07-28/2010-08-02",
    ),
    ("Between 2000 and 2010 the camp grew.", "Between 2000 and 2010", "2000/2010"),
]


@pytest.mark.parametrize(("text", "span", "edtf"), RANGES)
def test_ranges(text: str, span: str, edtf: str) -> None:
    mention = check(text, span, edtf, "interval")
    assert mention.kind == "period"


@pytest.mark.parametrize(
    "text",
    [
        "It lasted from 2013 to 2003.",
        "It lasted July 29-28, 2009.",
        "It lasted 2013-2003.",
    ],
)
def test_a_range_that_runs_backwards_is_not_a_range(text: str) -> None:
    assert all(m.precision != "interval" for m in dates_in(text))


# --- parts of years, months and decades; seasons ---------------------------------------

PARTS = [
    ("Talks stalled in early 2009 again.", "in early 2009", "2009-01/2009-04", "interval"),
    ("Talks stalled in Early 2009 again.", "in Early 2009", "2009-01/2009-04", "interval"),
    ("Talks stalled by mid-2003 again.", "by mid-2003", "../2003-08", "interval"),
    ("Talks stalled in mid-2003 again.", "in mid-2003", "2003-05/2003-08", "interval"),
    ("Talks stalled in mid 2003 again.", "in mid 2003", "2003-05/2003-08", "interval"),
    ("Talks stalled in late 2003 again.", "in late 2003", "2003-09/2003-12", "interval"),
    (
        "Talks stalled at the beginning of 2016.",
        "at the beginning of 2016",
        "2016-01/2016-04",
        "interval",
    ),
    ("Talks stalled at the start of 2016.", "at the start of 2016", "2016-01/2016-04", "interval"),
    (
        "Talks stalled in the middle of 2016.",
        "in the middle of 2016",
        "2016-05/2016-08",
        "interval",
    ),
    ("Talks stalled at the end of 2010.", "at the end of 2010", "2010-09/2010-12", "interval"),
    (
        "Talks stalled in the first half of 2012.",
        "in the first half of 2012",
        "2012-01/2012-06",
        "interval",
    ),
    (
        "Talks stalled in the second half of 2012.",
        "in the second half of 2012",
        "2012-07/2012-12",
        "interval",
    ),
    (
        "Talks stalled in the latter part of 2012.",
        "in the latter part of 2012",
        "2012-09/2012-12",
        "interval",
    ),
    (
        "Talks stalled in early July 2009.",
        "in early July 2009",
        "2009-07-01/2009-07-10",
        "interval",
    ),
    ("Talks stalled in mid-July 2009.", "in mid-July 2009", "2009-07-11/2009-07-20", "interval"),
    ("Talks stalled in mid–July 2009.", "in mid–July 2009", "2009-07-11/2009-07-20", "interval"),
    (
        "Talks stalled in late July 2009.",
        "in late July 2009",
        "2009-07-21/2009-07-31",
        "interval",
    ),
    (
        "Talks stalled in late February 2012.",
        "in late February 2012",
        "2012-02-21/2012-02-29",
        "interval",
    ),
    (
        "Talks stalled in late February 2013.",
        "in late February 2013",
        "2013-02-21/2013-02-28",
        "interval",
    ),
    (
        "Talks stalled at the end of July 2009.",
        "at the end of July 2009",
        "2009-07-21/2009-07-31",
        "interval",
    ),
    (
        "Talks stalled in the first half of July 2009.",
        "in the first half of July 2009",
        "2009-07-01/2009-07-15",
        "interval",
    ),
    ("The early 1990s were calm.", "The early 1990s", "1990/1993", "interval"),
    ("Music of the mid-1990s returned.", "of the mid-1990s", "1994/1996", "interval"),
    ("In the late 1990s it returned.", "In the late 1990s", "1997/1999", "interval"),
    (
        "Music of the end of the 1990s returned.",
        "of the end of the 1990s",
        "1997/1999",
        "interval",
    ),
    ("They came in the summer of 2009.", "in the summer of 2009", "2009-06/2009-08", "season"),
    ("They came in summer 2009.", "in summer 2009", "2009-06/2009-08", "season"),
    ("They came in Summer 2009.", "in Summer 2009", "2009-06/2009-08", "season"),
    (
        "They came in the early summer of 1987.",
        "in the early summer of 1987",
        "1987-06/1987-07",
        "season",
    ),
    ("They came in early summer 1986.", "in early summer 1986", "1986-06/1986-07", "season"),
    ("They came in late summer 1986.", "in late summer 1986", "1986-07/1986-08", "season"),
    ("They came in mid-summer 1986.", "in mid-summer 1986", "1986-07", "season"),
    ("They came in spring of 2010.", "in spring of 2010", "2010-03/2010-05", "season"),
    ("They came in Spring 2010.", "in Spring 2010", "2010-03/2010-05", "season"),
    ("They came in autumn 2010.", "in autumn 2010", "2010-09/2010-11", "season"),
    ("They came in the fall of 2010.", "in the fall of 2010", "2010-09/2010-11", "season"),
    ("They came in Fall 2010.", "in Fall 2010", "2010-09/2010-11", "season"),
    ("They came in winter 2012.", "in winter 2012", "2012-12/2013-02", "season"),
    (
        "They came in the winter of 2012-13.",
        "in the winter of 2012-13",
        "2012-12/2013-02",
        "season",
    ),
    ("They came in winter 2012/2013.", "in winter 2012/2013", "2012-12/2013-02", "season"),
    ("They came in late winter 2012.", "in late winter 2012", "2013-01/2013-02", "season"),
    ("They came in early winter 2012.", "in early winter 2012", "2012-12/2013-01", "season"),
]


@pytest.mark.parametrize(("text", "span", "edtf", "precision"), PARTS)
def test_parts_and_seasons(text: str, span: str, edtf: str, precision: str) -> None:
    check(text, span, edtf, precision)


# --- open spans ------------------------------------------------------------------------

OPEN = [
    ("Fighting has gone on since 2009 there.", "since 2009", "2009/..", "2009/2015-03-18"),
    ("Fighting has gone on Since 2009 there.", "Since 2009", "2009/..", "2009/2015-03-18"),
    ("Fighting has gone on ever since 2009.", "ever since 2009", "2009/..", "2009/2015-03-18"),
    (
        "Fighting has gone on since January 2009.",
        "since January 2009",
        "2009-01/..",
        "2009-01/2015-03-18",
    ),
    (
        "Fighting has gone on since 4 July 2011.",
        "since 4 July 2011",
        "2011-07-04/..",
        "2011-07-04/2015-03-18",
    ),
    (
        "Fighting has gone on since the beginning of 2014.",
        "since the beginning of 2014",
        "2014-01/..",
        "2014-01/2015-03-18",
    ),
    ("Fighting has gone on since the 1990s.", "since the 1990s", "1990/..", "1990/2015-03-18"),
    (
        "From January 2010 onwards the camp was closed.",
        "From January 2010 onwards",
        "2010-01/..",
        "2010-01/2015-03-18",
    ),
    ("From 2010 onward the camp was closed.", "From 2010 onward", "2010/..", "2010/2015-03-18"),
    ("From 2010 on, the camp was closed.", "From 2010 on", "2010/..", "2010/2015-03-18"),
    ("After 2003 the camp was closed.", "After 2003", "2004/..", "2004/2015-03-18"),
    (
        "After July 2003 the camp was closed.",
        "After July 2003",
        "2003-08/..",
        "2003-08/2015-03-18",
    ),
    ("They stayed until 2016 at least.", "until 2016", "../2016", "../2016"),
    ("They stayed till 2016 at least.", "till 2016", "../2016", "../2016"),
    ("They stayed until September 2016.", "until September 2016", "../2016-09", "../2016-09"),
    (
        "They stayed up until 9 September 2016.",
        "up until 9 September 2016",
        "../2016-09-09",
        "../2016-09-09",
    ),
    ("They stayed through 2016.", "through 2016", "../2016", "../2016"),
    ("They must leave by 2013.", "by 2013", "../2013", "../2013"),
    ("They must leave by June 30, 2009.", "by June 30, 2009", "../2009-06-30", "../2009-06-30"),
    ("They must leave by the end of 2012.", "by the end of 2012", "../2012-12", "../2012-12"),
    ("It ran before 2009.", "before 2009", "../2008", "../2008"),
    ("It ran before March 2009.", "before March 2009", "../2009-02", "../2009-02"),
    ("It ran before 1 March 2009.", "before 1 March 2009", "../2009-02-28", "../2009-02-28"),
    ("It ran prior to 2009.", "prior to 2009", "../2008", "../2008"),
]


@pytest.mark.parametrize(("text", "span", "open_edtf", "closed_edtf"), OPEN)
def test_open_spans(text: str, span: str, open_edtf: str, closed_edtf: str) -> None:
    mention = check(text, span, open_edtf, "interval")
    assert mention.kind == "period"
    assert mention.bounds() is None
    closed = check(text, span, closed_edtf, "interval", published=PUBLISHED)
    assert closed.kind == "period"


def test_since_a_date_after_publication_stays_open() -> None:
    assert the_date("since 2019", published="2015-03-18").edtf == "2019/.."


def test_since_closes_at_the_precision_of_the_publication_date() -> None:
    assert the_date("since 2009", published="2015-03").edtf == "2009/2015-03"
    assert the_date("since 2009", published="2015").edtf == "2009/2015"


# --- relative dates --------------------------------------------------------------------

RELATIVE = [
    ("The shelling resumed yesterday.", "yesterday", "2015-03-17", "day"),
    ("Yesterday the shelling resumed.", "Yesterday", "2015-03-17", "day"),
    ("Yesterday's shelling was heavy.", "Yesterday", "2015-03-17", "day"),
    ("The shelling resumed today.", "today", "2015-03-18", "day"),
    ("The shelling resumed last night.", "last night", "2015-03-17", "day"),
    ("The shelling resumed this morning.", "this morning", "2015-03-18", "day"),
    ("The shelling resumes tomorrow.", "tomorrow", "2015-03-19", "day"),
    ("It began the day before yesterday.", "the day before yesterday", "2015-03-16", "day"),
    ("The shelling resumed on Sunday.", "on Sunday", "2015-03-15", "day"),
    ("The shelling resumed on Friday.", "on Friday", "2015-03-13", "day"),
    ("The shelling resumed on Wednesday.", "on Wednesday", "2015-03-18", "day"),
    ("The shelling resumed last Wednesday.", "last Wednesday", "2015-03-11", "day"),
    ("The shelling resumed last Saturday.", "last Saturday", "2015-03-14", "day"),
    ("The shelling resumed this past Monday.", "this past Monday", "2015-03-16", "day"),
    ("Talks resume next Monday.", "next Monday", "2015-03-23", "day"),
    ("Talks resume next Wednesday.", "next Wednesday", "2015-03-25", "day"),
    ("The shelling resumed Saturday night.", "Saturday night", "2015-03-14", "day"),
    ("Monday's shelling was heavy.", "Monday", "2015-03-16", "day"),
    ("The shelling resumed early on Tuesday.", "early on Tuesday", "2015-03-17", "day"),
    ("The shelling resumed last week.", "last week", "2015-03-09/2015-03-15", "interval"),
    ("The shelling resumed this week.", "this week", "2015-03-16/2015-03-22", "interval"),
    (
        "The shelling resumed earlier this week.",
        "earlier this week",
        "2015-03-16/2015-03-18",
        "interval",
    ),
    ("Talks resume next week.", "next week", "2015-03-23/2015-03-29", "interval"),
    ("The shelling resumed last weekend.", "last weekend", "2015-03-14/2015-03-15", "interval"),
    ("The shelling resumed last month.", "last month", "2015-02", "month"),
    ("The shelling resumed this month.", "this month", "2015-03", "month"),
    (
        "The shelling resumed earlier this month.",
        "earlier this month",
        "2015-03-01/2015-03-18",
        "interval",
    ),
    ("Talks resume later this month.", "later this month", "2015-03-18/2015-03-31", "interval"),
    ("Talks resume next month.", "next month", "2015-04", "month"),
    ("The shelling resumed last year.", "last year", "2014", "year"),
    ("Last year's shelling was heavy.", "Last year", "2014", "year"),
    ("The shelling resumed this year.", "this year", "2015", "year"),
    (
        "The shelling resumed earlier this year.",
        "earlier this year",
        "2015-01-01/2015-03-18",
        "interval",
    ),
    ("Talks resume next year.", "next year", "2016", "year"),
    ("The shelling resumed last July.", "last July", "2014-07", "month"),
    ("The shelling resumed last February.", "last February", "2015-02", "month"),
    ("The shelling resumed last summer.", "last summer", "2014-06/2014-08", "season"),
    ("The shelling resumed last winter.", "last winter", "2014-12/2015-02", "season"),
    ("Talks resume this summer.", "this summer", "2015-06/2015-08", "season"),
    ("The shelling resumed two days ago.", "two days ago", "2015-03-16", "day"),
    ("The shelling resumed 10 days ago.", "10 days ago", "2015-03-08", "day"),
    ("The shelling resumed a day ago.", "a day ago", "2015-03-17", "day"),
    ("A week ago the shelling resumed.", "A week ago", "2015-03-09/2015-03-15", "interval"),
    ("The shelling resumed three months ago.", "three months ago", "2014-12", "month"),
    ("The shelling resumed a year ago.", "a year ago", "2014", "year"),
    ("The shelling resumed twenty years ago.", "twenty years ago", "1995", "year"),
]


@pytest.mark.parametrize(("text", "span", "edtf", "precision"), RELATIVE)
def test_relative_dates_count_from_the_publication_date(
    text: str, span: str, edtf: str, precision: str
) -> None:
    mention = check(text, span, edtf, precision, published=PUBLISHED)
    assert (mention.kind, mention.year_from) == ("relative", "publication")


@pytest.mark.parametrize(("text", "span", "edtf", "precision"), RELATIVE)
def test_relative_dates_without_a_publication_date_are_unresolved(
    text: str, span: str, edtf: str, precision: str
) -> None:
    mention = check(text, span, None, precision)
    assert (mention.kind, mention.year_from) == ("relative", None)
    assert mention.bounds() is None


@pytest.mark.parametrize(
    ("text", "published", "edtf"),
    [
        ("yesterday", "2015-03", None),
        ("last month", "2015-03", "2015-02"),
        ("last month", "2015", None),
        ("last year", "2015", "2014"),
        ("earlier this year", "2015-03", "2015-01/2015-03"),
        ("earlier this year", "2015", "2015"),
        ("last month", "2015-01-10", "2014-12"),
        ("yesterday", "2015-01-01", "2014-12-31"),
        ("on Sunday", "2015-03-15", "2015-03-15"),
        ("last Sunday", "2015-03-15", "2015-03-08"),
    ],
)
def test_relative_dates_need_a_precise_enough_publication_date(
    text: str, published: str, edtf: str | None
) -> None:
    assert the_date(text, published).edtf == edtf


@pytest.mark.parametrize(
    "text",
    [
        "The last year of the war was the worst.",
        "In the last week of the siege food ran out.",
        "Sunday Times reporters were there.",
        "Sunday was quiet.",
    ],
)
def test_what_only_looks_relative(text: str) -> None:
    assert all(m.kind != "relative" for m in dates_in(text, PUBLISHED))


# --- years taken from context ----------------------------------------------------------


def paragraphs(*texts: str, published: str | None = None) -> list[list[DateMention]]:
    context = DateContext(published)
    return [find_dates(text, context) for text in texts]


def test_a_missing_year_comes_from_an_earlier_paragraph() -> None:
    first, second = paragraphs(
        "In 2009 the town was besieged.", "On July 28, troops entered the town."
    )
    mention = second[0]
    assert (mention.edtf, mention.kind, mention.year_from) == ("2009-07-28", "yearless", "context")
    assert mention.rule == "date.month_day.v1"
    assert first[0].edtf == "2009"


@pytest.mark.parametrize(
    ("later", "edtf", "rule"),
    [
        ("On 28 July troops entered.", "2009-07-28", "date.day_month.v1"),
        ("On July 28th troops entered.", "2009-07-28", "date.month_day.v1"),
        ("On the 28th of July troops entered.", "2009-07-28", "date.day_month.v1"),
        ("On 28 and 29 July troops entered.", "2009-07-28/2009-07-29", "date.day_range.v1"),
        ("Between 28 and 29 July troops entered.", "2009-07-28/2009-07-29", "date.range.v1"),
        ("On July 28-29 troops entered.", "2009-07-28/2009-07-29", "date.month_day_range.v1"),
        ("In July troops entered.", "2009-07", "date.month.v1"),
        ("During August troops entered.", "2009-08", "date.month.v1"),
        ("In mid-July troops entered.", "2009-07-11/2009-07-20", "date.part_of_month.v1"),
        ("In late July troops entered.", "2009-07-21/2009-07-31", "date.part_of_month.v1"),
        ("In the summer troops entered.", "2009-06/2009-08", "date.season.v1"),
        ("In the early summer troops entered.", "2009-06/2009-07", "date.season.v1"),
        ("In spring troops entered.", "2009-03/2009-05", "date.season.v1"),
        ("From July to September troops stayed.", "2009-07/2009-09", "date.range.v1"),
        ("Since March troops stayed.", "2009-03/..", "date.since.v1"),
        ("Until March troops stayed.", "../2009-03", "date.until.v1"),
    ],
)
def test_year_less_forms_take_the_context_year(later: str, edtf: str, rule: str) -> None:
    _, found = paragraphs("The siege of 2009 was long; in 2009 it began.", later)
    assert len(found) == 1
    assert (found[0].edtf, found[0].rule, found[0].kind) == (edtf, rule, "yearless")
    assert found[0].year_from == "context"


def test_a_month_named_again_takes_the_year_it_was_named_with() -> None:
    _, found = paragraphs(
        "Raids came in June 2008 and again in March 2010.", "On June 3, troops entered."
    )
    assert found[0].edtf == "2008-06-03"


def test_a_bare_year_moves_the_story_past_earlier_months() -> None:
    _, _, found = paragraphs(
        "Raids came in July 2009.", "In 2011, more came.", "On July 28, a raid."
    )
    assert found[0].edtf == "2011-07-28"


def test_a_year_naming_a_report_does_not_change_the_context() -> None:
    _, found = paragraphs(
        "Troops came in late August 2008.", "A 2010 report said: on 14 and 15 August."
    )
    assert [m.edtf for m in found] == ["2010", "2008-08-14/2008-08-15"]


def test_a_deadline_does_not_change_the_context() -> None:
    _, found = paragraphs(
        "Troops came in July 2009.", "They had to go by the end of 2012. On 30 July"
    )
    assert found[1].edtf == "2009-07-30"


def test_a_heading_dates_the_paragraphs_under_it() -> None:
    context = DateContext()
    heading = leading_date("2013", context)
    assert heading is not None and heading.edtf == "2013"
    assert find_dates("On September 1, rockets fell.", context)[0].edtf == "2013-09-01"


def test_the_context_year_wins_over_the_publication_year() -> None:
    _, found = paragraphs("In 2009 it began.", "On July 28 troops came.", published=PUBLISHED)
    assert (found[0].edtf, found[0].year_from) == ("2009-07-28", "context")


@pytest.mark.parametrize(
    ("text", "published", "edtf"),
    [
        ("On March 3 troops came.", "2015-03-18", "2015-03-03"),
        ("On March 30 troops came.", "2015-03-18", "2015-03-30"),
        ("On January 3 troops came.", "2015-03-18", "2015-01-03"),
        ("On December 30 troops came.", "2015-03-18", "2014-12-30"),
        ("In May troops came.", "2015-03-18", "2014-05"),
        ("On 3 March troops came.", "2015-03", "2015-03-03"),
        ("On 3 April troops came.", "2015-03", "2014-04-03"),
        ("On 28 and 29 July troops came.", "2015-08-02", "2015-07-28/2015-07-29"),
    ],
)
def test_with_no_context_year_the_publication_year_is_used(
    text: str, published: str, edtf: str
) -> None:
    mention = the_date(text, published)
    assert (mention.edtf, mention.kind, mention.year_from) == (edtf, "yearless", "publication")


@pytest.mark.parametrize("published", [None, "2015"])
def test_with_no_year_anywhere_the_mention_is_still_reported(published: str | None) -> None:
    mention = check("On July 28, troops came.", "On July 28", None, "day", published)
    assert (mention.kind, mention.year_from, mention.rule) == (
        "yearless",
        None,
        "date.month_day.v1",
    )
    assert mention.bounds() is None


def test_a_later_year_from_publication_is_marked_so() -> None:
    _, found = paragraphs("On March 3 troops came.", "On March 5 they left.", published=PUBLISHED)
    assert (found[0].edtf, found[0].year_from) == ("2015-03-05", "publication")


@pytest.mark.parametrize(
    ("later", "edtf", "precision"),
    [
        ("The following day, they left.", "2009-07-29", "day"),
        ("The next day they left.", "2009-07-29", "day"),
        ("The day after, they left.", "2009-07-29", "day"),
        ("The day before, they arrived.", "2009-07-27", "day"),
        ("The previous day they arrived.", "2009-07-27", "day"),
        ("The same day they left.", "2009-07-28", "day"),
        ("That day they left.", "2009-07-28", "day"),
        ("Later that day they left.", "2009-07-28", "day"),
        ("Two days later they left.", "2009-07-30", "day"),
        ("Ten days later they left.", "2009-08-07", "day"),
        ("Three days earlier they arrived.", "2009-07-25", "day"),
        ("The following week they left.", "2009-08-03/2009-08-09", "interval"),
        ("The following month they left.", "2009-08", "month"),
        ("The following year they left.", "2010", "year"),
        ("A year later they left.", "2010", "year"),
        ("That year they left.", "2009", "year"),
        ("The previous year they arrived.", "2008", "year"),
    ],
)
def test_dates_counted_from_the_last_date_stated(later: str, edtf: str, precision: str) -> None:
    _, found = paragraphs("Troops came on Tuesday, 28 July 2009.", later, published=PUBLISHED)
    assert len(found) == 1
    mention = found[0]
    assert (mention.edtf, mention.precision, mention.kind) == (edtf, precision, "relative")
    assert (mention.year_from, mention.rule) == ("context", "date.anaphoric.v1")


def test_counted_dates_chain() -> None:
    _, first, second = paragraphs("On 28 July 2009 troops came.", "The next day", "The next day")
    assert (first[0].edtf, second[0].edtf) == ("2009-07-29", "2009-07-30")


def test_the_day_after_with_no_day_stated_is_unresolved() -> None:
    _, found = paragraphs("In 2009 troops came.", "The next day they left.")
    assert (found[0].edtf, found[0].kind) == (None, "relative")


@pytest.mark.parametrize(
    ("context_text", "published", "edtf", "year_from"),
    [
        ("In July 2009 it began.", None, "2009-07-28", "context"),
        ("", "2015-03-18", "2015-02-28", "publication"),
        ("", "2015-03-30", "2015-03-28", "publication"),
        ("", None, None, None),
    ],
)
def test_a_bare_day_of_the_month(
    context_text: str, published: str | None, edtf: str | None, year_from: str | None
) -> None:
    _, found = paragraphs(context_text, "On the 28th, troops came.", published=published)
    assert (found[0].edtf, found[0].year_from, found[0].rule) == (
        edtf,
        year_from,
        "date.ordinal_day.v1",
    )


def test_observe_keeps_the_end_of_a_range_and_the_start_of_since() -> None:
    context = DateContext(PUBLISHED)
    find_dates("from February 2012 to September 2013", context)
    assert (context.year, context.month) == (2013, 9)
    find_dates("since 2009", context)
    assert (context.year, context.month) == (2009, None)
    find_dates("in early July 2011", context)
    assert (context.year, context.month, context.day) == (2011, 7, None)
    find_dates("the 1980s", context)
    assert context.year == 2011


def test_observe_ignores_unresolved_mentions() -> None:
    context = DateContext()
    context.observe(the_date("On July 28"))
    assert (context.year, context.month) == (None, None)


@pytest.mark.parametrize("published", ["2015-13", "March 2015", "2015-02-30", "15"])
def test_a_bad_publication_date_is_refused(published: str) -> None:
    with pytest.raises(InvalidValue):
        DateContext(published)


# --- what is not a date ----------------------------------------------------------------

NOT_DATES = [
    "Some 2009 residents signed the letter.",
    "The army killed 2003 Iraqi civilians.",
    "A list of 2009 residents was handed over.",
    "The camp had 2009 residents at the time.",
    "Since 2009 residents have been waiting.",
    "In 2000 tents the families slept.",
    "A total of 2009 were counted.",
    "The number of 2010 was disputed.",
    "The total rose by 2000 in a year.",
    "Prices were cut by 2000 or more.",
    "He lives at 2009 Main Street.",
    "It runs Windows 2000 still.",
    "Since the 9/11 attacks, checks increased.",
    "The team won 2-1 in the final.",
    "It grew by 2015 percent.",
    "They paid $2009 for it.",
    "About 3,200 people were moved.",
    "The pilots flew F-16 jets.",
    "Resolution 1883 extended the mission.",
    "Security Council resolution 2009 was adopted.",
    "Call +1 202-555-2013 for details.",
    "Call 020-2009-2010 for details.",
    "The meeting is at 10:30.",
    "The meeting is at 20:09 sharp.",
    "At 1930 hours the shooting began.",
    "A 28-year-old man was hurt.",
    "He was aged 19 at the time.",
    "She was in her 20s.",
    "See pp. 2003-2013 of the report.",
    "See page 2003 for the table.",
    "They may leave the camp at dawn.",
    "They may leave before dawn.",
    "May I add a note?",
    "Residents march to the gate every week.",
    "An august body of jurists met.",
    "Theresa May spoke in the House.",
    "Jan Egeland visited the camp.",
    "April showers fell on the tents.",
    "The fall of the city came quickly.",
    "A spring of water ran under the camp.",
    "It weighed 2009.5 tonnes.",
    "The ratio was 7/10 of residents.",
    "Scores were 1/2/3 in the tests.",
    "Item 2012-13 is missing.",
    "Rooms 1999-2005 are empty.",
    "He spent 2000 days in prison.",
    "It is 2010 km away.",
    "Some 28 people died in the blast.",
    "Only a day or two passed.",
    "Lance Corporal Day testified.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    found = dates_in(text, PUBLISHED)
    assert found == [], [text[m.start : m.end] for m in found]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("In May, they left.", "In May"),
        ("In March they marched.", "In March"),
        ("During August the heat rose.", "During August"),
        ("May 2009 was hot.", "May 2009"),
        ("May 5, 2009 was hot.", "May 5, 2009"),
        ("March 8 was chosen.", "March 8"),
    ],
)
def test_ambiguous_month_names_in_date_context(text: str, span: str) -> None:
    mention = the_date(text)
    assert text[mention.start : mention.end] == span


@pytest.mark.parametrize(
    "text", ["In February 30, 2009 it rained.", "On 31 April 2009 it rained.", "on 32/01/2009"]
)
def test_days_a_month_does_not_have(text: str) -> None:
    assert all(m.precision != "day" for m in dates_in(text))


# --- headings and bullets --------------------------------------------------------------

LEADING = [
    (
        "July 28-29, 2009 - government troops moved in",
        "July 28-29, 2009",
        "2009-07-28/2009-07-29",
    ),
    (
        "July 28-29, 2009 – government troops moved in",
        "July 28-29, 2009",
        "2009-07-28/2009-07-29",
    ),
    ("• 8 April 2011: troops opened fire", "8 April 2011", "2011-04-08"),
    ("  • April 8, 2011 – troops opened fire", "April 8, 2011", "2011-04-08"),
    ("- 8 April 2011: troops opened fire", "8 April 2011", "2011-04-08"),
    ("* 8 April 2011 | troops opened fire", "8 April 2011", "2011-04-08"),
    ("1. 8 April 2011: troops opened fire", "8 April 2011", "2011-04-08"),
    ("2013", "2013", "2013"),
    ("2013\n", "2013", "2013"),
    ("2013:", "2013", "2013"),
    ("2009–2013", "2009–2013", "2009/2013"),
    ("2009-13: the long siege", "2009-13", "2009/2013"),
    ("September 1, 2013", "September 1, 2013", "2013-09-01"),
    ("September 1, 2013.", "September 1, 2013", "2013-09-01"),
    ("SEPTEMBER 2013", "SEPTEMBER 2013", "2013-09"),
    ("Summer 2012: relocation", "Summer 2012", "2012-06/2012-08"),
    ("The 1990s", "The 1990s", "1990/1999"),
]


@pytest.mark.parametrize(("line", "span", "edtf"), LEADING)
def test_leading_dates(line: str, span: str, edtf: str) -> None:
    mention = leading_date(line)
    assert mention is not None
    assert line[mention.start : mention.end] == span
    assert mention.edtf == edtf


@pytest.mark.parametrize(
    "line",
    [
        "Camp Ashraf, July 2009",
        "The raid of 28 July 2009 - a timeline",
        "On July 28, 2009, troops entered the camp.",
        "2009 residents wrote to the UN",
        "2013 was a hard year",
        "Resolution 2107",
        "Background",
        "",
    ],
)
def test_not_leading_dates(line: str) -> None:
    assert leading_date(line) is None


def test_a_leading_date_is_observed_and_nothing_else_is() -> None:
    context = DateContext()
    assert leading_date("The raid of 28 July 2009 - a timeline", context) is None
    assert context.year is None
    found = leading_date("• July 28: first day", context)
    assert found is not None and found.edtf is None
    leading_date("2009", context)
    found = leading_date("• July 28: first day", context)
    assert found is not None and found.edtf == "2009-07-28"
    assert (context.year, context.month, context.day) == (2009, 7, 28)


# --- EDTF bounds and intersections -----------------------------------------------------


@pytest.mark.parametrize(
    ("edtf", "bounds"),
    [
        ("2009", (date(2009, 1, 1), date(2009, 12, 31))),
        ("2009-07", (date(2009, 7, 1), date(2009, 7, 31))),
        ("2012-02", (date(2012, 2, 1), date(2012, 2, 29))),
        ("2009-07-28", (date(2009, 7, 28), date(2009, 7, 28))),
        ("2009-07-28/2009-07-29", (date(2009, 7, 28), date(2009, 7, 29))),
        ("2012-02/2013-09", (date(2012, 2, 1), date(2013, 9, 30))),
        ("2009-01/2009-04", (date(2009, 1, 1), date(2009, 4, 30))),
        ("1980/1989", (date(1980, 1, 1), date(1989, 12, 31))),
        ("2012-12/2013-02", (date(2012, 12, 1), date(2013, 2, 28))),
        ("2003/2016-09", (date(2003, 1, 1), date(2016, 9, 30))),
        ("2009-07/2013-09-01", (date(2009, 7, 1), date(2013, 9, 1))),
        ("2003~", (date(2003, 1, 1), date(2003, 12, 31))),
        ("1986-22", (date(1986, 6, 1), date(1986, 8, 31))),
        ("2009/..", None),
        ("../2009", None),
        ("", None),
    ],
)
def test_edtf_bounds(edtf: str, bounds: tuple[date, date] | None) -> None:
    assert edtf_bounds(edtf) == bounds


@pytest.mark.parametrize("edtf", ["July 2009", "2009-13", "2009-02-30", "2009/2010/2011", "20x9"])
def test_edtf_bounds_refuses_what_it_does_not_read(edtf: str) -> None:
    with pytest.raises(ValueError):
        edtf_bounds(edtf)


def test_mention_bounds() -> None:
    mention = the_date("in early 2003")
    assert mention.bounds() == (date(2003, 1, 1), date(2003, 4, 30))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2009", "2009-07", "2009-07"),
        ("2009-07", "2009-07-28/2009-08-02", "2009-07-28/2009-07-31"),
        ("2009-07-28/2009-07-29", "2009-07-29/2009-08-03", "2009-07-29"),
        ("2009/2013", "2012/2016", "2012/2013"),
        ("2009-01/2009-04", "2009-03/2009-12", "2009-03/2009-04"),
        ("2009/..", "../2012", "2009/2012"),
        ("2009/..", "2010-05", "2010-05"),
        ("2009/..", "2011/..", "2011/.."),
        ("../2009", "../2012-06", "../2009"),
        ("../2012-06-15", "../2013", "../2012-06-15"),
        ("2009-07-15/..", "2009", "2009-07-15/2009-12-31"),
        ("2009-06/2009-08", "2009-07-28", "2009-07-28"),
        ("2003~", "2003-05", "2003-05"),
        ("2009", "2010", None),
        ("2009-07-28", "2009-07-29", None),
        ("2009/..", "../2008", None),
    ],
)
def test_narrowest(a: str, b: str, expected: str | None) -> None:
    assert narrowest(a, b) == expected
    assert narrowest(b, a) == expected
    if expected is not None:
        parse_edtf(expected)


# --- offsets, order and EDTF validity --------------------------------------------------

FRAGMENTS = [
    *(text for text, _, _ in FULL_DATES),
    *(text for text, _, _, _ in MONTHS_AND_YEARS),
    *(text for text, _, _ in RANGES),
    *(text for text, _, _, _ in PARTS),
    *(text for text, _, _, _ in OPEN),
    *(text for text, _, _, _ in RELATIVE),
    *NOT_DATES,
    "“On 28 July,” she said, “they came.”",
    "Ça s’est passé le 28 July 2009 — déjà.",
    "2009",
    "and",
    "the",
    "from",
    "\n\n",
    " – ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8), st.data())
def test_mentions_are_sorted_disjoint_and_exact(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for found, low, high in (
        (find_dates(text, DateContext(PUBLISHED)), 0, len(text)),
        (find_dates(text, DateContext(), start, end), start, end),
    ):
        previous_end = low
        for mention in found:
            expression = text[mention.start : mention.end]
            assert low <= previous_end <= mention.start < mention.end <= high
            assert expression == expression.strip() and expression
            assert mention.kind in ("absolute", "yearless", "relative", "period")
            assert mention.precision in ("day", "month", "season", "year", "decade", "interval")
            assert mention.rule.startswith("date.") and mention.rule.endswith(".v1")
            assert mention.year_from in (None, "context", "publication")
            previous_end = mention.end
            if mention.edtf:
                parse_edtf(mention.edtf)


def test_offsets_count_characters_not_bytes() -> None:
    text = "“Après l’attaque” — le 8 avril, then on 8 April 2011 more came."
    (mention,) = find_dates(text)
    assert text[mention.start : mention.end] == "on 8 April 2011"


def test_offsets_are_into_the_whole_text() -> None:
    text = "In 2009 it began. On July 28 they came. In 2011 it ended."
    found = find_dates(text, DateContext(), start=text.index("On"), end=text.index(" In 2011"))
    assert [(text[m.start : m.end], m.edtf) for m in found] == [("On July 28", None)]


@pytest.mark.parametrize("published", [None, PUBLISHED, "2015-03", "2015"])
def test_every_edtf_written_is_valid_edtf(published: str | None) -> None:
    """Every EDTF found in every sentence above parses with the edtf package."""
    context = DateContext(published)
    written = [m.edtf for text in FRAGMENTS for m in find_dates(text, context) if m.edtf]
    written += [m.edtf for line, _, _ in LEADING if (m := leading_date(line)) and m.edtf]
    assert len(written) > 150
    for edtf in written:
        parse_edtf(edtf)
        if ".." not in edtf:
            assert edtf_bounds(edtf) is not None


@pytest.mark.parametrize(
    ("text", "quote", "edtf"),
    [
        (
            "Shelling began in March 2012. A second barrage that June killed two.",
            "that June",
            "2012-06",
        ),
        (
            "The camp was raided in May 2011. The same July, the water was cut.",
            "The same July",
            "2011-07",
        ),
    ],
)
def test_a_month_referred_back_to_takes_the_year_before(text: str, quote: str, edtf: str) -> None:
    found = find_dates(text, DateContext(None), 0, len(text))
    assert [(text[d.start : d.end], d.edtf) for d in found][-1] == (quote, edtf)


def test_a_year_naming_several_attacks_dates_the_months_after_it() -> None:
    context = DateContext("2015-10-30")
    first = "The first of the 2011 raids, in March, left two dead."
    second = " Another that June left five dead."
    text = first + second
    found = find_dates(text, context, 0, len(first)) + find_dates(text, context, len(first))
    assert [(text[d.start : d.end], d.edtf) for d in found] == [
        ("2011", "2011"),
        ("in March", "2011-03"),
        ("that June", "2011-06"),
    ]


def test_a_lent_year_no_date_used_is_given_back() -> None:
    context = DateContext("2015-10-30")
    text = "Its 2011 raids were condemned in a report. In March the camp was calm."
    found = find_dates(text, context, 0, 43) + find_dates(text, context, 43)
    assert [(text[d.start : d.end], d.edtf) for d in found] == [
        ("2011", "2011"),
        ("In March", "2015-03"),
    ]
