"""Every figure a text states, with the interval it stands for and its exact offsets.

`find_counts(text)` returns one `CountMention` per number expression: digits ("3,200",
"5.2 million"), number words ("Thirty-six", "two hundred and five", "four-and-a-half"),
vague quantities ("dozens", "tens of thousands"), zero claims ("no one", "not a single
death") and measured facts (areas, distances, money, percentages, durations).
`text[start:end]` runs from the qualifier, if any, to the last word of the number or its
unit, and never includes trailing punctuation. Each mention names the versioned rule
that found it, so a claim built on it can be re-derived later. A number before a noun is
a count whatever the noun ("two Iranian divisions", "the two sides"); what it counts is
for the stages after this one.

Only the standard library's `re` is used: one scanning expression finds every candidate
in a single pass, and the checks that need the words around a candidate run only on
candidates. First letters may be capitals ("Thirty-six", "Some 3,400", "At Least 11");
text written in capitals throughout is not read. Digits are ASCII; a comma, a no-break
space or a thin space groups thousands ("3,200"); a full stop is a decimal point
("1.300" is 1.3).

Rules that produce mentions
---------------------------
- `number.digits.v1`: digits, with thousands separators, decimals and a scale word
  ("3,200", "5.2 million", "$10.7m", "20 thousand").
- `number.words.v1`: number words ("eleven", "Thirty-six", "two hundred and five",
  "a thousand", "three and a half", "a dozen", "half a million", "half a" before a unit),
  a bare scale word after "another" ("another thousand"), and "both" (2).
- `number.fraction.v1`: a fraction of something ("one-fourth of", "a quarter of",
  "two-thirds of"): kind `fraction`, value 0.25 etc.
- `number.range.v1`: two numbers joined by "to", "or", a hyphen or dash, or
  "between ... and ..."; a scale, currency or unit on the second number applies to both
  ("5 to 10 million" is 5,000,000-10,000,000). When the second number is the smaller,
  the two are unrelated ("killed 52 - 10 of them women") and each stands alone.
- `number.vague.v1`: vague quantities, mapped to `VAGUE_INTERVALS`.
- `number.zero.v1`: statements that nobody was harmed ("no one", "nobody", "none",
  "not a single death", "no casualties", "zero deaths", "without loss of life",
  "the shelling did not cause any casualties"): low = high = 0, exact; the number span is the
  whole phrase.

Qualifiers (gold/SCHEMA.md)
---------------------------
N is the stated value after its scale ("5.2 million" is 5,200,000). The *step* is one
unit of the value's last written digit: 1 for whole numbers, 0.1 for "2.5", 0.01 for
"2.55". Rounding is Python's `round` (half to even) of `0.9 * N` and `1.1 * N`: to whole
numbers when N is whole, else to one more decimal place than N has.

- exact: [N, N].
- at_least ("at least", "no fewer/less than", "a minimum of", "N or more", "N+"):
  [N, None].
- more_than ("more than", "over", "above", "in excess of", "upwards of", "well over"):
  [N + step, None], so "over 90 percent" is [91, None] and "over 2.5 km" [2.6, None].
- approx, nearly-type ("nearly", "almost", "close to", "just short of"):
  [round(0.9 N), N].
- approx, about-type ("about", "around", "some", "approximately", "approx.", "roughly",
  "an estimated", "circa", "c.", "ca.", "~", "N or so", "N-odd"):
  [round(0.9 N), round(1.1 N)].
- at_most, inclusive ("as many as", "up to", "no more than", "at most", "a maximum of",
  "N or fewer"): [0, N].
- at_most, exclusive ("fewer than", "less than", "under", "below"): [0, N - step].
- range ("between 30 and 40", "from 30 to 40", "30-40", "30 to 40", "two or three"):
  [low, high]. A qualifier before a range other than "between"/"from" stays in the span
  but does not change the interval.

"from" and "between" with no second number, and "under" after "came", "fell", "was"
and the like ("came under five attacks"), are prepositions: the mention starts at the
number and is exact.

Vague words (`VAGUE_INTERVALS`)
-------------------------------
dozens, several dozen, a few dozen: 24-99; scores: 40-99; tens (of): 20-99; hundreds,
several/a few hundred: 200-999; thousands: 2,000-9,999; tens of thousands:
20,000-99,999; hundreds of thousands: 200,000-999,999; millions: 2-9.99 million, and so
on for each scale (2x to 10x - 1); several, a number of: 3-9; a few, a handful: 2-9;
a couple (of): 2-3. "many", "numerous", "a large number" state no number and give none.
A vague word followed by a unit ("millions of dollars", "several years") takes its kind.

Units
-----
Area (normalised to km2: 1 sq mi = 2.589988110336 km2, 1 ha = 0.01 km2, 1 acre =
0.0040468564224 km2, 1 dunam = 0.001 km2, 1 m2 = 1e-6 km2, 1 sq ft = 9.290304e-8 km2),
distance (normalised to km: 1 mi = 1.609344 km, 1 m = 0.001 km, 1 ft = 0.0003048 km,
1 yd = 0.0009144 km, 1 nautical mile = 1.852 km), money ("$", "US$", "USD", "dollars",
normalised to USD, "$" being read as US dollars; euros (EUR), pounds (GBP), Iraqi
dinars (IQD), Iranian rials (IRR) and other dinars and rials keep their own unit and are
not normalised), percent ("%", "percent", "per cent", "pct") and
durations (years, months, weeks, days, hours, minutes, decades). A unit joined by
hyphens counts too ("14-square-mile", "31-mile", "16-month", "four-and-a-half-year").

Exclusions: no mention is made for
----------------------------------
- `exclude.year.v1`: a bare four-digit number from 1000 to 2099 with no qualifier,
  currency, scale or unit ("in 2009", "1986"; so "2000 people" is read as a year, while
  "2,000 people" and "some 2000 people" are counts), ranges of such years ("2003-2013",
  "from 2003 to 2013", "1980-88") and decades ("the 1980s").
- `exclude.date.v1`: a day next to a month name ("July 28", "28 July 2009", "July
  28-29", "14 and 15 March") and dates written with separators ("9/9/2016",
  "2009-07-28").
- `exclude.time.v1`: clock times ("10:30", "5 p.m.", "5pm", "2300 GMT").
- `exclude.age.v1`: ages ("aged 45", "a 36-year-old", "45 years old", "at the age of 45",
  "45 years of age").
- `exclude.measure.v1`: temperatures, angles, coordinates and speeds ("48 °C",
  "33°43′N", "90 degrees", "50 km/h", "30 mph").
- `exclude.reference.v1`: page, note, list and designator numbers: "p. 45", "pp. 45-50",
  "page 12", "[12]", "^3", "note 4", "residents.12", a number after a closing quote
  ('"a massacre."7'), "Resolution 1883", "Article 45", "Section 3", "Chapter 7", "No. 5",
  "#5", "§ 3" (the words are in `_REFERENCE_WORDS`, any case), "Camp 7", "Flight 17"
  (`_NAME_WORDS`, capitalised); list and heading numbers at the start of a line ("1.
  Introduction", "4) Ibid."); and a bare number right after a capitalised word inside
  a sentence ("Ashraf 3", "Apollo 11"), unless a capitalised word follows it too, as in
  a title ("Forces Kill 36 Residents").
- `exclude.ordinal.v1`: ordinals ("56th Brigade", "1st Division", "56 th"); "the first
  attack" and "the second" hold no cardinal at all.
- `exclude.designator.v1`: model and unit designators, a letter, hyphen and digits
  ("F-4", "MiG-29", "Su-25", "T-72", "COVID-19"), and digits glued to letters ("G7",
  "3G", "M16", "4x4").
- `exclude.identifier.v1`: telephone numbers, ISBNs and other grouped digits
  ("+964 770 123 4567", "(202) 555-0143", "978-3-16-148410-0"), versions ("3.8.1"),
  numbers written with a leading zero ("007").
- `exclude.one.v1`: "one" as a pronoun or in an idiom: "one of", "one another", "one
  day", "one by one", "one time", "at one point", "on the one hand", "the/this/that/
  each/every/any/which one", "one must/can/could/would/should/may/might". ("no one" is a
  zero claim; "no one else" is nothing.)
- `exclude.compound.v1`: a number joined by a hyphen to a word that is neither a unit
  nor a counted noun ("two-state", "four-star", "one-sided"); "a 1,000-strong force" and
  "a 12-member team" stay counts.
- `exclude.fraction.v1`: "a third" (as often an ordinal as a fraction), "a half",
  "half of", and fractions followed by neither "of" nor a scale.
- `exclude.both.v1`: "both" that pairs two things, with "and", "or" or "nor" within
  the next three words and no verb before it ("both Iraq and Iran", "both the US and
  Iraq", but not "both men were hurt and ..."), and "both of us/you", "both
  ways/directions/ends/hands".
- `exclude.vague.v1`: "scores" after a determiner ("the scores", "test scores"), "none"
  in "none other than" / "none the less", "no one"/"nobody" followed by "else" or a
  verb of knowing ("no one knows").
"""

from __future__ import annotations

from .model import KINDS, QUALIFIERS, RULES, CountMention
from .model import Number as Number  # the type of a stated value
from .scan import find_counts
from .tables import VAGUE_INTERVALS
from .values import parse_number_words

__all__ = [
    "KINDS",
    "QUALIFIERS",
    "RULES",
    "VAGUE_INTERVALS",
    "CountMention",
    "find_counts",
    "parse_number_words",
]
