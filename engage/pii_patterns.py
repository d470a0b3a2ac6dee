"""The patterns of personal information that holds a number: phone numbers, social
insurance numbers, health cards, postal codes and street addresses, and how each is told
from the ordinary numbers of feedback (hours, money, dates, help lines).

Every pattern matches within a few characters of its first digit (spaces inside a match
are bounded), so ``engage.privacy`` tries them only around the digits a text has.
Digits are spelled [0-9] so that other scripts' digits never count as a number.
"""

from __future__ import annotations

import re
import string

# Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign.
DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_SEPARATOR = rf"(?:\s{{0,3}}[{DASH}.]\s{{0,3}}|\s{{1,3}})"
_OPTIONAL_SEPARATOR = rf"{_SEPARATOR}?"

EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])"

# Ontario health card: 4-3-3 digits with an optional two-letter version code, or
# ten plain digits that carry a version code (without one they read as a phone, unless
# named as a health card: see HEALTH_CARD_NAMED).
HEALTH_CARD = (
    rf"(?<![0-9])(?:"
    rf"[0-9]{{4}}[ {DASH}][0-9]{{3}}[ {DASH}][0-9]{{3}}(?![0-9])"
    rf"(?:[ {DASH}]?[A-Z]{{2}}(?![A-Za-z0-9]))?"
    r"|[0-9]{10}[ -]?[A-Z]{2}(?![A-Za-z0-9])"
    r")"
)

# Social insurance number: nine digits, 3-3-3 with one kind of separator or none; it
# counts if it passes the Luhn check, or if it is named as a SIN (see SIN_NAMED).
SIN = (
    rf"(?<![0-9])(?:[0-9]{{9}}|[0-9]{{3}} [0-9]{{3}} [0-9]{{3}}"
    rf"|[0-9]{{3}}[{DASH}][0-9]{{3}}[{DASH}][0-9]{{3}}|[0-9]{{3}}\.[0-9]{{3}}\.[0-9]{{3}})"
    r"(?![0-9])"
)

_EXTENSION = (
    r"(?:\s{0,3},?\s{0,3}(?i:extension|ext\.?|x|poste|p\.)\s{0,3}#?\s{0,3}[0-9]{1,6}"
    r"(?![0-9]))?"
)
# North American phone number, with optional country code and extension; the groups
# may be split by spaces, dots or any dash, spaced or not ("705 - 555 - 0150").
PHONE = (
    rf"(?<![0-9])(?:\+?1{_OPTIONAL_SEPARATOR})?"
    rf"(?:\(\s?[0-9]{{3}}\s?\){_OPTIONAL_SEPARATOR}|[0-9]{{3}}{_OPTIONAL_SEPARATOR})"
    rf"[0-9]{{3}}{_OPTIONAL_SEPARATOR}[0-9]{{4}}(?![0-9]){_EXTENSION}"
)
# A local number without its area code: exchange 2-9xx, a dash or dot, four digits.
LOCAL_PHONE = (
    rf"(?<![0-9])[2-9][0-9]{{2}}\s{{0,3}}[{DASH}.]\s{{0,3}}[0-9]{{4}}(?![0-9]){_EXTENSION}"
)

# Canadian postal code: letter-digit-letter digit-letter-digit, in either case.
POSTAL_CODE = (
    r"(?<![A-Za-z0-9])"
    r"(?i:[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?-? ?[0-9][ABCEGHJ-NPRSTV-Z][0-9])"
    r"(?![A-Za-z0-9])"
)

# Canada Post's street types (English), abbreviations included.
STREET_TYPES = (
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Av",
    "Road",
    "Rd",
    "Drive",
    "Dr",
    "Boulevard",
    "Blvd",
    "Crescent",
    "Cres",
    "Cr",
    "Court",
    "Ct",
    "Crt",
    "Lane",
    "Ln",
    "Way",
    "Place",
    "Pl",
    "Trail",
    "Trl",
    "Parkway",
    "Pkwy",
    "Circle",
    "Cir",
    "Terrace",
    "Terr",
    "Tce",
    "Square",
    "Sq",
    "Highway",
    "Hwy",
    "Line",
    "Sideroad",
    "Concession",
    "Gate",
    "Gardens",
    "Gdns",
    "Grove",
    "Heights",
    "Hts",
    "Hill",
    "Park",
    "Ridge",
    "Row",
    "Path",
    "Walk",
    "Close",
    "Mews",
    "Alley",
    "Landing",
    "Green",
    "Glen",
    "Common",
    "Crossing",
    "Quay",
    "Esplanade",
    "Promenade",
    "Expressway",
    "Freeway",
    "Bay",
    "Bend",
    "Circuit",
    "Cove",
    "Dale",
    "Field",
    "Harbour",
    "Island",
    "Knoll",
    "Link",
    "Loop",
    "Mall",
    "Manor",
    "Meadow",
    "Meadows",
    "Mount",
    "Orchard",
    "Plaza",
    "Point",
    "Pt",
    "Range",
    "Rise",
    "Townline",
    "Vale",
    "Valley",
    "View",
    "Vista",
    "Wood",
    "Woods",
    "Wynd",
)
# Types that read as a street even after a lower-case name ("125 main street").
PLAIN_STREET_TYPES = (
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "drive",
    "boulevard",
    "blvd",
    "crescent",
    "cres",
    "court",
    "ct",
    "lane",
    "ln",
    "place",
    "trail",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "terrace",
    "circle",
    "way",
)
# Rural roads that are named by a number: "4321 Highway 7", "1234 Concession 5".
NUMBERED_ROADS = ("Highway", "Hwy", "Concession", "Line", "Sideroad", "County Road")
DIRECTIONS = ("North", "South", "East", "West", "N", "S", "E", "W", "NE", "NW", "SE", "SW")
# Lower-case words that never name a street: "2 days on the road", "3 blocks down the street".
_NOT_STREET_NAME = (
    "a|an|the|on|at|in|to|of|my|our|your|their|his|her|its|this|that|these|those|down|up|"
    "along|across|from|by|for|with|and|or|but|more|other|few|many|same|whole|wrong|right|"
    "next|last|each|every|one|two|three|minutes?|hours?|days?|weeks?|"
    "months?|years?|times?|blocks?|people|km|kms|miles?|metres?|meters?|is|was|were|be|"
    "been|am|are|it|not|no|so|just|very|too|only|then|than|into|onto|over|under|off|out|"
    "around|round|about|near|past|behind|across|per|x"
)


def either_case(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` as written, in capitals and in lower case, longest first."""
    spellings = {*words, *(w.upper() for w in words), *(w.lower() for w in words)}
    return "|".join(re.escape(spelling) for spelling in sorted(spellings, key=len, reverse=True))


# Words that come before the first digit of an address: "Unit 4, 120 ...", "PO Box 12".
UNIT_WORD = r"(?i:unit|suite|apt\.?|apartment|app\.?|appartement|bureau|logement)"
PO_BOX_WORDS = r"(?i:p\.?\s?o\.?\s{0,3}box|post\s{1,3}office\s{1,3}box|case\s{1,3}postale|c\.p\.)"
RURAL_ROUTE_WORDS = r"(?:R\.?R\.?|[Rr]ural\s{1,3}[Rr]oute)"
LONGEST_LEAD_IN = 32  # "post   office   box   #   " and the like

_UNIT = (
    rf"(?:{UNIT_WORD}\s{{0,3}}#?|#)\s{{0,3}}[0-9]{{1,5}}[A-Za-z]?"
    rf"\s{{0,3}},?\s{{0,3}}[{DASH}]?\s{{0,3}}"
)
_UNIT_AFTER = (
    rf"(?:\s{{0,3}},?\s{{0,3}}(?:{UNIT_WORD}\s{{0,3}}#?|#)\s{{0,3}}[0-9]{{1,5}}[A-Za-z]?"
    r"(?![A-Za-z0-9]))?"
)
_CIVIC_NUMBER = r"[0-9]{1,6}[A-Za-z]?(?:-[0-9]{1,6}[A-Za-z]?)?"
_CAPITAL_WORD = r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'\u2019-]*"
_PLAIN_WORD = rf"(?!(?:{_NOT_STREET_NAME})(?![A-Za-z]))[a-zà-ÿ][a-zà-ÿ'\u2019-]*"
_STREET_NAME_WORD = rf"(?:St\.|[0-9]{{1,3}}(?:st|nd|rd|th)|{_CAPITAL_WORD})"
_DIRECTION = rf"(?:\s{{1,3}}(?:{'|'.join(DIRECTIONS)})\.?(?![A-Za-z0-9]))?"
_STREET = (
    rf"(?:(?:{_STREET_NAME_WORD}\s{{1,3}}){{1,4}}(?i:{either_case(STREET_TYPES)})\.?"
    rf"|(?:(?:{_STREET_NAME_WORD}|{_PLAIN_WORD})\s{{1,3}}){{1,3}}"
    rf"(?i:{either_case(PLAIN_STREET_TYPES)})\.?"
    rf"|(?:{either_case(NUMBERED_ROADS)})\s{{1,3}}[0-9]{{1,3}})(?![A-Za-z0-9]){_DIRECTION}"
    rf"{_UNIT_AFTER}"
)
# French street forms: "243, rue Laurier", "12 boulevard des Pins", "5 chemin du lac".
_FRENCH_STREET_TYPES = (
    r"(?i:rue|avenue|av\.|boulevard|boul\.?|bd|chemin|ch\.|route|rang|promenade|croissant"
    r"|impasse|all[ée]e|mont[ée]e|c[ôo]te|place|ruelle|sentier|terrasse|carr[ée]|cours|quai"
    r"|voie|rond-point)"
)
_FRENCH_PARTICLE = r"(?:de|des|du|de\s{1,3}la|la|le|les|l'|l\u2019|d'|d\u2019|St-|Ste-)"
_FRENCH_STREET = (
    rf"{_FRENCH_STREET_TYPES}\s{{1,3}}(?:{_FRENCH_PARTICLE}\s{{0,3}})?"
    r"(?:[0-9]{1,4}(?![0-9A-Za-z])|[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'\u2019-]*"
    r"(?:\s{1,3}[A-ZÀ-Ý][A-Za-zÀ-ÿ'\u2019-]*){0,3})"
    rf"{_DIRECTION}{_UNIT_AFTER}"
)
ADDRESS = (
    r"(?:"
    rf"(?<![A-Za-z0-9$:.,/#-]){_CIVIC_NUMBER},?\s{{1,3}}{_FRENCH_STREET}"
    r"|"
    rf"(?<![A-Za-z0-9]){_UNIT}{_CIVIC_NUMBER}\s{{1,3}}{_STREET}"
    rf"|(?<![A-Za-z0-9$:.,/#-]){_CIVIC_NUMBER}\s{{1,3}}{_STREET}"
    rf"|(?<![A-Za-z0-9])(?:{PO_BOX_WORDS}|{RURAL_ROUTE_WORDS})\s{{0,3}}#?\s{{0,3}}[0-9]{{1,6}}"
    r"(?![0-9])"
    r")"
)

# Every kind but email, as one pattern. At one position the alternatives are tried
# in this order, which settles any overlap between kinds.
NUMBERED = re.compile(
    "|".join(
        f"(?P<{kind}>{pattern})"
        for kind, pattern in (
            ("HEALTH_CARD", HEALTH_CARD),
            ("SIN", SIN),
            ("PHONE", PHONE),
            ("POSTAL_CODE", POSTAL_CODE),
            ("ADDRESS", ADDRESS),
            ("LOCAL_PHONE", LOCAL_PHONE),
        )
    )
)
# The words that may open an address, ending right before its first digit.
LEAD_IN = re.compile(
    rf"(?<![A-Za-z0-9])(?:{UNIT_WORD}|{PO_BOX_WORDS}|{RURAL_ROUTE_WORDS})\s{{0,3}}#?\s{{0,3}}\Z"
)
# "SIN 046 454 286", "NAS : 046-454-286": a number named as a SIN counts without Luhn.
SIN_NAMED = re.compile(
    r"(?i:\bSIN|\bNAS|social\s{1,3}insurance(?:\s{1,3}(?:number|no\.?|#))?|num[ée]ro\s{1,3}"
    r"d['\u2019]\s?assurance\s{1,3}sociale)\s{0,3}(?:is|est|number|no\.?|num[ée]ro|:|#|-)?"
    r"\s{0,3}(?:is|est|:|#)?\s{0,3}\Z"
)
# "OHIP 1234567890", "health card number 1234567890": ten digits named as a health card.
HEALTH_CARD_NAMED = re.compile(
    r"(?i:OHIP|health\s{1,3}card|carte\s{1,3}(?:de\s{1,3})?sant[ée]|assurance[\s-]{1,3}"
    r"maladie)(?:\s{1,3}(?:number|no\.?|num[ée]ro|#))?\s{0,3}(?:is|est|:|#)?\s{0,3}\Z"
)
# "811 Health Line", "Kids Help Line": a service's phone line, not a rural road.
HELPLINE = re.compile(
    r"(?:health|help|crisis|info|information|service|support|customer|distress|advice"
    r"|nurse|phone|contact|warm|talk|seniors?|caregiver|tele)\s{1,3}line\.?\Z",
    re.IGNORECASE,
)
# "$200-1000", "250-5000 people": round numbers either side of a dash are a range.
RANGE = re.compile(rf"[0-9]{{2}}0\s{{0,3}}[{DASH}.]\s{{0,3}}[0-9]{{2}}00\Z")
MONEY_BEFORE = re.compile(r"[$€£]\s{0,2}\Z")
DIGIT = re.compile(r"[0-9]")
DIGITS = re.compile(r"[0-9]+")
# Characters that may open a match one place before its first digit:
# "+1 ...", "(416) ...", "#5 120 ...", "K1A 0B1".
ONE_CHAR_LEADS = frozenset("+(#" + string.ascii_letters)


def passes_luhn(number: str) -> bool:
    """Whether the digits of ``number`` pass the Luhn check that every SIN passes."""
    total = 0
    digits = [int(char) for char in number if char.isdigit()]
    for index, digit in enumerate(reversed(digits)):
        if index % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0
