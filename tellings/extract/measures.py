"""What a count counts: the harm (killed, wounded, ...) a figure is tied to, and by which words.

Each rule looks at the words right around one count in its sentence and, when they say
what happened to the people counted, returns a `MeasureMatch`: the measure, the span of
the words that say it, the victims as stated, and the versioned rule name.

Rules, in the order they are tried:

- `count.verb_object.v1`: the count follows the verb: "shelling wounded 40 villagers",
  "gunmen executing at least 6", "they detained another 12".
- `count.noun_of.v1`: a harm noun governs the count: "the killing of 14 farmers",
  "the kidnapping of two engineers", "the death toll rose to 58".
- `count.subject_verb.v1`: the count is the subject: "Forty-two protesters were shot
  dead", "60 wounded", "nine people, among them four nurses, were abducted".
- `count.count_noun.v1`: the count qualifies a harm noun: "12 fatalities",
  "scores of casualties", "three hostages".
- `count.took_hostage.v1`: "took seven hostage", "held 12 prisoners".
- `count.toll.v1`: "the death toll from the bombings had risen to 55".
- `count.lives.v1`: "the shelling claimed 30 lives", "forty lives were lost".
- `count.label.v1`: a labelled figure, as in tables and fact boxes: "Killed: 12".
- `count.zero.v1`: a negated harm: "no casualties", "the strike caused no deaths",
  "not a single person was hurt".

`died` is the measure for deaths that the sentence ties to a siege, illness or denied
care; a death word otherwise counts as `killed`, and "died of their wounds" as killed.

The words the rules read (harm words by measure, words for people and for things) are
in `lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    _COUNT_NOUNS,
    _DETERMINERS,
    _HARM_NOUNS,
    _HARM_PARTICIPLES,
    _HARM_VERBS,
    _LABEL_MEASURE,
    _PEOPLE_NOUNS,
    _QUANTIFIERS,
    _STOP_WORDS,
    _THING_VERBS,
    _THINGS,
    _ZERO_HARMS,
)

# Deaths that the sentence ties to these are `died` rather than `killed`.
_NON_VIOLENT = re.compile(
    r"\b(?:siege|blockade|medical|medicine|medication|treatment|ill(?:ness)?|disease|"
    r"cancer|starv\w*|hunger|malnutrition|cold|natural causes|denied care|lack of care|"
    r"health care|hospital access|heart attack|exposure)\b",
    re.IGNORECASE,
)
_OF_WOUNDS = re.compile(
    r"^\s+(?:later\s+)?(?:of|from)\s+(?:their|his|her|the(?:ir)?)?\s*"
    r"(?:wounds|injuries)",
    re.IGNORECASE,
)

_AUX = (
    r"(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|had|have|has|being|been|got|"
    r"reportedly|allegedly|later|all|also|then|subsequently|eventually|subsequently|either|"
    r"reported|confirmed|believed\s+to\s+have\s+been|said\s+to\s+have\s+been|"
    r"(?:believed|thought|feared|said|reported|known|estimated)\s+to\s+have|"
    r"remain|remains|remained|still|being\s+held|"
    r"\w+ly)\s+){0,4}"
)
_NP_WORD = r"(?:[\w’'\-.]+|\([^()\n]{1,20}\))"
_PREVENTED = re.compile(
    r"\b(?:prevent\w*|stop\w*|block\w*|halt\w*|bar\w*|avoid\w*|oppos\w*|resist\w*|"
    r"refus\w*|delay\w*)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _alternation(phrases: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    # A stray comma between the words of a phrase ("taken, prisoner") is tolerated.
    return "|".join(re.escape(p).replace(r"\ ", r",?\s+") for p in ordered)


def _lookup(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for measure, phrases in table.items():
        for phrase in phrases:
            found.setdefault(" ".join(phrase.split()).lower(), measure)
    return found


_PARTICIPLE_MEASURE = _lookup(_HARM_PARTICIPLES)
_VERB_MEASURE = _lookup(_HARM_VERBS)
_NOUN_MEASURE = _lookup(_HARM_NOUNS)
_COUNT_NOUN_MEASURE = _lookup(_COUNT_NOUNS)

_ALL_PARTICIPLES = [p for v in _HARM_PARTICIPLES.values() for p in v]
_SUBJECT = re.compile(
    rf"(?P<np>(?:\s+{_NP_WORD}){{0,6}}?)"
    r"(?P<appos>,\s+(?:including|among\s+them|most\s+of\s+them|mostly|of\s+whom)[^,.;\n]{1,50},)?"
    rf",?\s+(?:(?:who|that|which)\s+)?{_AUX}"
    rf"(?P<harm>{_alternation(_ALL_PARTICIPLES)}|left\s+(?-i:[A-Z])[\w’'-]+)\b",
    re.IGNORECASE,
)
_VERB_BEFORE = re.compile(
    rf"\b(?P<harm>{_alternation([p for v in _HARM_VERBS.values() for p in v])})\s+"
    r"(?:(?:another|a\s+further|an\s+additional|a\s+total\s+of|an\s+estimated|more\s+than)\s+)?$",
    re.IGNORECASE,
)
_NOUN_BEFORE = re.compile(
    rf"\b(?P<harm>{_alternation([p for v in _HARM_NOUNS.values() for p in v])})\s+"
    r"(?:(?:of|among|(?<=toll\s)(?:rose\s+to|reached|stood\s+at|stands\s+at|climbed\s+to|"
    r"of|at|to)))\s+"
    r"(?:(?:another|a\s+further|an\s+additional|a\s+total\s+of|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
_COUNT_NOUN_AFTER = re.compile(
    rf"^(?:\s+(?:of|more|other|additional|further|new|civilian|confirmed|reported|known)){{0,2}}"
    rf"\s+(?P<harm>{_alternation([p for v in _COUNT_NOUNS.values() for p in v])})\b",
    re.IGNORECASE,
)
_ZERO = re.compile(
    r"\b(?P<neg>no|not\s+(?:a\s+single|one|any)|without\s+any|(?:did|does|do)\s+not\s+"
    r"(?:result\s+in|cause|lead\s+to|produce|leave)\s+any|nobody\s+was|no\s+one\s+was|"
    r"none\s+(?:of\s+(?:the|them)\s+\w*\s*)?(?:was|were))\s+"
    rf"(?P<harm>{_alternation(_ZERO_HARMS)})\b",
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(
    r"(?:^|[\n;,.(]\s*|\b)(?P<harm>" + "|".join(_LABEL_MEASURE) + r")\s*:\s*$", re.I
)
# "the attack claimed 30 lives", "thirty lives were lost"
_LIVES_AFTER = re.compile(
    r"^\s+(?:[\w’'-]+\s+)?lives\b(?P<lost>\s+(?:were|have\s+been|had\s+been|was)\s+lost)?",
    re.I,
)
_LIVES_VERB_BEFORE = re.compile(
    r"\b(?:claimed|claiming|claims|cost|costing|costs|took|taking|takes)\s+(?:the\s+)?$", re.I
)
# "the death toll from Monday's bombings had risen to 55"
_TOLL_BEFORE = re.compile(
    r"\b(?:death\s+toll|toll\s+of\s+(?:the\s+)?dead|number\s+of\s+(?:the\s+)?dead)\b"
    r"[^.;:!?\n]{0,60}?\b(?:rose|risen|climbed|reached|stood|stands|increased|jumped|"
    r"grew|was|is|has\s+(?:risen|climbed|reached))\s+(?:to\s+|at\s+)?$",
    re.I,
)
_TOOK_HOSTAGE = re.compile(r"\b(?:took|take|takes|taking|taken|held|holding|seized)\s+$", re.I)
_HOSTAGE_AFTER = re.compile(r"^\s+(?:[\w’'-]+\s+){0,2}?(?:hostages?|captives?|prisoners?)\b", re.I)
_VICTIMS_AFTER = re.compile(rf"(?P<np>(?:\s+{_NP_WORD}){{1,5}})")


@dataclass(frozen=True, slots=True)
class MeasureMatch:
    """The measure a count is tied to, the span of the words that say so, and the victims."""

    measure: str
    harm_start: int
    harm_end: int
    victims: str | None
    victims_start: int | None
    victims_end: int | None
    rule: str


def measure_for(
    text: str, count_start: int, count_end: int, floor: int, ceiling: int
) -> MeasureMatch | None:
    """What the count at `text[count_start:count_end]` counts, from the words around it.

    Only the sentence `text[floor:ceiling]` is looked at. Returns None when the words do
    not say the count is of people harmed or moved.
    """
    after = text[count_end : min(ceiling, count_end + 120)]
    before = text[max(floor, count_start - 60) : count_start]
    sentence = text[floor:ceiling]

    verb = _VERB_BEFORE.search(before)
    if verb is not None:
        harm = _harm_key(verb)
        base = count_start - len(before)
        victims = _victims_after(text, count_end, ceiling)
        # With no words after the count ("carried off seven") the verb speaks of people.
        ambiguous = (
            harm in _THING_VERBS and victims[0] is not None and not _names_people(victims[0])
        )
        if not ambiguous and (victims[0] is None or _np_is_people(victims[0])):
            measure = _refine_death(_VERB_MEASURE[harm], harm, "", sentence)
            return MeasureMatch(
                measure,
                base + verb.start("harm"),
                base + verb.end("harm"),
                *victims,
                "count.verb_object.v1",
            )

    label = _LABEL_BEFORE.search(before)
    if label is not None:
        # "Killed: 12", "Deaths: 40; injured: 95" (tables and fact boxes)
        harm = label.group("harm").lower()
        base = count_start - len(before)
        return MeasureMatch(
            _LABEL_MEASURE[harm],
            base + label.start("harm"),
            count_end,
            None,
            None,
            None,
            "count.label.v1",
        )

    lives = _LIVES_AFTER.match(after)
    verb = _LIVES_VERB_BEFORE.search(before)
    if lives is not None and (verb is not None or lives.group("lost")):
        begin = count_start - len(before) + verb.start() if verb else count_start
        return MeasureMatch(
            "killed", begin, count_end + lives.end(), None, None, None, "count.lives.v1"
        )

    toll = _TOLL_BEFORE.search(text[max(floor, count_start - 90) : count_start])
    if toll is not None:
        base = max(floor, count_start - 90)
        return MeasureMatch(
            "killed", base + toll.start(), base + toll.end(), None, None, None, "count.toll.v1"
        )

    noun = _NOUN_BEFORE.search(before)
    if noun is not None and _PREVENTED.search(before[: noun.start()]):
        noun = None  # "to stop the expulsion of 300": it did not happen
    if noun is not None:
        harm = _harm_key(noun)
        base = count_start - len(before)
        victims = _victims_after(text, count_end, ceiling)
        if victims[0] is None or _np_is_people(victims[0]):
            measure = _refine_death(_NOUN_MEASURE[harm], harm, "", sentence)
            return MeasureMatch(
                measure,
                base + noun.start("harm"),
                base + noun.end("harm"),
                *victims,
                "count.noun_of.v1",
            )

    subject = _SUBJECT.match(after)
    if subject is not None:
        np_text = subject.group("np").strip()
        if _np_is_people(np_text):
            harm = _harm_key(subject)
            # "left Albania", "left Iraq": leaving a named country or place.
            measure = "displaced" if harm.startswith("left ") else _PARTICIPLE_MEASURE[harm]
            harm_start = count_end + subject.start("harm")
            harm_end = count_end + subject.end("harm")
            measure = _refine_death(measure, harm, text[harm_end:ceiling], sentence)
            victims = _victims(np_text, count_end + subject.start("np"), text)
            return MeasureMatch(measure, harm_start, harm_end, *victims, "count.subject_verb.v1")

    hostage = _TOOK_HOSTAGE.search(before)
    if hostage is not None:
        held = _HOSTAGE_AFTER.match(after)
        if held is not None:
            base = count_start - len(before)
            return MeasureMatch(
                "abducted",
                base + hostage.start(),
                count_end + held.end(),
                None,
                None,
                None,
                "count.took_hostage.v1",
            )

    counted = _COUNT_NOUN_AFTER.match(after)
    if counted is not None:
        harm = _harm_key(counted)
        measure = _refine_death(_COUNT_NOUN_MEASURE[harm], harm, "", sentence)
        return MeasureMatch(
            measure,
            count_end + counted.start("harm"),
            count_end + counted.end("harm"),
            None,
            None,
            None,
            "count.count_noun.v1",
        )
    return None


@dataclass(frozen=True, slots=True)
class ZeroMatch:
    """A negated harm ("no casualties"): measure and the span of the whole phrase."""

    measure: str
    start: int
    end: int
    rule: str = "count.zero.v1"


def find_zero_claims(text: str, floor: int, ceiling: int) -> list[ZeroMatch]:
    """Every negated harm in `text[floor:ceiling]`."""
    found = []
    for match in _ZERO.finditer(text, floor, ceiling):
        harm = _harm_key(match)
        if harm.startswith("casualt"):
            measure = "other"
        elif harm in ("injuries", "injured", "wounded", "hurt"):
            measure = "wounded"
        else:
            measure = "killed"
        found.append(ZeroMatch(measure, match.start(), match.end()))
    return found


def _harm_key(match: re.Match[str]) -> str:
    """The harm words of a match as the tables spell them: lower case, single spaces,
    a stray comma dropped ("taken, prisoner")."""
    return " ".join(match.group("harm").lower().replace(",", " ").split())


def _refine_death(measure: str, harm: str, following: str, sentence: str) -> str:
    """`died` for deaths a sentence ties to a siege or denied care; killed otherwise."""
    if measure != "killed" or harm not in (
        "died",
        "death",
        "deaths",
        "dead",
        "lives",
        "lost their lives",
        "among the dead",
        "among the killed",
        "among those killed",
        "perished",
    ):
        return measure
    if harm == "died" and _OF_WOUNDS.match(following):
        return "killed"
    if _NON_VIOLENT.search(sentence):
        return "died"
    return "killed"


def _names_people(np_text: str | None) -> bool:
    """True when the noun phrase's head is a word for people."""
    if not np_text:
        return False
    words = [w.lower().strip(".,;:’'") for w in np_text.split() if not w.startswith("(")]
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    head = words[-1] if words else ""
    return head in _PEOPLE_NOUNS or head.endswith(("ers", "ists", "ians", "ees"))


def _np_is_people(np_text: str) -> bool:
    """True unless the words between count and harm name things or start a new clause."""
    if not np_text:
        return True
    words = [w for w in re.split(r"\s+", np_text) if w and not w.startswith("(")]
    if not words:
        return True
    if words[0].lower() == "of" and all(w.lower() in _DETERMINERS for w in words[1:]):
        return False  # "two of the [wounded]": a part of a group named elsewhere
    if len(words) > 1 and words[0].lower() == "of":
        words = words[1:]
    lowered = [w.lower().strip(".,;:’'") for w in words]
    if lowered[0] in _STOP_WORDS and lowered[0] not in _DETERMINERS:
        return False  # "one in December [killed]": a clause, not a noun phrase
    if lowered[0] == "of" and all(w in _DETERMINERS or w == "of" for w in lowered):
        return False  # "two of the [wounded]": a part of a group named elsewhere
    if lowered[-1] in ("and", "or"):
        return False  # "116 people and [injured ...]": a new clause starts
    for i, word in enumerate(lowered[:-1]):
        if word in ("and", "or") and lowered[i + 1] in _QUANTIFIERS:
            return False  # "15 members and many [wounded]": a second subject
    # The head noun is the last word before an "of" ("members of the group"), else the last.
    head = lowered[lowered.index("of") - 1] if "of" in lowered[1:] else lowered[-1]
    if head in _THINGS:
        return False
    # A preposition or verb inside means the words are a clause, not the victims; a
    # determiner right after "of" is part of the noun phrase.
    for i, word in enumerate(lowered[1:], start=1):
        if word in ("of", "and") or (lowered[i - 1] == "of" and word in _DETERMINERS):
            continue
        if word in _STOP_WORDS:
            return False
    return True


def _victims(np_text: str, np_start: int, text: str) -> tuple[str | None, int | None, int | None]:
    cleaned = np_text.strip().rstrip(",")
    if not cleaned:
        return None, None, None
    if cleaned.lower().startswith("of "):
        cleaned = cleaned[3:]
    start = text.find(cleaned, np_start)
    return cleaned, start, start + len(cleaned)


def _victims_after(
    text: str, count_end: int, ceiling: int
) -> tuple[str | None, int | None, int | None]:
    match = _VICTIMS_AFTER.match(text, count_end, ceiling)
    if match is None:
        return None, None, None
    words: list[str] = []
    for word in match.group("np").split():
        bare = word.lower().strip(".,;:’'")
        if words == ["of"] and bare in ("the", "these", "those", "their", "its", "his", "her"):
            continue  # "eight of the attackers": the attackers
        if bare in _STOP_WORDS and bare not in ("of",):
            break
        words.append(word)
        if word.endswith((",", ".", ";", ":")):
            break
    phrase = " ".join(words).rstrip(".,;:")
    if not phrase or phrase.lower() in ("of",):
        return None, None, None
    if phrase.lower().startswith("of "):
        phrase = phrase[3:]
    start = text.find(phrase, count_end)
    if start < 0 or start > ceiling:
        return None, None, None
    return phrase, start, start + len(phrase)
