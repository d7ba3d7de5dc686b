"""Article → AnalysedArticle: sentences and the mentions in each (places, actors, dates, triggers).

Everything here is lookup against the knowledge files; no decision about events is made yet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from sigact.dates import find_dates
from sigact.knowledge import actors as actor_kb
from sigact.knowledge import english, vocabulary
from sigact.knowledge import gazetteer as gaz_kb
from sigact.knowledge import outlets as outlet_kb
from sigact.knowledge.normalise import fold
from sigact.knowledge.textscan import Token, scan, tokenize
from sigact.records import (
    ActorMention,
    AnalysedArticle,
    Article,
    PlaceMention,
    Sentence,
    Span,
    TriggerMention,
)

_ABBREV = {
    "u.s", "u.k", "u.n", "gen", "maj", "lt", "col", "capt", "sgt", "dr", "mr", "mrs", "ms", "st", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no", "brig", "cpl", "pvt", "adm",
    "sen", "rep", "gov", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "etc", "a.m", "p.m", "i.e", "e.g",
    "approx", "mt", "ft", "lieut", "cmdr", "gens", "msgr", "rev", "prof", "est",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")

_NEAR_CUES = re.compile(
    r"(?:near|nearby|close to|outside|outskirts of|vicinity of|around|on the road (?:to|from)|"
    r"on the [\w-]+ road|countryside of|rural|desert of|area of|surroundings of|suburbs? of|"
    r"(?:\d+\s*(?:km|kilometers?|kilometres?|miles?)\s+)?(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+(?:of\s+)?)\s*(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_REFERENCE_CUE = re.compile(
    r"(?:(?:\d+\s*(?:km|kilometers?|kilometres?|miles?)\s+)?(?:north|south|east|west|north-?east|"
    r"north-?west|south-?east|south-?west)\s+of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$"
    # "fired six missiles from the direction of the occupied Golan Heights": where they came from
    r"|\bfrom\s+the\s+(?:direction|vicinity|area|side)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# where a weapon was meant to go, not where it was struck: "missiles that were aimed into the Southern Red Sea",
# "a missile that was prepared to launch against ships in the Red Sea"
_AIMED_CUE = re.compile(r"(?:\b(?:aimed|headed|heading|bound|destined)\s+(?:into|at|for|toward|towards|to)\s+"
                        # "Iran struck back at the United States": the party answered, not where it happened
                        r"(?:the\s+)?(?:[\w-]+\s+){0,2}|\b(?:struck|hit|lashed|fired)\s+back\s+(?:at|against)\s+"
                        r"(?:the\s+)?(?:[\w-]+\s+){0,2}|\b(?:prepared|ready|poised|about)\s+to\s+"
                        r"(?:launch|fire|be launched|be fired)\s+(?:against|at|toward|towards|into)\b[^.;]{0,40})$",
                        re.IGNORECASE)


@cache
def _supporters_before() -> re.Pattern[str]:
    """"supported by the United Kingdom and with non-operational support from Australia, Bahrain, Canada, and
    the Netherlands": the states that helped, not where it happened."""
    return re.compile(rf"\b(?:{vocabulary.load().ally_cue})\s+(?:the\s+)?"
                      r"(?:(?-i:[A-Z])[\w.'’-]*,?\s+(?:and\s+(?:the\s+)?)?){0,40}$",  # one word a step
                      re.IGNORECASE)


# "members of the Al bu Nimr tribe": a tribe named like its village is people, not a place
_TRIBE_AFTER = re.compile(r"^\s+(?:tribe|tribes|tribesmen|clan|clans|tribal)\b", re.IGNORECASE)
# a patron, not a place: "a militia supported by Iran", "backed by Tehran"
_PATRON_CUE = re.compile(r"(?:supported|backed|funded|armed|sponsored|aligned|linked|allied|loyal|affiliated|"
                         r"close|proxies of|proxy of)\s+(?:by|with|to)?\s*(?:the\s+)?$|"
                         # "at the request of the Government of Canada": a party, not where anything happened
                         r"\brequest\s+of\s+(?:the\s+)?(?:government\s+of\s+(?:the\s+)?)?$|"
                         # "the Supreme Commander-in-Chief of the Armed Forces of the Russian Federation": a party
                         r"\b(?:armed\s+forces|government|ministry\s+of\s+(?:defen[cs]e|foreign\s+affairs)|"
                         r"commander-in-chief|president|embassy|consulate)\s+of\s+(?:the\s+)?$",
                         re.IGNORECASE)
# "Scott C. Dayton, 42, of Woodbridge, Virginia": where a man comes from, town and state
_HOMETOWN_BEFORE = re.compile(r"(?-i:[A-Z])[\w.'’-]+(?:,\s*\d{1,3})?,\s+of\s+(?:(?-i:[A-Z])[\w.'’-]+\s+){0,3}?"
                              r"(?:(?-i:[A-Z])[\w.'’-]+,\s+)?$", re.IGNORECASE)
_REGION_CUE = re.compile(r"(?:northern|southern|eastern|western|central|north-?eastern|north-?western|"
                         r"south-?eastern|south-?western|rural|countryside of|desert of|"
                         r"\b(?:north|south|east|west)(?:-?(?:east|west))?)\s+$", re.IGNORECASE)
_DISTRICT_AFTER = re.compile(r"^\s*(?:district|province|governorate|region|countryside|area|sub-?district|"
                             r"nahiya|qadha|desert|plain|outskirts)\b", re.IGNORECASE)
# "a stampede at Soleimani's funeral": a person's name (which may fold like a city's), not a place
_PERSON_AFTER = re.compile(r"['’]s\s+(?:funeral|killing|assassination|death|body|burial|grave|widow|son|daughter|wife|"
                           r"brother|successor|deputy|aide|bodyguards?|motorcade|portrait|legacy)\b", re.IGNORECASE)
_PERSON_BEFORE = re.compile(r"\b(?:secretary|minister|spokesman|spokeswoman|president|gen\.?|general|lt\.?|sgt\.?|"
                            r"capt\.?|col\.?|maj\.?|det\.?|officer|"
                            r"commander|mr\.?|ms\.?|mrs\.?|dr\.?|sheikh|leader|lloyd|ned|john|joe|"
                            r"named|called|chief|(?:killing|assassination|death|funeral|murder)\s+of)"
                            r"\s+(?:(?-i:[A-Z])[\w'’-]+\s+)?$", re.IGNORECASE)
# "at the hands of Assad", "the Assad regime": the ruler (whose name folds to the base's "Al Asad")
_RULER_CONTEXT = re.compile(r"(?:\b(?:hands of|bashar|under|ousted|toppled|overthrow of)\s+(?:al-)?$)", re.I)
_RULER_AFTER = re.compile(r"^(?:['’]s)?\s+(?:regime|government|family|loyalists|dynasty|dictatorship|rule)\b", re.I)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|on|near|outside|into|around|of|town of|city of|village of|"
                              r"district of|area of)\s+(?:the\s+)?$", re.IGNORECASE)
_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:al-|el-|ul-|al |of |the )?[A-Z][\w'’-]+){1,5}")
_UNREGISTERED = re.compile(
    r"(?:calling itself|calls itself|called|named|known as|dubbed|under the name(?: of)?)\s+"
    r"[\"“‘']?(?P<name>(?:al-|Al-|el-)?[A-Z][\w'’-]*(?:\s+(?:al-|el-|of|the|and|bin|ibn|al|al-)?[A-Z]?[\w'’-]+){0,5})"
    r"[\"”’']?"
)

_GROUP_NOUN_BEFORE = re.compile(r"\b(?:group|groups|faction|factions|militia|militias|organi[sz]ation|movement|"
                                r"brigades?|battalions?|front|cells?|outfit|coalition|umbrella|alliance|network|army|force|"
                                r"forces|company|squad|resistance|gangs?|tribe|clan|party)\b[^.;,]{0,30}$", re.I)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside [start, end) of ``text``; abbreviation- and initial-aware."""
    spans: list[tuple[int, int]] = []
    seg_start = start
    chunk = text[start:end]
    for m in _BOUNDARY.finditer(chunk):
        before = chunk[: m.start()].rsplit(None, 1)[-1] if chunk[: m.start()].strip() else ""
        word = before.lower().rstrip(".").lstrip("(\"“")
        if word in _ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        spans.append((seg_start, start + m.end()))
        seg_start = start + m.end()
    if seg_start < end:
        spans.append((seg_start, end))
    return [(s, e) for s, e in ((s, _rstrip(text, s, e)) for s, e in spans) if e > s]


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1].isspace():
        e -= 1
    return e


_PARTY_AFTER = re.compile(r"^(?:['’]s?)?\s+(?:(?:strongly|firmly|also|again|today|deeply)\s+)?"
                          r"(?:condemn|denounc|sa(?:y|id)|"
                          r"stat|announc|warn|call|urg|reject|welcom|support|stand|stood|will|has|have|does|did|"
                          r"express|remain|is\s+(?:deeply|gravely|concerned|alarmed|appalled|saddened|distressed))\w*\b|"
                          r"^\s+to\s+(?:ensure|stop|end|halt|cease|investigate|allow|comply|respect|protect|refrain)\b|"
                          r"^(?:['’]s?)?\s+(?:and\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){1,3})?(?:(?:armed|military|security|special|coalition|government|naval|air)\s+)?"
                          r"(?:forces?|military|troops|personnel|service ?members?|soldiers|army|navy|air force|"
                          r"marines|government|officials?|contractors?|citizens|nationals|embassy|president|"
                          r"administration|diplomats?|(?:(?:defen[cs]e|foreign|interior|prime)\s+)?ministers?|"
                          r"ministry|ministries|spokes(?:man|woman|person))\b", re.IGNORECASE)
_BORDER_AFTER = re.compile(r"^(?:['’]s)?\s*(?:-\s*\w+\s+)?(?:borders?|frontiers?|side of the border)\b", re.IGNORECASE)


_CLOCK_AFTER = re.compile(r"^\s+(?:local\s+)?(?:time|standard time|summer time)\b", re.I)


# "Sana’a, 12 August 2019 – On 11 August, strikes hit ... Hajjah": where the statement was issued
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]{1,15}(?:\s+[A-Z][\w.]{1,15}){0,2})?"
                             r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|"
                             r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?\s*(?:\([A-Z][\w .-]{1,20}\)\s*)?"
                             r"(?:—|–|--?)")

_DATELINE_CITY = re.compile(r"\s*[A-Z][A-Za-z.'’ -]{1,30},\s*")
_GOVERNMENT_VERB_AFTER = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:said|says|blamed|blames|accused|accuses|"
                                    r"denied|denies|condemned|condemns|warned|warns|urged|urges|summoned|summons|"
                                    r"rejected|rejects|demanded|demands|vowed|vows|insisted|insists|responded|"
                                    r"retaliated|threatened|threatens|announced|announces|called on)\b")
_SHIP_BEFORE = re.compile(r"\b(?:M/[VT]|MV|MT|M\.V\.|USS|USNS|HMS|HMCS|FS|INS|SS)\s+(?:[A-Z][\w-]*\s+){0,2}$")


def _place_cue(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 60) : start]
    after = text[end : end + 20]
    line_start = text.rfind("\n", 0, start) + 1
    opening = text[line_start:start]
    if (not opening.strip() or _DATELINE_CITY.fullmatch(opening)) and _DATELINE_AFTER.match(text, end):
        return "dateline"  # "KABUL, Afghanistan — ...": the city and its country are where it was told from
    if _GOVERNMENT_VERB_AFTER.match(text, end) and not re.search(r"\b(?:in|at|near|from|of|to)\s+(?:the\s+)?$",
                                                                 before, re.I):
        return "patron"  # "Baghdad blamed Turkey for the attack": the government that speaks, not a place
    if _PATRON_CUE.search(before) or _HOMETOWN_BEFORE.search(before) or _CLOCK_AFTER.match(after):
        # "backed by Iran"; "Scott C. Dayton, 42, of Woodbridge, Virginia": where he came from; "6:30 p.m.
        # (Baghdad time)": a clock, not a place
        return "patron"
    ref = _REFERENCE_CUE.search(before)
    if ref and re.search(r"\b(?:in|at|near|inside|outside|around)\s+(?:the\s+)?$", before[ref.start() :], re.I) \
            and re.match(r"from\b", ref.group(0), re.I):
        ref = None  # "a militant from ISIS in Al Mayadin": the place is where he was, not where he came from
    if _AIMED_CUE.search(before) or _TRIBE_AFTER.match(after) or _supporters_before().search(
            text[max(0, start - 160) : start]):
        return "patron"  # where the weapon was meant to go: no place of the event at all
    if ref or _BORDER_AFTER.match(after):
        return "reference"  # "south of Baghdad", "backed by Iran", "the Iran border"
    if _DISTRICT_AFTER.match(after):
        return "district"
    if _REGION_CUE.search(before):
        return "region"
    if _NEAR_CUES.search(before):
        return "near"
    return "at"


def _plausible_geonames(entry: gaz_kb.PlaceEntry, before: str, countries: tuple[str, ...]) -> bool:
    """GeoNames names are often also words or surnames ("Central", "Price", "Austin"): accept one
    only right after locative wording, and outside the countries the text is about only if large."""
    if not _LOCATIVE_BEFORE.search(before):
        return False
    return entry.country in countries or entry.population >= 500_000


_OWNER = re.compile(r"(?P<name>[A-Z][\w.]+(?: [A-Z][\w]+)?)(?:['’]s)?\s+$")


_NAME_HEAD_BEFORE = re.compile(r"\b(?P<word>[A-Z][\w'’]+)[ -](?P<art>(?:al|el|ad|ar|as|an|at|az|ash|adh)-)?$")
_NOT_NAME_HEADS = {"in", "near", "at", "the", "of", "on", "from", "to", "outside", "around", "and", "by", "north",
                   "south", "east", "west", "central", "northern", "southern", "eastern", "western", "city", "town",
                   "village", "province", "governorate", "district", "area", "region", "neighborhood", "neighbourhood",
                   "camp"}


_ADDRESS_JOIN = re.compile(r"^(?:\s+(?:area|village|town|neighbou?rhood|district|quarter|sub-?district|city))?"
                           r"\s*(?:,|\bin|\bof)\s*(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)

_COUNTRY_JOIN = re.compile(r"^\s+in\s+(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|"
                           r"north-?east|north-?west|south-?east|south-?west|north-?eastern|north-?western|"
                           r"south-?eastern|south-?western)\s+$", re.IGNORECASE)


def _address_of(text: str, end: int, nxt: tuple[int, int, list[gaz_kb.PlaceEntry]] | None) -> gaz_kb.PlaceEntry | None:
    """The province or city a place is said to lie in, named right after it ("Rashid, Diyala")."""
    if nxt is None:
        return None
    area = nxt[2][0]
    if area.kind == "country" and _COUNTRY_JOIN.match(text[end : nxt[0]]):
        return area  # "a site at Bani in northwest Yemen": not the Baneh of Iran
    if not _ADDRESS_JOIN.match(text[end : nxt[0]]):
        return None
    if area.kind in ("admin1", "country") and (area.curated or area.kind == "country"):
        return area
    province = next((e for e in nxt[2] if e.kind == "admin1" and e.curated), None)
    if province is not None and _PROVINCE_AFTER.match(text[nxt[1] :]):
        return province  # "Rabiah town in Hama countryside": the province, not the city of Hama
    part = re.match(r"^\s+(?:area|neighbou?rhood|district|quarter)\b", text[end : nxt[0]], re.IGNORECASE)
    if area.kind == "city" and area.curated and (part or re.match(r"^\s+city\b", text[nxt[1] :])):
        return area  # "Baladiyat neighborhood, Mosul", "Qasim area, Hillah city"
    return None


def _lies_in(entry: gaz_kb.PlaceEntry, area: gaz_kb.PlaceEntry) -> bool:
    g = gaz_kb.load()
    if entry.country != area.country:
        return False
    if area.kind == "country":
        return True
    if area.kind == "admin1":
        return gaz_kb.name_key(g.admin1_of(entry) or "") == gaz_kb.name_key(area.name)
    return gaz_kb.haversine_km(entry.lat, entry.lon, area.lat, area.lon) <= 30  # a city's quarters


_CAPITAL_WORD_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?-i:[A-Z])[a-z]{2,}\s+$")
_LOCAL_KIND_AFTER = re.compile(r"^\s+(?:neighbou?rhoods?|quarters?|villages?|towns?|hamlets?)\b", re.IGNORECASE)
_PROVINCE_AFTER = re.compile(r"^\s+(?:governorate|province|countryside)\b", re.IGNORECASE)
# "in Diwaniyah and Babil provinces": the plural covers every name of the list
_PROVINCES_AFTER = re.compile(r"^(?:,\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)*,?\s+and\s+"
                              r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:provinces|governorates)\b",
                              re.IGNORECASE)
# "the arrivals hall of Abha International Airport": a town's name is the name of its airport
_AIRPORT_AFTER = re.compile(r"^\s+(?:(?:International|Regional|Domestic)\s+)?(?:Airport|Air\s+Base|Airbase|Airfield)\b")
_NAMED_FACILITY_AFTER = re.compile(r"^\s+(?=(?-i:[A-Z]))(?:market|street|road|hospital|mosque|school|university|hotel|"
                                   r"square|bridge|stadium|restaurant|cafe|company|bank|club)\b", re.IGNORECASE)
_LONGER_NAME_AFTER = re.compile(r"^[ -](?:al|el|ad|ar|as|an|at|az)-(?-i:[A-Z])[\w'’]+\s+"
                                r"(?:area|district|neighbou?rhood|village|quarter)\b", re.IGNORECASE)
_NISBA_AFTER = re.compile(r"^[ -](?:al|el)-(?-i:[A-Z])[a-z]+i\b(?![ -](?:district|area|village|neighbou?rhood|town))",
                          re.IGNORECASE)
_NAME_GOES_ON = re.compile(r"^[ -](?:(?:al|el|az|as|ad|ar|an|at|ash)[- ])?(?-i:[A-Z])[a-z]")


def _owner_country(before: str) -> str | None:
    """The country a place name is said to belong to by the word before it."""
    m = _OWNER.search(before)
    if not m:
        return None
    word = m.group("name")
    country = vocabulary.load().demonyms.get(word.casefold())
    if country:
        return country
    nations = [e.country for e in gaz_kb.load().lookup(word) if e.kind == "country"]
    return nations[0] if nations else None


_SAID_AFTER = re.compile(r"\s+(?:said|says|told|added|explained|noted|stated)\b")
_KIND_WORD = re.compile(r"\b(?:Airport|Air|Base|Airbase|Province|Governorate|District|Region|Regional|Operations?|"
                        r"Command|Council|Street|Road|Highway|Dam|University|Hospital|Mosque|Camp|Field|Bridge|"
                        r"Square|Forces?|Army|Brigades?|Division|Crossing|Gate|Market|Mountains?|Valley|Lake|River|"
                        r"Sea|Gulf|Government|Ministry|Port|Plain|Desert|City|Town|Village|Island|Refinery|Station)\b")


_NOT_IN_NAMES = frozenset({"near", "in", "at", "on", "from", "to", "the", "of", "north", "south", "east", "west",
                           "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater",
                           "old", "new", "and"})


def _personal_names(text: str) -> list[tuple[int, int]]:
    """Runs of four or more capitalised words that name no kind of place: a person's full name ("Jabbar
    Salman Ali Farhan al-Issawi"), not the town it contains."""
    out = []
    for run in _NAME_RUN.finditer(text):
        words = run.group(0).split()
        if len(words) >= 4 and not _KIND_WORD.search(run.group(0)) and not any(
                w.casefold() in _NOT_IN_NAMES for w in words):
            out.append((run.start(), run.end()))
    return out


def find_places(text: str, tokens: list[Token], offset: int, countries: tuple[str, ...],
                taken: list[tuple[int, int]], settled: dict[str, int] | None = None) -> list[PlaceMention]:
    """Place mentions of one sentence. ``settled``: what each name meant where the document first
    named it; a name keeps that meaning later ("Iraq's Kurdistan region ... leaders in the Kurdistan
    region") unless the new sentence says otherwise. It is updated with this sentence's choices."""
    g = gaz_kb.load()
    settled = {} if settled is None else settled
    found: list[tuple[int, int, list[gaz_kb.PlaceEntry]]] = []  # (start, end, ranked candidates)
    keys: dict[int, str] = {}
    person_names = _personal_names(text)
    for m in scan(tokens, g.index):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        before = text[max(0, m.start - 30) : m.start]
        if _PERSON_BEFORE.search(before) or _RULER_CONTEXT.search(before) or _RULER_AFTER.match(
                text[m.end : m.end + 20]) or _PERSON_AFTER.match(
                text, m.end - 2 if text[m.end - 2 : m.end] in ("'s", "’s") else m.end):
            continue
        if _SAID_AFTER.match(text, m.end) and all(e.kind in ("village", "town", "neighbourhood")
                                                 for e in g.candidates(m.key)):
            continue  # "..., Harris said": a man who speaks, however like the village of Haris
        if any(s < m.start and m.end <= e for s, e in person_names):
            continue  # "the terrorist Jabbar Salman Ali Farhan al-Issawi": a man's name, not the town Salman
        head = _NAME_HEAD_BEFORE.search(before)
        if head and head.group("word").casefold() not in _NOT_NAME_HEADS and (
                head.group("art") or re.match(r"(?:al|el|ad|ar|as|an|at|az)-", text[m.start : m.end], re.I)):
            continue  # "Tulul al-Baj": the tail of a longer name we do not know, not the town Baaj
        after = text[m.end : m.end + 25]
        if re.match(r"-[a-z]", after):
            continue  # "Beirut-registered", "Iran-backed": an adjective, not a location
        if _SHIP_BEFORE.search(before):
            continue  # "the M/V Gibraltar Eagle", "USS Carney": a ship's name, not where it was
        written = gaz_kb.plain_form(text[m.start : m.end])
        if written in vocabulary.load().toponym_heads and _NAME_GOES_ON.match(after):
            continue  # "the villages of Dahu and Tall al-Shayir": the head of a name we do not know, not al-Tall
        common = english.is_common_word(written)
        if len(written) <= gaz_kb.SHORT_NAME and written not in g.short_forms and common:
            continue  # a short word that only folds into a name ("Road" is not the island of Ruad)
        cands = g.candidates(m.key)
        if common and not any(
                g.spelled_as(e, text[m.start : m.end]) or gaz_kb.plain_form(e.name) == written for e in cands):
            continue  # "Tomahawk Land Attack Missiles": the word attack, which only folds like Ataq
        nations = [e for e in cands if e.kind == "country"]
        ranked = nations or g.rank(cands, countries)  # a country's name means the country
        owner = _owner_country(before)
        if owner and not nations:  # "Iraq's Kurdistan region", "Syrian Kurdistan": that country's place
            ranked = [e for e in ranked if e.country == owner] + [e for e in ranked if e.country != owner]
        elif m.key in settled and len(ranked) > 1:
            ranked = sorted(ranked, key=lambda e: e.id != settled[m.key])
        if not ranked:
            continue
        end = m.end
        facility = _FACILITY_AFTER.match(after)
        if facility and ranked[0].kind != "site":
            site = _site_named(m.key, ranked[0].country, facility.group(0))  # "Harir airport" = Harir Air Base
            if site is not None:
                ranked, end = [site], m.end + facility.end()
        ranked = [e for e in ranked if e.curated or e.kind == "country" or _plausible_geonames(e, before, countries)
                  or (e.kind in ("city", "town") and _AIRPORT_AFTER.match(after))]
        if countries:
            # "targets at Bani" in a statement on Yemen: a place of a country the text never names must be
            # written as that place is spelled ("Baneh"), not merely fold like it
            ranked = [e for e in ranked if e.kind == "country" or e.country in countries or not e.curated
                      or g.spelled_as(e, text[m.start : m.end])]
        if re.search(r"\b(?:village|town|city)\s+of\s+(?:the\s+)?$", before, re.I) or _LOCAL_KIND_AFTER.match(after):
            # "the village of Qibar" is a village, not the Al-Kibar reactor site
            ranked = [e for e in ranked if e.kind not in ("site", "feature", "road")] or ranked[:0]
        if ranked and not any(e.curated or e.kind == "country" for e in ranked) and _NAME_GOES_ON.match(after) and \
                not _AIRPORT_AFTER.match(after):
            continue  # "Near Dayr Az Zayr": the head of a longer name, not the GeoNames town "Dyer"
        if ranked and _NISBA_AFTER.match(after) and ranked[0].kind not in ("country", "admin1"):
            continue  # "a senior ISIS official, Hamza al-Homsi": a man's name and his nisba, not the town of Hamza
        if ranked and _LONGER_NAME_AFTER.match(after) and ranked[0].kind not in ("country", "admin1"):
            continue  # "Hay al-Dubat area": the head of a longer name we do not know, not the town of Hay
        if ranked:
            found.append((m.start, end, ranked))
            keys[m.start] = m.key
    for fs, fe, franked in _fuzzy_places(text, tokens, taken, [(f[0], f[1]) for f in found], countries):
        inner = [f for f in found if fs <= f[0] and f[1] <= fe]
        if any(f[0] < fe and fs < f[1] for f in found if f not in inner):
            continue
        if inner and all(f[1] - f[0] == fe - fs for f in inner):
            continue  # the exact name was found as written
        # "Baghdad - Sabia Qusor": a near spelling of a whole name beats an exact match of its tail
        found = [f for f in found if f not in inner] + [(fs, fe, franked)]
    found.sort(key=lambda f: f[0])
    # names resolve in the light of the areas named beside them: "Rabiah town in Hama countryside"
    # ("al-Sharqiya neighbourhoods" is no province, nor "..., Hulusi Akar said" a speaking Akkar)
    areas = {(e.name, e.country) for _, fe, r in found for e in r[:1] if e.kind == "admin1" and len(r) == 1
             and not _LOCAL_KIND_AFTER.match(text[fe:]) and not _SAID_AFTER.match(text, fe)}
    # "Arbil governorate", "Hama countryside": the province, even where a city has the same name
    areas |= {(e.name, e.country) for _, fe, r in found for e in r[:3] if e.kind == "admin1" and e.curated
              and _PROVINCE_AFTER.match(text[fe : fe + 20])}
    area_countries = {c for _, c in areas}
    out: list[PlaceMention] = []
    stated = {r[0].country for _, _, r in found if r[0].kind in ("country", "admin1")}
    for i, (start, end, ranked) in enumerate(found):
        if stated and _NAMED_FACILITY_AFTER.match(text[end : end + 25]):
            # "the Riyadh Market in Jisr Diyala, Iraq": a market named after a city; "Mosul University" is
            # still in Mosul
            ranked = [e for e in ranked if e.curated and e.country in stated]
            if not ranked:
                continue
        best = ranked[0]
        if len(ranked) > 1 or area_countries:
            in_area = [e for e in ranked if (g.admin1_of(e), e.country) in areas and e.kind != "admin1"]
            in_country = [e for e in ranked if e.country in area_countries]
            best = (in_area or in_country or ranked)[0]
            if area_countries and best.country not in area_countries and best.kind not in ("country", "admin1"):
                continue  # no place of that name in the country the sentence is about
        province = next((e for e in ranked if e.kind == "admin1" and e.country == best.country), None)
        listed_provinces = bool(_PROVINCES_AFTER.match(text[end : end + 60]))
        if province is None and listed_provinces:  # "Diwaniyah" names its province as "Diwaniyah province"
            province = next((e for e in g.lookup(text[start:end] + " province") if e.kind == "admin1"), None)
        if province is not None and (_PROVINCE_AFTER.match(text[end : end + 20]) or listed_provinces):
            best = province  # "in Dayr az Zawr Province": the province, not its capital city
        address = _address_of(text, end, found[i + 1] if i + 1 < len(found) else None)
        if address is None and i > 0 and re.fullmatch(r"['’]s\s+", text[found[i - 1][1] : start]) and \
                found[i - 1][2][0].kind in ("city", "admin1") and found[i - 1][2][0].curated:
            address = found[i - 1][2][0]  # "Mosul's Rashidiya neighborhood": the Rashidiya of Mosul
        if address is not None and best.kind not in ("country", "admin1") and not _lies_in(best, address):
            inside = [e for e in ranked if _lies_in(e, address)]
            if inside:
                best = inside[0]  # "Rabiah town in Hama countryside": the Rabiah of Hama
            elif best.kind == "neighbourhood" or (address.kind == "city" and re.match(
                    r"\s+(?:neighbou?rhoods?|quarters?)\b", text[end:], re.I)) or (
                    start not in keys and address.kind == "city") or best.country != address.country:
                # "Baladiyat neighborhood, Mosul": not the Baladiyat of Baghdad; a near spelling ("Shurta
                # neighborhood of Mosul" ~ Shura) outside the place it is said to be in is another name
                continue
        span = Span(offset + start, offset + end, text[start:end])
        cue = _place_cue(text, start, end)
        if best.kind == "country" and _PARTY_AFTER.match(text[end : end + 40]):
            cue = "patron"  # "United States forces", "Iraq's government": a party to the story, not its place
        out.append(PlaceMention(span, best.id, cue))  # type: ignore[arg-type]
        if start in keys and len(ranked) > 1:
            settled.setdefault(keys[start], best.id)
    # a foreign GeoNames name next to named places of the theatre is a word or a person, not a place
    theatre = {g.entries[p.place_id].country for p in out if g.entries[p.place_id].curated and p.cue != "patron"}
    if theatre:
        out = [p for p in out if g.entries[p.place_id].curated or g.entries[p.place_id].kind == "country"
               or g.entries[p.place_id].country in theatre]
    # the tail or head of a longer name ("Derya Sor villages ... of Erbil" is not Tyre, "Tall Ahmad, near
    # Bashir, Kirkuk" is not Syria's al-Tall) or a local name
    # ("al-Sharqiya neighbourhoods in Mosul" is not Saudi Arabia's Eastern Province) is not a place
    # abroad when the sentence places itself elsewhere
    # (a party or speaker, "..., Hulusi Akar said", does not place the sentence)
    others = [p for p in out if g.entries[p.place_id].kind != "country" and p.cue != "patron"]
    kept = []
    for p in out:
        e = g.entries[p.place_id]
        home = {g.entries[q.place_id].country for q in others if q is not p}
        local = p.span.start - offset
        if e.kind != "country" and home and e.country not in home and (
                _CAPITAL_WORD_BEFORE.search(text[max(0, local - 25) : local])
                or _NAME_GOES_ON.match(text[p.span.end - offset :])
                or (e.kind in ("admin1", "site", "feature") and _LOCAL_KIND_AFTER.match(text[p.span.end - offset :]))
                # "between the villages of Dweir and Kashma in the countryside of Deir ez Zor": a namesake
                # abroad of a village whose own province the sentence names after it
                or any(g.entries[q.place_id].kind in ("admin1", "admin2", "city") and q.span.start > p.span.start
                       and g.entries[q.place_id].country != e.country and _ADDRESS_INTRO.search(
                           text[max(0, q.span.start - offset - 40) : q.span.start - offset]) for q in others)):
            continue
        kept.append(p)
    return kept


_ADDRESS_INTRO = re.compile(r"\b(?:in|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


# locative words, or a city and a dash, as coders write a quarter ("in Baghdad - Sadr City")
_FUZZY_CUE = re.compile(r"\b(?:in|near|at|of|outside|around|town of|village of|city of|area of)\s+(?:the\s+)?$"
                        r"|\b(?-i:[A-Z])[\w'’-]+\s+-\s+$", re.IGNORECASE)
# (a capitalised locative opening the sentence is no part of the name: "Near Dayr Az Zayr, one strike")
_CAP_RUN = re.compile(r"(?!(?:Near|In|At|Around|Outside|Inside|On|The)\b)"
                      r"(?:(?:[Aa]l|[Ee]l|[Aa]s|[Aa]d|[Aa]r)-)?[A-Z][\w'’]+(?:[ -](?:(?:al|el)-)?[A-Z][\w'’]+){0,2}")


def _fuzzy_places(text: str, tokens: list[Token], taken: list[tuple[int, int]],
                  exact: Sequence[tuple[int, int]] = (), countries: tuple[str, ...] = ()
                  ) -> list[tuple[int, int, list[gaz_kb.PlaceEntry]]]:
    """Unseen spellings of curated places after locative words ("in the town of Al-Malikeyyeh")."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    g = gaz_kb.load()
    keys = g.curated_keys()
    out: list[tuple[int, int, list[gaz_kb.PlaceEntry]]] = []
    for m in _CAP_RUN.finditer(text):
        written, end = m.group(0), m.end()
        if _PERSON_AFTER.match(text, end) or _PERSON_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "Soleimani's funeral", "the killing of Soleimani": a man, however like Sulaymaniyah
        title = _FACILITY_TAIL.search(written)
        if title:  # "Kwaires Military Airbase": the name, then what kind of site it is
            written, end = written[: title.start()], m.start() + title.start()
        if any(s <= m.start() and end <= e for s, e in exact):
            continue  # found as written
        if any(m.start() < e and s < end for s, e in taken) or not written or not (
                _FUZZY_CUE.search(text[: m.start()]) or _FACILITY_AFTER.match(text[end:])):
            continue
        key = gaz_kb.name_key(written)
        if len(key) < 6:
            continue
        hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=88)
        one_off = None if hit or len(key) < 7 else process.extractOne(
            key, keys, scorer=Levenshtein.distance, score_cutoff=1)  # "Dayr Az Zayr" for Dayr Az Zawr
        if one_off and one_off[0][0] == key[0] and any(
                e.curated and e.country in countries[:1] for e in g.candidates(one_off[0])):
            hit = one_off  # (a place of the country the text is about: "Sergele" in Duhok is no Serjilla)
        elif hit and (hit[0][0] != key[0] or _last_word_differs(written, hit[0])):
            continue  # spellings vary inside a name, not in its first letter ("Jazair" is not "Uzair"), and
            # a shared "Abu"/"Tal" does not make "Abu Khater" "Abu Sukhair"
        if hit:
            cands = [e for e in g.candidates(hit[0]) if e.curated]
            if cands:
                out.append((m.start(), end, g.rank(cands, ())))
    return out


def _last_word_differs(written: str, key: str) -> bool:
    from rapidfuzz import fuzz

    last = gaz_kb.name_key(re.split(r"[\s-]+", written.strip())[-1])
    return len(written.split()) > 1 and fuzz.partial_ratio(last, key) < 80


_FACILITY_TAIL = re.compile(r"(?:\s+(?:International|Military|Air|Airbase|Airport|Airfield|Base|Camp|Garrison))+$")
_FACILITY_AFTER = re.compile(r"^\s+(?:international\s+|military\s+)?(?:air\s?base|airport|airfield|air\s+field|"
                             r"military\s+base|"
                             r"base|camp|garrison|dam|refinery|oil\s+field|gas\s+field|field|crossing|border\s+crossing)"
                             r"\b", re.IGNORECASE)


# What a facility word may be called in a site's name: "airport" is also an "air base" or "airfield".
_FACILITY_KINDS = {
    "airport": ("airpurt", "airbas", "airfild"), "air": ("airbas", "airpurt", "airfild"),
    "airbase": ("airbas", "airpurt", "airfild"), "airfield": ("airfild", "airbas", "airpurt"),
    "military": ("bas", "camp", "garisun"), "base": ("bas", "camp", "garisun"), "camp": ("camp", "bas"),
    "garrison": ("garisun", "bas"), "dam": ("dam",), "refinery": ("rifinir",), "oil": ("fild",), "gas": ("fild",),
    "field": ("fild",), "crossing": ("crusing", "bordir"), "border": ("crusing", "bordir"),
}


def _site_named(key: str, country: str, facility: str) -> gaz_kb.PlaceEntry | None:
    """The site called after a place and of the kind the text names ("Mosul dam" -> Mosul Dam)."""
    words = facility.lower().split()
    word = words[1] if words[0] == "international" and len(words) > 1 else words[0]
    fragments = _FACILITY_KINDS.get(word, ())
    g = gaz_kb.load()
    for e in g.curated_in(country):
        if e.kind != "site":
            continue
        k = gaz_kb.name_key(e.name)
        if k.startswith(key) and any(f in k[len(key):] for f in fragments):
            return e
    return None


_NOT_STATE = (r"(?:opposition|rebel|insurgent|militia|tribal|resistance|jihadi|islamist|anti-|dissident|armed group|"
              r"terrorist|condemn)")


_NATIONS: dict[str, str] | None = None


def _nations() -> dict[str, str]:
    """Words that name a state's people or the state itself, folded, to the country: "turkish",
    "turkey", "türkiye", "syrian arab republic"."""
    global _NATIONS
    if _NATIONS is None:
        v = vocabulary.load()
        words = dict(v.demonyms)
        for country in set(v.demonyms.values()):
            for name in (country, *gaz_kb.official_names(country)):
                words.setdefault(name.casefold(), country)
                words.setdefault(fold(name), country)
        _NATIONS = words
    return _NATIONS


def _force_pattern() -> re.Pattern[str]:
    v = vocabulary.load()
    # "Turkish forces", "Turkey's armed forces", "Türkiye's army"
    # a country's own name only in the possessive: "Syrian Arab Republic launched missile attacks" is not
    # "Syrian attacks"
    dem = sorted((re.escape(d).replace("'", "['’]") + (r"['’]s" if d not in v.demonyms else "")
                  for d in _nations()), key=len, reverse=True)
    nouns = sorted((re.escape(n) for n in (*v.military_nouns, *v.police_nouns)), key=len, reverse=True)
    return re.compile(
        # "Syrian opposition forces", "Iraqi tribal fighters" are not the state's
        rf"(?<![\w-])(?P<dem>{'|'.join(dem)})(?:-led)?\s+(?:(?!{_NOT_STATE})[\w-]+\s+){{0,2}}?"
        rf"(?P<noun>{'|'.join(nouns)})(?![\w-])",
        re.IGNORECASE,
    )


_FORCE: re.Pattern[str] | None = None
_STATE_SUBJECT: re.Pattern[str] | None = None
_STRIKE_VERBS = (r"(?:(?:has|have)\s+)?(?:struck|strikes|shelled|shells|bombed|bombs|bombarded|bombards|raided|"
                 r"attacked|attacks|targeted|targets|launched|launches|fired|fires|hit|hits|carried out|conducted|"
                 r"intercepted|shot down|recaptured|retook|retaken|liberated|regained|captured|seized|raised|"
                 r"retaliated)")

# "militants in western Iraq fired": a part of a country is a place, not the state as subject
_OBJECT_BEFORE = re.compile(r"\b(?:of|against|on|in|to|from)\s+(?:the\s+)?"
                            r"(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?$", re.I)


def _state_names() -> str:
    """A regex alternation of the names a state goes by in text: "Israel", "US", "U.S.", and its official
    names ("Türkiye", "the Syrian Arab Republic"), longest first."""
    v = vocabulary.load()
    names = {*v.demonyms.values(), *(d.upper() for d in v.demonyms if len(d.replace(".", "")) <= 3)}  # "US", "U.S."
    names |= {n for country in set(v.demonyms.values()) for n in gaz_kb.official_names(country)}
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


def _nation_of(word: str) -> str | None:
    """The country a state's name or a people's word names ("United Kingdom", "Türkiye", "Syrian")."""
    return word if word in vocabulary.load().demonyms.values() else _nations().get(word.casefold())


def _state_subject_pattern() -> re.Pattern[str]:
    """A country's name (or short form) as the subject of a strike verb, or accused of one."""
    v = vocabulary.load()
    alt = _state_names()
    dem = "|".join(sorted((re.escape(d.capitalize()) for d in v.demonyms if d.isalpha()), key=len, reverse=True))
    # "Israel struck", "the Syrian government bombed", "the Government of Iraq shelled"
    # "the UK, alongside the US, struck": the ally in the aside is a second party
    return re.compile(rf"(?<![\w.-])(?P<state>{alt}|(?:{dem})\s+(?:government|regime)|[Gg]overnment\s+of\s+(?:{alt}))"
                      rf"(?:,\s+(?:alongside|along\s+with|together\s+with|with\s+support\s+from|supported\s+by|"
                      rf"joined\s+by|in\s+coordination\s+with)\s+(?P<partner>[^,;.]{{3,80}}),)?"
                      rf"\s+(?:also\s+|reportedly\s+|then\s+)?{_STRIKE_VERBS}\b"
                      rf"|\baccus(?:ed|es|ing)\s+(?P<accused>{alt})\s+of\s+\w+ing\b")


def _state_list_pattern() -> re.Pattern[str]:
    """"the United States, France, and the United Kingdom carried out missile strikes": every state listed
    before the strike verb is a party to it, none of them its place."""
    one = rf"(?:the\s+)?(?:{_state_names()})"
    return re.compile(rf"(?<![\w.-])(?P<list>{one}(?:\s*,\s*{one})*\s*,?\s+and\s+{one})"
                      rf"\s+(?:also\s+|jointly\s+|together\s+)?{_STRIKE_VERBS}\b")


_STATE_LIST: re.Pattern[str] | None = None
_LOCAL_FORCE = re.compile(
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?P<noun>police|counter[- ]narcotics|security forces|"
    r"operations command|police command|army|border guards)\b")


def _forces_of(country: str, police: bool = False) -> str:
    """ACLED's name for a state's forces, as the registry spells it ("of the United Kingdom")."""
    kind = "Police Forces of " if police else "Military Forces of "
    reg = actor_kb.load()
    for name in (kind + "the " + country, kind + country):
        if reg.get(name) is not None:
            return name
    plural = country.startswith("United ") or country.endswith(("s", "Republic"))
    return kind + ("the " + country if plural else country)


def find_actors(text: str, tokens: list[Token], offset: int) -> list[ActorMention]:
    global _FORCE
    reg = actor_kb.load()
    v = vocabulary.load()
    out: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    for m in scan(tokens, reg.index, require_capital=False):
        window = text[m.start : m.end]
        if len(window) <= 3 and not window.isupper():
            continue  # short aliases are acronyms: "IS" and "KH", never "Is" or "kh"
        out.append(ActorMention(Span(offset + m.start, offset + m.end, window), reg.index[m.key]))
        taken.append((m.start, m.end))
    if _FORCE is None:
        _FORCE = _force_pattern()
    police = {n.casefold() for n in v.police_nouns}
    for m in _FORCE.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        country = _nations().get(re.sub(r"['’]s$", "", m.group("dem")).casefold().replace("’", "'"))
        if not country:
            continue
        name = _forces_of(country, police=m.group("noun").casefold() in police)
        if country == "United States" and "coalition" in text[m.start() : m.end() + 12].lower():
            name = "US-led coalition"
        out.append(ActorMention(Span(offset + m.start(), offset + m.end(), m.group(0)), name))
        taken.append((m.start(), m.end()))
    # forces named after their province or city: "Wassit police", "Diyala counter narcotics"
    for m in _LOCAL_FORCE.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        g = gaz_kb.load()
        curated = [e for e in g.lookup(m.group("place")) if e.curated]
        if not curated:
            continue
        country = curated[0].country
        name = _forces_of(country, police=m.group("noun").casefold() in police)
        out.append(ActorMention(Span(offset + m.start(), offset + m.end(), m.group(0)), name))
        taken.append((m.start(), m.end()))
    # a state named as the one that strikes: "Israel struck targets near Damascus", "accused Israel of bombarding"
    global _STATE_SUBJECT
    if _STATE_SUBJECT is None:
        _STATE_SUBJECT = _state_subject_pattern()
    for m in _STATE_SUBJECT.finditer(text):
        grp = "state" if m.group("state") else "accused"
        if any(m.start(grp) < e and s < m.end(grp) for s, e in taken):
            continue
        if grp == "state" and _OBJECT_BEFORE.search(text[max(0, m.start(grp) - 30) : m.start(grp)]):
            continue  # "in violation of the sovereignty of the Syrian Arab Republic launched": not its subject
        word = re.sub(r"^[Gg]overnment\s+of\s+|\s+(?:government|regime)$", "", m.group(grp))
        country = _nation_of(word)
        if country is None:
            continue
        name = _forces_of(country)
        out.append(ActorMention(Span(offset + m.start(grp), offset + m.end(grp), m.group(grp)), name))
        taken.append((m.start(grp), m.end(grp)))
        partner = m.group("partner") if grp == "state" else None
        if partner:  # "alongside the United States": a second party to the strike, not its place
            word = re.sub(r"^the\s+", "", partner.strip())
            ally = word if word in v.demonyms.values() else v.demonyms.get(word.casefold())
            if ally is not None:
                out.append(ActorMention(Span(offset + m.start("partner"), offset + m.end("partner"), partner),
                                        _forces_of(ally)))
                taken.append((m.start("partner"), m.end("partner")))
    global _STATE_LIST
    if _STATE_LIST is None:
        _STATE_LIST = _state_list_pattern()
    for m in _STATE_LIST.finditer(text):
        for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("list")):
            word = re.sub(r"^the\s+", "", part.strip())
            country = _nation_of(word)
            if not country:
                continue
            start = m.start("list") + m.group("list").find(word)
            end = start + len(word)
            if any(start < e and s < end for s, e in taken):
                continue
            out.append(ActorMention(Span(offset + start, offset + end, word), _forces_of(country)))
            taken.append((start, end))
    named_ends = {e for s, e in taken}
    found = [(m, template) for rx, template in v.descriptors.values() for m in rx.finditer(text)]
    # the longest description wins: "unknown tribal militants" is tribal, not just unknown
    for m, template in sorted(found, key=lambda x: (x[0].start() - x[0].end(), x[0].start())):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        if any(0 <= m.start() - e <= 2 for e in named_ends):
            continue  # "IS militants", "PKK fighters": the named group, described
        out.append(ActorMention(Span(offset + m.start(), offset + m.end(), m.group(0)), template))
        taken.append((m.start(), m.end()))
    # unseen spellings of registered groups ("Kataib Hizballah"): capitalised runs, fuzzy-matched
    for m in _NAME_RUN.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken) or len(m.group(0)) < 8:
            continue
        hit = reg.resolve(m.group(0))
        if hit is not None and hit[1].startswith("fuzzy"):
            out.append(ActorMention(Span(offset + m.start(), offset + m.end(), m.group(0)), hit[0]))
            taken.append((m.start(), m.end()))
    for m in _UNREGISTERED.finditer(text):
        name = m.group("name").strip(" '\"’”")
        if any(m.start("name") < e and s < m.end("name") for s, e in taken):
            continue
        if not m.group(0).startswith(("calling itself", "calls itself")) and not _GROUP_NOUN_BEFORE.search(
                text[max(0, m.start() - 60) : m.start()]):
            continue  # "a new drone called "Yafa"", "an operation dubbed ...": a name, but not a group's
        found = reg.resolve(name)
        s, e = offset + m.start("name"), offset + m.start("name") + len(name)
        out.append(ActorMention(Span(s, e, name), found[0] if found else name, registered=found is not None))
    out.sort(key=lambda a: a.span.start)
    return out


def find_triggers(text: str, offset: int) -> list[TriggerMention]:
    v = vocabulary.load()
    out: list[TriggerMention] = []
    for t in v.triggers:
        for m in t.regex.finditer(text):
            sub = t.sub_event_type or ""
            et = v.event_type_of.get(sub, "")
            out.append(TriggerMention(Span(offset + m.start(), offset + m.end(), m.group(0)), et, sub,
                                      None, t.priority))
    out.sort(key=lambda t: t.span.start)
    return out


# "Coalition precision strikes also targeted ...": a release's own capitalised name for it, with no article
_THE_COALITION = re.compile(r"\b(?:(?:the|a|its)\s+(?:international\s+)?coalition|(?-i:Coalition))\b(?![\w-])"
                            r"(?!\s+(?:government|cabinet|talks|partners|parties|bloc|list|agreement|deal)\b)",
                            re.IGNORECASE)


def _is_coalition(actor: str) -> bool:
    entry = actor_kb.load().get(actor)
    return entry is not None and entry.kind == "coalition"


_BARE_POLICE = re.compile(r"\b(?:[Pp]olice(?:\s+(?:forces|officers|patrols?|units?))?|[Pp]olicem[ae]n)\b")


def _unclaimed(pattern: re.Pattern[str], text: str, offset: int, found: list[ActorMention],
               actor: str) -> list[ActorMention]:
    """Mentions of ``actor`` where ``pattern`` matches outside every actor already found."""
    out = []
    for m in pattern.finditer(text):
        start, end = offset + m.start(), offset + m.end()
        if not any(a.span.start < end and start < a.span.end for a in found):
            out.append(ActorMention(Span(start, end, m.group(0)), actor))
    return out


def _home_police(text: str, offset: int, found: list[ActorMention], countries: tuple[str, ...]) -> list[ActorMention]:
    """"Police shot and injured the wanted man" in a report on one country: that country's police,
    who serve only at home."""
    if len(set(countries)) != 1:
        return []
    return _unclaimed(_BARE_POLICE, text, offset, found, _forces_of(countries[0], police=True))


def _coalition_anaphors(text: str, offset: int, found: list[ActorMention], named: list[str]) -> list[ActorMention]:
    """"a supply convoy of the coalition": the coalition the document named before."""
    return _unclaimed(_THE_COALITION, text, offset, found, named[-1]) if named else []


_DEMONYM_BORDER = re.compile(r"\b([A-Z][a-z]+)\s*[-–/]\s*([A-Z][a-z]+)\s+(?:border|frontier)s?\b")


def _demonym_country(m: re.Match[str], offset: int, found: list[PlaceMention], cue: str) -> PlaceMention | None:
    """The country a demonym in group 1 of ``m`` names, as a place mention with ``cue``, unless a place
    already found overlaps it."""
    country = vocabulary.load().demonyms.get(m.group(1).casefold())
    start, end = offset + m.start(1), offset + m.end(1)
    if not country or any(p.span.start < end and start < p.span.end for p in found):
        return None
    entry = gaz_kb.load().country_entry(country)
    return PlaceMention(Span(start, end, m.group(1)), entry.id, cue) if entry is not None else None  # type: ignore[arg-type]


def _demonym_borders(text: str, offset: int, found: list[PlaceMention]) -> list[PlaceMention]:
    """"near the Iraqi-Syrian border": the border of the first country, a reference as "the Iraq-Syria
    border" is."""
    demonyms = vocabulary.load().demonyms
    return [p for m in _DEMONYM_BORDER.finditer(text)
            if demonyms.get(m.group(2).casefold()) not in (None, demonyms.get(m.group(1).casefold()))
            and (p := _demonym_country(m, offset, found, "reference")) is not None]


# (not "airspace": "fired missiles from Lebanese airspace" at a target in Syria)
_DEMONYM_TERRITORY = re.compile(r"\b(?:in|inside|within|on)\s+(?:the\s+)?([A-Z][a-z]+)\s+(?:territory|"
                                r"territories|soil|territorial waters)\b")


def _demonym_territory(text: str, offset: int, found: list[PlaceMention]) -> list[PlaceMention]:
    """"in Syrian territory", "on Iraqi soil": the country itself (official statements' wording)."""
    return [p for m in _DEMONYM_TERRITORY.finditer(text) if (p := _demonym_country(m, offset, found, "at")) is not None]


def _is_place_name(name: str) -> bool:
    return bool(gaz_kb.load().candidates(gaz_kb.name_key(name)))


def analyse(article: Article) -> AnalysedArticle:
    text = article.text
    g = gaz_kb.load()
    # countries the article is about, in order of first mention: they break ties between places
    countries: list[str] = []
    for m in scan(tokenize(text), g.index):
        for e in g.candidates(m.key):
            if e.kind == "country" and e.country not in countries:
                countries.append(e.country)
    for dem, country in vocabulary.load().demonyms.items():
        # "Iranian-backed Houthis" says who stands behind them, not that anything happens in Iran
        if country not in countries and re.search(rf"(?<!\w){re.escape(dem)}(?![\w-])|(?<!\w){re.escape(dem)}-(?!"
                                                  rf"(?:backed|sponsored|aligned|supported|funded|allied|made|built|"
                                                  rf"supplied|designed|linked|affiliated)\b)", text, re.IGNORECASE):
            countries.append(country)
    # a province or city named without its country still says which country the text is about
    for m in scan(tokenize(text), g.index):
        homes = {e.country for e in g.candidates(m.key) if e.curated and e.kind in ("admin1", "city")}
        if len(homes) == 1 and (home := homes.pop()) not in countries:
            countries.append(home)
    ctx = tuple(countries)
    sentences: list[Sentence] = []
    settled: dict[str, int] = {}
    # coalitions named so far: "the coalition" later means the last of them; before any is named, the one
    # coalition that fights in the countries the article is about
    theatre_coalitions = actor_kb.load().coalitions_in(ctx)
    coalitions: list[str] = theatre_coalitions if len(theatre_coalitions) == 1 else []
    for p_idx, (ps, pe) in enumerate(article.paragraphs):
        for s, e in split_sentences(text, ps, pe):
            sent = text[s:e]
            toks = tokenize(sent)
            actors = find_actors(sent, toks, s)
            actors += _coalition_anaphors(sent, s, actors, coalitions)
            actors += _home_police(sent, s, actors, ctx)
            coalitions += [a.actor for a in actors if _is_coalition(a.actor)]
            dates = find_dates(sent, s, article.published)
            # names inside an actor or a date are not places ("June" is not Jounieh)
            taken = [(a.span.start - s, a.span.end - s) for a in actors if a.registered]
            taken += [(d.span.start - s, d.span.end - s) for d in dates]
            taken += outlet_kb.load().names_in(sent, _is_place_name)
            places = find_places(sent, toks, s, ctx, taken, settled)
            places += _demonym_borders(sent, s, places)
            places = sorted([*places, *_demonym_territory(sent, s, places)], key=lambda p: p.span.start)
            sentences.append(Sentence(
                start=s, end=e, text=sent, paragraph=p_idx, places=tuple(places), actors=tuple(actors),
                dates=tuple(dates), triggers=tuple(find_triggers(sent, s)),
            ))
    return AnalysedArticle(article, tuple(sentences))
