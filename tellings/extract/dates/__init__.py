"""Dates in running text, each found with its offsets and written as EDTF (ISO 8601-2).

`find_dates` finds every expression of when something happened ("28 July 2009", "July
28-29, 2009", "in early 2003", "since 2009", "last Saturday") and writes it as an EDTF
date or interval; `leading_date` reads the date that opens a heading or a bullet. A year
the text leaves out comes from a `DateContext`, which remembers the last date a document
stated; a relative date comes from the document's publication date; nothing ever comes
from today's date.

It is built for speed with precompiled regular expressions only. One scan finds the
words a date expression must contain (a month, a weekday, a season, a unit of time, or a
number that can be a year or a day); the grammar is tried only there, starting from the
words just before ("from", "the early", "two"), and only its matches are read in Python.

The choices this package makes, each held by a test:

* Spans start at the word that introduces the date when there is one ("On July 28",
  "in early 2003", "from February 2012 to September 2013", "since 2009").
* "03/04/2009" is read day first (3 April 2009); month first only when the first
  number cannot be a month ("07/28/2009"). Two-digit years are not read.
* "early/mid/late" cut a year into months 01-04, 05-08 and 09-12, a month into days
  1-10, 11-20 and 21-end, and a decade into years 0-3, 4-6 and 7-9. "the beginning or
  start of" reads as early, "the middle of" as mid, "the end or close of" as late;
  "the first/second half of" is months 01-06/07-12 (days 1-15/16-end, years 0-4/5-9).
* Seasons are northern and meteorological, written as month intervals: spring 03-05,
  summer 06-08, autumn or fall 09-11, winter 12-02 starting in the December of the year
  named ("winter 2012" and "winter 2012-13" are both `2012-12/2013-02`). An early season
  is its first two months, a late one its last two, mid its middle month.
* A decade is a year interval: "the 1980s" is `1980/1989`.
* "since X", "from X onwards" and "after X" end at the publication date when it is known
  (`2009/2016-09-12`), since a document cannot speak past its own date; otherwise the end
  is open (`2009/..`). "until", "till", "through" and "by X" end with X (`../2013`);
  "before X" ends one unit before it (`../2008`).
* "circa/c./ca. 2003" is `2003~`; the bounds of an approximate date are its stated ones.
* A year left out is the year of the last date the document stated (`DateContext`), or,
  when the same month was named with a year among the last four months stated, that
  year ("in June 2008 and March 2010 ... on June 3" is 2008). A deadline (until, by,
  before) and a year that names a thing ("the 2003 war") do not set the context. Only
  when the text has given no year is it the publication year, or the year before when
  the month named comes after the publication month (the news convention: "on December
  30" in a report published in January is last year's). With no publication month
  either, `edtf` is None and the mention is still reported.
* A bare four-digit number is a year (1900-2099) only after a word that introduces a
  date (in, since, by, until, from, of, during, early, mid, late, before, after, circa),
  in a list after another year ("in 2009 and 2010"), in a heading, or after a determiner
  as the date of an event ("the 2003 war", "a 2010 report", "the 1991 Gulf War"; the span
  is then the year alone). It is still a count when a counted noun follows ("since 2009
  residents", "in 2000 tents": `_COUNT_NOUNS`), when it follows a quantity word ("a total
  of 2009") or a verb of change ("rose by 2000"), or when it follows a reference word
  ("pp. 2003-2013", "Resolution 2009").
* Month names count in title case or capitals only, so "may", "march" and "august" as
  verb or adjective never match; a month with neither day nor year ("in May") needs a
  word such as in, during or of before it, so "May I" and "Theresa May" do not match.
* Relative dates: "on Friday" is the latest Friday on or before the publication date,
  "last Friday" the latest strictly before it, "next Friday" the first after it; weeks
  run Monday to Sunday ("last week" is the whole previous week); "the following day",
  "two days later", "that year" count from the last date the text stated.
* `precision` is "day", "month", "year", "season" or "decade" for a single date of that
  unit, and "interval" for anything spanning several units: ranges, since/until, early/
  mid/late, weeks. `kind` is "relative" when the date comes from the publication date or
  the previous date, else "yearless" when any year came from elsewhere (or from nowhere),
  else "period" for ranges and open spans, else "absolute".
"""

from __future__ import annotations

from .context import DateContext, DateMention
from .edtf import edtf_bounds, narrowest
from .scan import find_dates, leading_date

__all__ = [
    "DateContext",
    "DateMention",
    "edtf_bounds",
    "find_dates",
    "leading_date",
    "narrowest",
]
