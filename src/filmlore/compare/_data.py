"""The small built-in tables comparison relies on: taxonomies, places, nicknames, ranks.

Each table is deliberately small and documented in ``docs/explanation/verdicts.md``; extend
the taxonomies through :class:`~filmlore.Taxonomy` and :class:`~filmlore.CompareContext`
rather than here.
"""

from __future__ import annotations

from typing import Any

# --- categories and scopes ------------------------------------------------------------------

CATEGORY_TREE: dict[str, Any] = {
    "organization": {
        "military": {
            "army": ["Delta Force", "Green Berets", "Army Rangers"],
            "navy": ["Navy SEALs"],
            "air force": [],
            "marine corps": [],
        },
        "law enforcement": {
            "police officer": ["detective", "sergeant", "lieutenant", "captain", "patrol officer"],
            "police": {
                "LAPD": ["LAPD Robbery-Homicide Division"],
                "NYPD": [],
                "Chicago Police Department": [],
            },
            "FBI": [],
            "DEA": [],
        },
        "film studio": ["Warner Bros.", "United Artists", "Paramount Pictures"],
    },
    "genre": {
        "crime": ["heist", "gangster", "neo-noir"],
        "action": ["martial arts"],
        "drama": [],
        "thriller": ["psychological thriller"],
        "comedy": [],
        "documentary": [],
        "science fiction": [],
        "horror": [],
        "western": [],
    },
    # Being together in a film: on screen at all, in one scene, speaking to each other.
    "scope": {
        "on screen": {"in a scene": ["in a speaking scene"]},
    },
}

CATEGORY_SYNONYMS = {
    "armed forces": "military",
    "US Army": "army",
    "U.S. Army": "army",
    "1st Special Forces Operational Detachment-Delta": "Delta Force",
    "Delta": "Delta Force",
    "SEALs": "Navy SEALs",
    "police department": "police",
    "cops": "police",
    "Los Angeles Police Department": "LAPD",
    "Robbery-Homicide Division": "LAPD Robbery-Homicide Division",
    "Robbery-Homicide": "LAPD Robbery-Homicide Division",
    "New York Police Department": "NYPD",
    "Federal Bureau of Investigation": "FBI",
    "Warner Brothers": "Warner Bros.",
    "sci-fi": "science fiction",
    "SF": "science fiction",
    "onscreen": "on screen",
    "on the screen": "on screen",
    "together on screen": "on screen",
    "shared the screen": "on screen",
    "in the same film": "on screen",
    "in the same scene": "in a scene",
    "in a scene together": "in a scene",
    "shared a scene": "in a scene",
    "speaking scene": "in a speaking scene",
    "in a speaking scene together": "in a speaking scene",
    "shared the screen in a speaking scene": "in a speaking scene",
    "face to face": "in a speaking scene",
    "crime film": "crime",
    "crime movie": "crime",
    "action film": "action",
    "drama film": "drama",
    "thriller film": "thriller",
    "cop": "police officer",
    "policeman": "police officer",
    "police detective": "detective",
    # distribution formats
    "TV movie": "TV film",
    "television film": "TV film",
    "television movie": "TV film",
    "made-for-TV film": "TV film",
    "made-for-TV movie": "TV film",
    "TV pilot": "pilot",
    "television pilot": "pilot",
    "theatrical release": "theatrical",
    "in theaters": "theatrical",
    "streaming release": "streaming",
    # ranks and titles
    "Lt.": "lieutenant",
    "Lt": "lieutenant",
    "Sgt.": "sergeant",
    "Sgt": "sergeant",
    "Det.": "detective",
    "Capt.": "captain",
}

# --- places ---------------------------------------------------------------------------------

_US_STATES = {
    "Alabama": "AL",
    "Alaska": "AK",
    "Arizona": "AZ",
    "Arkansas": "AR",
    "California": "CA",
    "Colorado": "CO",
    "Connecticut": "CT",
    "Delaware": "DE",
    "Florida": "FL",
    "Georgia": "GA",
    "Hawaii": "HI",
    "Idaho": "ID",
    "Illinois": "IL",
    "Indiana": "IN",
    "Iowa": "IA",
    "Kansas": "KS",
    "Kentucky": "KY",
    "Louisiana": "",  # "LA" is Los Angeles in film texts
    "Maine": "ME",
    "Maryland": "MD",
    "Massachusetts": "MA",
    "Michigan": "MI",
    "Minnesota": "MN",
    "Mississippi": "MS",
    "Missouri": "MO",
    "Montana": "MT",
    "Nebraska": "NE",
    "Nevada": "NV",
    "New Hampshire": "NH",
    "New Jersey": "NJ",
    "New Mexico": "NM",
    "New York": "NY",
    "North Carolina": "NC",
    "North Dakota": "ND",
    "Ohio": "OH",
    "Oklahoma": "OK",
    "Oregon": "OR",
    "Pennsylvania": "PA",
    "Rhode Island": "RI",
    "South Carolina": "SC",
    "South Dakota": "SD",
    "Tennessee": "TN",
    "Texas": "TX",
    "Utah": "UT",
    "Vermont": "VT",
    "Virginia": "VA",
    "Washington": "WA",
    "West Virginia": "WV",
    "Wisconsin": "WI",
    "Wyoming": "WY",
    "District of Columbia": "DC",
}

_US_CITIES = {
    "California": {
        "Los Angeles": ["Downtown Los Angeles", "Hollywood"],
        "Santa Monica": [],
        "San Francisco": [],
        "San Diego": [],
    },
    "Illinois": ["Chicago"],
    "Minnesota": ["Minneapolis", "Saint Paul"],
    "New York": ["New York City"],
    "North Carolina": ["Fort Bragg", "Charlotte"],
    "Nevada": ["Las Vegas"],
    "Texas": ["Houston", "Dallas", "Austin"],
    "Washington": ["Seattle"],
    "Massachusetts": ["Boston"],
    "Georgia": ["Atlanta"],
    "Florida": ["Miami"],
    "Louisiana": ["New Orleans"],
    "District of Columbia": ["Washington, D.C."],
}


def _united_states() -> dict[str, object]:
    states: dict[str, object] = {}
    for state in _US_STATES:
        cities = _US_CITIES.get(state, [])
        states[state] = cities
    return states


PLACE_TREE: dict[str, Any] = {
    "North America": {
        "United States": _united_states(),
        "Canada": {
            "Ontario": ["Toronto"],
            "Quebec": ["Montreal"],
            "British Columbia": ["Vancouver"],
        },
        "Mexico": ["Mexico City"],
    },
    "Europe": {
        "United Kingdom": {
            "England": ["London", "Manchester"],
            "Scotland": ["Edinburgh"],
            "Wales": [],
            "Northern Ireland": [],
        },
        "France": ["Paris", "Cannes"],
        "Germany": ["Berlin", "Munich"],
        "Italy": ["Rome", "Venice"],
        "Spain": ["Madrid", "Barcelona"],
        "Ireland": ["Dublin"],
    },
    "Asia": {
        "Japan": ["Tokyo"],
        "South Korea": ["Seoul", "Busan"],
        "China": ["Beijing", "Hong Kong"],
        "India": ["Mumbai"],
        "Afghanistan": [],
    },
    "Oceania": {"Australia": ["Sydney"], "New Zealand": []},
    "South America": {"Brazil": ["Rio de Janeiro"], "Argentina": ["Buenos Aires"]},
    "Africa": {"Egypt": ["Cairo"], "South Africa": []},
}

PLACE_SYNONYMS: dict[str, str] = {
    "USA": "United States",
    "U.S.A.": "United States",
    "US": "United States",
    "U.S.": "United States",
    "United States of America": "United States",
    "the United States": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Britain": "United Kingdom",
    "L.A.": "Los Angeles",
    "Los Angeles, CA": "Los Angeles",
    "downtown L.A.": "Downtown Los Angeles",
    "downtown LA": "Downtown Los Angeles",
    "NYC": "New York City",
    "New York, NY": "New York City",
    "Washington DC": "Washington, D.C.",
    "D.C.": "Washington, D.C.",
    "Korea": "South Korea",
    "Republic of Korea": "South Korea",
    "Pusan": "Busan",
    "St. Paul": "Saint Paul",
    "Fort Liberty": "Fort Bragg",
}
for _state, _code in _US_STATES.items():
    if _code:
        PLACE_SYNONYMS[_code] = _state

# --- people's names -------------------------------------------------------------------------

#: Short forms of given names → the full names they stand for.  Deliberately small.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "al": ("albert", "alfred", "alfredo", "alan", "allen", "alexander"),
    "alex": ("alexander", "alexandra"),
    "andy": ("andrew",),
    "ben": ("benjamin",),
    "beth": ("elizabeth",),
    "bill": ("william",),
    "billy": ("william",),
    "bob": ("robert",),
    "bobby": ("robert",),
    "charlie": ("charles",),
    "chris": ("christopher", "christian", "christine", "christina"),
    "chuck": ("charles",),
    "dan": ("daniel",),
    "danny": ("daniel",),
    "dave": ("david",),
    "dick": ("richard",),
    "ed": ("edward", "edwin", "edmund"),
    "eddie": ("edward",),
    "greg": ("gregory",),
    "hank": ("henry",),
    "harry": ("henry", "harold"),
    "jack": ("john",),
    "jim": ("james",),
    "jimmy": ("james",),
    "joe": ("joseph",),
    "johnny": ("john",),
    "jon": ("jonathan", "john"),
    "kate": ("katherine", "catherine"),
    "ken": ("kenneth",),
    "larry": ("lawrence",),
    "liz": ("elizabeth",),
    "matt": ("matthew",),
    "mike": ("michael",),
    "mick": ("michael",),
    "nate": ("nathan", "nathaniel"),
    "nick": ("nicholas",),
    "pat": ("patrick", "patricia"),
    "rick": ("richard",),
    "rob": ("robert",),
    "ron": ("ronald",),
    "sam": ("samuel", "samantha"),
    "steve": ("steven", "stephen"),
    "ted": ("edward", "theodore"),
    "tim": ("timothy",),
    "tom": ("thomas",),
    "tommy": ("thomas",),
    "tony": ("anthony",),
    "val": ("valentine", "valerie", "valerian"),
    "wes": ("wesley",),
    "will": ("william",),
}

#: Ranks, titles and honorifics before a name; they are not part of it.
TITLES = frozenset(
    [
        "lt",
        "lieut",
        "lieutenant",
        "det",
        "detective",
        "sgt",
        "sergeant",
        "capt",
        "captain",
        "cpt",
        "officer",
        "ofc",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "doctor",
        "sir",
        "dame",
        "lord",
        "lady",
        "col",
        "colonel",
        "gen",
        "general",
        "maj",
        "agent",
        "sheriff",
        "deputy",
        "chief",
        "prof",
        "professor",
        "rev",
        "reverend",
        "insp",
        "inspector",
        "cmdr",
        "commander",
        "pvt",
        "private",
        "cpl",
        "corporal",
        "adm",
        "admiral",
        "sen",
        "senator",
        "gov",
        "governor",
        "mayor",
        "judge",
        "father",
        "sister",
        "brother",
        "uncle",
        "aunt",
        "special",
    ]
)

#: Words after a name that are not part of it.
SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"])

#: Lower-case particles that belong to the surname that follows (De Niro, van Damme).
PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "dos",
        "del",
        "della",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "st",
        "saint",
        "ten",
        "ter",
        "bin",
        "ibn",
    ]
)
