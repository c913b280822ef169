"""The words the measure rules (`measures`) read.

Harm words by measure, as participles ("shot dead"), verbs ("wounding"), nouns ("the
killing of") and count nouns ("12 fatalities"); the words a negated harm or a label
names; and the words that tell people from things ("rockets", "villagers") and a noun
phrase from a clause.
"""

from __future__ import annotations

# Words and phrases that say what happened to the people counted, by measure.
_HARM_PARTICIPLES: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed",
        "murdered",
        "massacred",
        "slain",
        "slaughtered",
        "executed",
        "shot dead",
        "assassinated",
        "dead",
        "died",
        "lost their lives",
        "feared dead",
        "presumed dead",
        "believed dead",
        "feared killed",
        "among the dead",
        "among the killed",
        "among those killed",
        "perished",
        "burned to death",
        "beaten to death",
    ),
    "wounded": (
        "wounded",
        "injured",
        "hurt",
        "maimed",
        "shot and wounded",
        "among the wounded",
        "among the injured",
        "among those wounded",
        "among those injured",
    ),
    "abducted": (
        "abducted",
        "kidnapped",
        "taken hostage",
        "taken prisoner",
        "taken captive",
        "captured",
        "held hostage",
        "seized",
    ),
    "detained": (
        "detained",
        "arrested",
        "imprisoned",
        "jailed",
        "held in custody",
        "in custody",
        "held without charge",
        "rounded up",
        "behind bars",
    ),
    "displaced": (
        "displaced",
        "relocated",
        "moved",
        "transferred",
        "resettled",
        "evicted",
        "expelled",
        "deported",
        "fled",
        "left the camp",
        "left the country",
        "forced from their homes",
        "forced to flee",
        "forced to leave",
        "forced out",
        "driven out",
        "driven from their homes",
        "uprooted",
        "made homeless",
        "departed",
        "evacuated",
    ),
    "other": (
        "killed or wounded",
        "killed or injured",
        "killed and wounded",
        "killed and injured",
        "dead or wounded",
        "dead and wounded",
        "wounded or killed",
        "affected",
    ),
}
_HARM_VERBS: dict[str, tuple[str, ...]] = {
    "killed": (
        "killing",
        "killed",
        "murdering",
        "murdered",
        "massacring",
        "massacred",
        "executing",
        "executed",
        "slaughtering",
        "slaughtered",
        "left dead",
        "claiming the lives of",
        "claimed the lives of",
        "took the lives of",
        "taking the lives of",
        "shot dead",
        "shooting dead",
        "gunned down",
        "gunning down",
        "shot and killed",
    ),
    "wounded": ("wounding", "wounded", "injuring", "injured", "maiming", "maimed", "hurting"),
    "abducted": (
        "abducting",
        "abducted",
        "kidnapping",
        "kidnapped",
        "capturing",
        "captured",
        "seizing",
        "seized",
        "taking hostage",
        "carried off",
        "carrying off",
        "took away",
        "taking away",
        "led away",
        "snatched",
        "snatching",
    ),
    "detained": (
        "detaining",
        "detained",
        "arresting",
        "arrested",
        "imprisoning",
        "imprisoned",
        "jailing",
        "jailed",
    ),
    "displaced": (
        "displacing",
        "displaced",
        "relocating",
        "relocated",
        "evicting",
        "evicted",
        "expelling",
        "expelled",
        "deporting",
        "deported",
        "resettling",
        "resettled",
        "evacuating",
        "evacuated",
        "transferring",
        "transferred",
    ),
}
_HARM_NOUNS: dict[str, tuple[str, ...]] = {
    "killed": (
        "death",
        "deaths",
        "massacre",
        "killing",
        "killings",
        "murder",
        "murders",
        "execution",
        "executions",
        "lives",
        "death toll",
        "toll",
        "slaughter",
        "bodies",
    ),
    "wounded": ("wounding", "injuring", "injuries", "wounds", "injury"),
    "abducted": (
        "abduction",
        "abductions",
        "kidnapping",
        "kidnappings",
        "capture",
        "hostage-taking",
    ),
    "detained": ("detention", "detentions", "arrest", "arrests", "imprisonment"),
    "displaced": (
        "relocation",
        "displacement",
        "transfer",
        "resettlement",
        "eviction",
        "expulsion",
        "deportation",
        "evacuation",
        "departure",
    ),
    "other": (
        "casualties",
        "death and maiming",
        "death and injury",
        "deaths and injuries",
        "killing and wounding",
    ),
}
_COUNT_NOUNS: dict[str, tuple[str, ...]] = {
    "killed": (
        "deaths",
        "dead",
        "fatalities",
        "bodies",
        "killings",
        "murders",
        "victims killed",
        "people dead",
        "corpses",
    ),
    "wounded": ("injuries", "wounded", "injured"),
    "abducted": ("hostages", "captives", "abductions", "kidnappings", "prisoners of war"),
    "detained": ("detainees", "arrests", "detentions", "political prisoners held"),
    "other": ("casualties",),
}

# Nouns that show a count is not of people.
_THINGS = frozenset(
    """rocket rockets missile missiles mortar mortars shell shells bomb bombs round rounds
    vehicle vehicles truck trucks car cars bus buses tank tanks plane planes aircraft
    helicopter helicopters jet jets trailer trailers building buildings house houses home
    homes tent tents caravan caravans loudspeaker loudspeakers speaker speakers wall walls
    t-walls camp camps base bases post posts checkpoint checkpoints village villages town
    towns city cities year years month months week weeks day days hour hours minute minutes
    time times occasion occasions attack attacks raid raids strike strikes assault assaults
    incident incidents case cases letter letters page pages report reports document
    documents dollar dollars euro euros dinar dinars percent mile miles kilometer kilometers
    kilometre kilometres meter meters metre metres acre acres hectare hectares ton tons
    tonne tonnes liter liters litre litres gallon gallons resolution resolutions article
    articles point points item items unit units pool pools division divisions brigade
    brigades battalion battalions agency agencies country countries province provinces
    group groups organization organizations organisation organisations party parties
    signature signatures petition petitions bullet bullets gun guns weapon weapons grenade
    grenades session sessions meeting meetings visit visits hearing hearings""".split()
)
_QUANTIFIERS = frozenset(
    """many several some others more dozens hundreds scores numerous a another most all few
    two three four five six seven eight nine ten""".split()
)
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "this", "these", "those", "a", "an"})
_STOP_WORDS = frozenset(
    """in on at from to by with during after before since until into onto over under near
    who which that when where while as than because were was are is have has had been being
    the a an this these those their its his her our and or but not no said says according
    killed wounded injured dead died abducted detained left leaving caused causing claimed
    claiming resulted resulting sparked prompted forced""".split()
)
_ZERO_HARMS = [
    "casualties",
    "casualty",
    "deaths",
    "death",
    "fatalities",
    "injuries",
    "killed",
    "injured",
    "wounded",
    "hurt",
    "dead",
    "lives lost",
    "loss of life",
]
_LABEL_MEASURE = {
    "killed": "killed",
    "dead": "killed",
    "deaths": "killed",
    "fatalities": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "injuries": "wounded",
    "abducted": "abducted",
    "kidnapped": "abducted",
    "hostages": "abducted",
    "detained": "detained",
    "arrested": "detained",
    "arrests": "detained",
    "displaced": "displaced",
    "casualties": "other",
}

# Verbs that take things as readily as people ("seized 25 rifles"): the words after the
# count must name people.
_THING_VERBS = frozenset(
    {
        "seized",
        "seizing",
        "captured",
        "capturing",
        "took away",
        "taking away",
        "carried off",
        "carrying off",
        "snatched",
        "snatching",
        "transferred",
        "transferring",
        "evacuated",
        "evacuating",
    }
)
_PEOPLE_NOUNS = frozenset(
    """people persons person residents civilians men women children boys girls students
    pupils workers soldiers officers policemen police guards fighters members villagers
    journalists reporters hostages prisoners detainees pilots refugees protesters
    demonstrators others more employees staff engineers doctors nurses patients families
    farmers shepherds passengers tourists pilgrims worshippers activists officials
    teachers priests monks nuns clerics leaders commanders militants insurgents rebels
    recruits conscripts troops sailors crew passers-by bystanders""".split()
)
