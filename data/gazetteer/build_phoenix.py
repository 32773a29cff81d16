"""Build the Phoenix part of the gazetteer from the PETRARCH2 / Phoenix actor dictionaries.

Sources (MIT licence, Open Event Data Alliance), read from ``../shared/reference/petrarch2``:

* ``Phoenix.Countries.actors.txt``: named people with dated CAMEO codes (CountryInfo, 2014);
* ``Phoenix.International.actors.txt``: IGOs, NGOs, multinational companies, IGO officials;
* ``Phoenix.MilNonState.actors.txt``: militarised non-state groups (START TOPS, 2013).

Outputs, in this folder: ``phoenix_people.jsonl`` (persons with dated ``roles``),
``phoenix_organizations.jsonl`` (IGOs, NGOs, companies) and ``phoenix_groups.jsonl``
(armed groups). Run from the repository root::

    python data/gazetteer/build_phoenix.py

What the build does, in order:

1. **Parse** each record (primary phrase, ``+`` synonyms, ``[CODE date]`` restrictions in file
   order). Country entries of the Countries file (``RUSSIAN_FEDERATION_ [RUS]`` with capitals
   and provinces as synonyms) and its national institutions are not imported.
2. **Codes** are read as 3-letter blocks: ``IGO…`` → kind IGO, sector IGO; ``NGO…`` →
   organization, sector NGO; ``MNC…`` → organization, sector BUS; ``IMG…`` and the MilNonState
   file → armed group (REB, or INS for ``IMG`` codes without REB); ``RUSGOV`` → country RUS,
   sector GOV. Region blocks (``SEA``, ``MEA``, ``WST``) give no country.
3. **Dates**: PETRARCH tries restrictions in file order and the first match wins (``<D``:
   before D; ``>D``: on or after D; ``D1-D2``: D1 ≤ date < D2; ``YYMMDD`` with YY 00–30 is
   20YY). The build evaluates that rule on every stretch between two boundary dates and
   writes the result as sorted, non-overlapping ``roles`` (``valid_to`` exclusive); the
   undated fallback (``[RUSELI]``) is the record's own country/sector and gets no role, and
   without one the record takes its latest role.
4. **Names** are title-cased with particles kept lower case (``BASHAR_AL-ASSAD`` → "Bashar
   al-Assad", ``OSAMA_BIN_LADEN`` → "Osama bin Laden"); an organisation's word of at most
   six letters is kept in capitals when the Indonesian news corpus writes it so at least
   twice and more often than capitalised (UNHCR, FIFA), or when it has no vowel (HSBC).
5. **Indonesian forms**: hyphen and space variants of particles ("al-Assad" / "al Assad",
   also "Bashar Assad") and of Korean given names ("Kim Jong-il" / "Kim Jong Il").
6. **Filters** (each prints what it removed): English titles and role phrases
   (``PRESIDENT_VLADIMIR_PUTIN``, ``INDIAN_UN_PEACEKEEPER``), Indonesian agent words,
   one-word aliases of fewer than 5 letters, one-word aliases that Indonesian news writes in
   lower case at least ``COMMON_MIN`` times and more often than capitalised (``total``,
   ``bersatu``), phrases made only of such words, one-word aliases found beside
   ``NEIGHBOURS_MAX`` or more different capitalised words in the corpus (given names such as
   "Hasan", brands such as "Honda"), and aliases claimed by two Phoenix
   entities. An entity whose name does not survive takes its first surviving alias of two or
   more words as its name, or is dropped.
7. **Curated records win**: an entity is dropped when its name or any alias (tokenized and
   folded as the gazetteer index does) is a name, alias or metonym of any other gazetteer
   file in this folder (people.jsonl, groups.jsonl, igos.jsonl, countries.jsonl, …).

All Phoenix records have ``fuzzy: false``: approximate matching against tens of thousands of
obscure names would merge different people. The output is deterministic (records sorted by
id, keys sorted) and depends on the other gazetteer files, so rebuild after editing them; a
test compares a fresh :func:`build` with the committed files.
"""

# no "from __future__ import annotations": the tests load this file without registering
# it in sys.modules, where dataclasses would look string annotations up

import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
PETRARCH = SHARED / "reference" / "petrarch2"
CORPUS = SHARED / "corpora" / "news-indosum"
SOURCES = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "milnonstate": "Phoenix.MilNonState.actors.txt",
}
AGENTS_TXT = "Phoenix.agents.txt"
OUTPUTS = {
    "person": HERE / "phoenix_people.jsonl",
    "organization": HERE / "phoenix_organizations.jsonl",
    "armed group": HERE / "phoenix_groups.jsonl",
}
ID_PREFIX = {"person": "PHX-P-", "organization": "PHX-O-", "armed group": "PHX-G-"}

MIN_LETTERS = 5
"""One-word aliases need at least this many letters ("Kim", "Ali", "Eni" are dropped)."""
COMMON_MIN = 3
"""A word written in lower case at least this often in the news corpus (about 5.5 million
tokens) is an ordinary word: "total", "bank", "kursi". Names almost never appear in lower
case; 3 allows for a stray URL or typo."""
NEIGHBOURS_MAX = 3
"""A one-word alias found next to this many different capitalised words (not its own
entity's, not ordinary words) is a shared given name or surname ("Hasan" in Zulkifli Hasan,
Hasan Basri, …) or a brand before its products ("Honda Jazz", "Disney Channel"), too
ambiguous alone."""

# PETRARCH sector blocks that are CAMEO sectors in geoevents' schema
try:
    from geoevents.resources.schemas import SECTORS as _SECTORS
except ImportError:  # pragma: no cover - the build needs geoevents' tokenizer anyway
    _SECTORS = ()
SECTORS = frozenset(_SECTORS)

PARTICLES = frozenset({
    "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "bin", "bint", "ibn", "van", "von",
    "der", "den", "de", "da", "di", "do", "dos", "das", "du", "del", "della", "la", "le", "y",
    "ul", "ud", "ter", "ten", "zu",
})
"""Name particles written in lower case inside a name ("Osama bin Laden", "Ludwig van
Beethoven"); the first word of a name keeps its capital."""
WORD_PARTICLES = frozenset({
    "al", "el", "bin", "bint", "ibn", "van", "von", "der", "den", "de", "da", "du", "del",
    "della", "dos", "das", "ter", "zu",
})
"""Particles written as their own word inside a name ("Osama bin Laden"); never the first or
last word, and not in Vietnamese names, where "Van" is a middle name (Nguyen Van Thieu)."""
HYPHEN_PARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az"})
"""Arabic article forms that news joins with a hyphen ("al-Assad") or a space ("al Assad")."""
SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "by"})
"""English function words written in lower case inside organisation names."""
TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "sheikh", "shaikh", "sheik", "mullah",
    "ayatollah", "imam", "gen", "general", "col", "colonel", "lt", "maj", "major", "capt",
    "captain", "adm", "admiral", "sen", "senator", "rep", "gov", "governor", "pres", "prof",
    "professor", "rev", "reverend", "hon", "former", "ex", "late", "then", "new", "acting",
    "deputy", "vice", "chief", "head", "top", "senior", "foreign", "defense", "defence",
})
"""Words that, opening a person alias, make it a title phrase, not a name."""
KOREAN = frozenset({"PRK", "KOR"})
ARTICLES = PARTICLES | SMALL_WORDS | {"la", "le", "les", "los", "las", "il", "lo", "der", "die"}
"""Words that do not count as a word of a name ("La Liga" is one word, Liga)."""
_ARTICLE_PREFIX = re.compile(r"^(?:(?i:al|el|ad|an|ar|as|ash|at|az)-|[lL]')(?=\w{2})")
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "januari", "februari", "maret", "mei", "juni", "juli",
    "agustus", "oktober", "desember",
})
"""Month names (English, Indonesian): "17 November" (a Greek group) is a date in the text."""


# -- parsing -----------------------------------------------------------------------------

@dataclass
class Raw:
    """One dictionary record as written: phrases and restrictions in file order."""

    source: str
    line: int
    phrase: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comment: str = ""
    section: str = ""
    inline_bare: bool = False


def parse_actors(path: Path, source: str) -> list[Raw]:
    """The records of one ``*.actors.txt`` file."""
    out: list[Raw] = []
    cur: Raw | None = None
    section = ""
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            section = line[1:].strip()
            continue
        body, _, comment = line.partition("#")
        codes = [c.strip() for c in re.findall(r"\[([^\]]*)\]", body)]
        text = re.sub(r"\[[^\]]*\]", " ", body).strip()
        if line[0] in "\t ":
            if cur is not None:
                cur.codes.extend(codes)
        elif line[0] == "+":
            if cur is not None:
                if text[1:].strip():
                    cur.synonyms.append(text[1:].strip())
                cur.codes.extend(codes)
        else:
            cur = Raw(source, n, text, comment=comment.strip(), section=section,
                      inline_bare=bool(codes) and all(" " not in c for c in codes))
            cur.codes.extend(codes)
            out.append(cur)
    return out


_DATE = re.compile(r"^(\S+)(?:\s*([<>])\s*(\d+)|\s+(\d+)\s*-\s*(\d+))?$")


def parse_date(s: str) -> dt.date:
    """``YYMMDD`` (YY 00–30 → 20YY, else 19YY) or ``YYYYMMDD``."""
    if len(s) == 6:
        yy = int(s[:2])
        return dt.date(2000 + yy if yy <= 30 else 1900 + yy, int(s[2:4]), int(s[4:6]))
    if len(s) == 8:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    raise ValueError(f"bad date {s!r}")


Restriction = tuple[str | None, dt.date | None, dt.date | None]


def parse_restriction(text: str) -> Restriction:
    """``CODE``, ``CODE <D``, ``CODE >D`` or ``CODE D1-D2`` → (code, from, to) with ``to``
    exclusive; the code is None for PETRARCH's null code ``---``."""
    m = _DATE.match(" ".join(text.split()))
    if not m:
        raise ValueError(f"bad restriction {text!r}")
    code = None if set(m[1]) == {"-"} else m[1]
    if m[2] == "<":
        return code, None, parse_date(m[3])
    if m[2] == ">":
        return code, parse_date(m[3]), None
    if m[4]:
        lo, hi = parse_date(m[4]), parse_date(m[5])
        if hi < lo:
            raise ValueError(f"reversed range {text!r}")
        return code, lo, hi
    return code, None, None


def timeline(restrictions: list[Restriction]) -> list[Restriction]:
    """PETRARCH's first-match-wins rule as sorted, non-overlapping stretches
    (code, from, to); stretches where no restriction applies are left out."""
    bounds = sorted({d for _, lo, hi in restrictions for d in (lo, hi) if d is not None})
    edges: list[dt.date | None] = [None, *bounds, None]
    out: list[Restriction] = []
    for a, b in pairwise(edges):
        if a is not None and b is not None and a >= b:
            continue
        for code, lo, hi in restrictions:
            if (lo is None or (a is not None and lo <= a)) and (
                    hi is None or (b is not None and b <= hi)):
                if code is not None:
                    if out and out[-1][0] == code and out[-1][2] == a:
                        out[-1] = (code, out[-1][1], b)
                    else:
                        out.append((code, a, b))
                break
    return out


# -- codes -------------------------------------------------------------------------------

@dataclass(frozen=True)
class CodeInfo:
    """What a Phoenix code says: kind hint, ISO country, sector, the code itself."""

    kind: str | None
    country: str | None
    sector: str | None
    cameo: str | None


def code_info(code: str, countries: dict[str, str]) -> CodeInfo | None:
    """Read ``RUSGOV``, ``IGOUNOKID``, ``MNCUSA``, ``IMGMUSALQ`` … (None when malformed)."""
    if len(code) % 3 or not re.fullmatch(r"[A-Z0-9]+", code) or not code[:3].isalpha():
        return None
    blocks = [code[i:i + 3] for i in range(0, len(code), 3)]
    head, rest = blocks[0], blocks[1:]
    later_country = next((countries[b] for b in rest if b in countries), None)
    later_sector = next((b for b in rest if b in SECTORS), None)
    if head == "IGO":
        return CodeInfo("IGO", None, "IGO", code)
    if head == "NGO":
        return CodeInfo("organization", later_country, "NGO", code)
    if head == "MNC":
        return CodeInfo("organization", later_country, "BUS", code)
    if head == "IMG":
        return CodeInfo("armed group", None, "REB" if "REB" in rest else "INS", code)
    if head in countries:
        return CodeInfo(None, countries[head], later_sector, code)
    if head in SECTORS:
        return CodeInfo(None, None, head, code)
    return CodeInfo(None, None, later_sector, code)  # a region: SEA, MEA, WST, AFR …


# -- text --------------------------------------------------------------------------------

def fold(text: str) -> str:
    """Case- and accent-folded text, as :func:`geoevents.resources.gazetteer.fold`."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().replace("’", "'")


def phrase_words(phrase: str) -> list[str]:
    """The words of a dictionary phrase (``_`` and spaces separate words)."""
    return [w for w in re.split(r"[_\s]+", phrase.strip()) if w]


def _has_vowel(s: str) -> bool:
    return any(c in "AEIOUYaeiouy" for c in s)


@dataclass
class Corpus:
    """Word statistics of the Indonesian news corpus."""

    lower: Counter[str]
    upper: Counter[str]
    title: Counter[str]
    neighbours: dict[str, set[str]]


def read_corpus(paths: Iterable[Path]) -> Corpus:
    """Lower-case, all-capital and capitalised counts of each word, and the capitalised
    words written next to each capitalised word."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    title: Counter[str] = Counter()
    neighbours: dict[str, set[str]] = defaultdict(set)
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            for para in json.loads(line)["paragraphs"]:
                for sent in para:
                    caps: list[str | None] = []
                    for w in sent:
                        if not any(c.isalpha() for c in w):
                            caps.append(None)
                            continue
                        if w.islower():
                            lower[w] += 1
                            caps.append(None)
                        elif w.isupper() and len(w) > 1:
                            upper[fold(w)] += 1
                            caps.append(None)
                        elif w[0].isupper():
                            title[fold(w)] += 1
                            caps.append(fold(w))
                        else:
                            caps.append(None)
                    for a, b in pairwise(caps):
                        if a and b and a != b:
                            neighbours[a].add(b)
                            neighbours[b].add(a)
    return Corpus(lower, upper, title, dict(neighbours))


class Namer:
    """Title-cases Phoenix phrases ("BASHAR_AL-ASSAD_" → "Bashar al-Assad")."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def _caps(self, part: str, person: bool) -> bool:
        """Whether a word stays in capitals: an acronym by the corpus or by its letters
        (never in a person's name, except initials)."""
        f = fold(part)
        letters = [c for c in part if c.isalpha()]
        if re.fullmatch(r"(?:[A-Za-z]\.)+", part):  # "U.N.", "V."
            return True
        if len(letters) < 2 or person or f.strip(".,") in {"ltd", "inc", "corp", "co", "plc"}:
            return False
        if not _has_vowel(part):  # HSBC, CNN
            return True
        # UNHCR, FIFA; not POPULAR or WORLDWIDE from a headline in capitals
        return len(letters) <= 6 and self.corpus.upper[f] >= 2 and (
            self.corpus.upper[f] > self.corpus.title[f])

    def _cap(self, part: str, person: bool) -> str:
        if not part:
            return part
        if self._caps(part, person):
            return part.upper()
        low = part.lower()
        if re.fullmatch(r"mc[a-z]{2,}", low):
            return "Mc" + low[2].upper() + low[3:]
        if re.fullmatch(r"[od]'[a-z]{2,}", low):
            return low[0].upper() + "'" + low[2].upper() + low[3:]
        return low[:1].upper() + low[1:]

    def word(self, w: str, *, first: bool, last: bool, person: bool, korean: bool,
             particles: bool = True) -> str:
        """One word, with its hyphenated parts."""
        if "/" in w:  # "RPLP/F", "Sipah-E-Sahaba/Pakistan"
            return "/".join(self.word(x, first=first and i == 0, last=last, person=person,
                                      korean=korean, particles=particles)
                            for i, x in enumerate(w.split("/")))
        parts = w.split("-")
        out = []
        for i, p in enumerate(parts):
            low = p.lower()
            lead = first and i == 0
            if 0 < i < len(parts) - 1 and low in {"e", "i"}:
                out.append(low)  # "Lashkar-e-Jhangvi", "Hizb-i-Islami"
            elif ((particles and not lead and low in PARTICLES and i < len(parts) - 1)
                    or (particles and not first and not last and len(parts) == 1
                    and low in WORD_PARTICLES)):
                out.append(low)  # "al-Assad", "bin Laden"
            elif person and not lead and i == 0 and re.fullmatch(r"[IVX]+", p) and last:
                out.append(p.upper())  # "John Paul II"
            elif not lead and not person and i == 0 and low in SMALL_WORDS:
                out.append(low)  # "Court of Justice"
            elif korean and i > 0:
                out.append(low)  # "Kim Jong-il"
            elif len(parts) > 1 and not person and not _has_vowel(p):
                out.append(p.upper())  # "PFLP-GC"
            else:  # parts of a hyphenated word are not acronyms ("Pan-Turkish")
                out.append(self._cap(p, person or len(parts) > 1))
        return "-".join(out)

    def __call__(self, phrase: str, *, person: bool, korean: bool = False,
                 particles: bool = True) -> str:
        words = phrase_words(phrase)
        return " ".join(self.word(w, first=i == 0, last=i == len(words) - 1, person=person,
                                  korean=korean, particles=particles)
                        for i, w in enumerate(words))


def variants(name: str, *, person: bool, korean: bool) -> list[str]:
    """Indonesian spellings of a name: hyphen/space forms of "al-" and of Korean given names,
    and a person's name without the article ("Bashar al-Assad" → "Bashar Assad")."""
    out: list[str] = []
    words = name.split()
    # "al-Assad" ↔ "al Assad"; "Al-Shabaab" ↔ "Al Shabaab"
    joined = [re.sub(r"^(?i:(al|el|ad|an|ar|as|ash|at|az))-(?=[A-Z])", r"\1 ", w) for w in words]
    if joined != words:
        out.append(" ".join(joined))
    # "Al Qaeda" → "Al-Qaeda"; a person's first word "Al" is a given name (Al Gore)
    first, _, tail = name.partition(" ")
    spaced = re.sub(r"\b(?i:(al|el))\s+(?=[A-Z])", r"\1-", tail if person else name)
    if spaced != (tail if person else name):
        out.append(f"{first} {spaced}" if person else spaced)
    if person and len(words) >= 2:
        bare = [re.sub(r"^(?i:(al|el|ad|an|ar|as|ash|at|az))-(?=[A-Z])", "", w) for w in words]
        bare = [w for i, w in enumerate(bare) if not (i and w.lower() in HYPHEN_PARTICLES)]
        if len(bare) >= 2 and bare != words:
            out.append(" ".join(bare))
    if korean and len(words) == 3 and "-" not in name:
        out.append(f"{words[0]} {words[1]}-{words[2].lower()}")  # "Kim Jong-il"
    if korean and len(words) == 2 and "-" in words[1]:
        a, b = words[1].split("-", 1)
        out.append(f"{words[0]} {a} {b.capitalize()}")  # "Kim Jong Il"
    return out


# -- entities ----------------------------------------------------------------------------

@dataclass
class Entity:
    """A Phoenix entity on its way to a gazetteer record."""

    kind: str
    names: list[str]
    restrictions: list[Restriction]
    source: str
    line: int
    korean: bool = False
    record: dict[str, Any] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()


_PERSON_SECTION = re.compile(
    r"president|minister|secretar|advisor|attorney|ambassador|director|chief|representative"
    r"|leader|rulers", re.I)
_ORG_WORDS = re.compile(
    r"ARMY|PART[YI]|ASSEMBL|REPUBLIC|FRONT|MOVEMENT|COUNCIL|STATE|MINIST|FORCE|BRIGADE|UNION"
    r"|GOVERNMENT|CONGRESS|PARLIAMENT|COMMITTEE|ORGANI[SZ]ATION|AGENCY|DEPARTMENT|OFFICE"
    r"|COURT|BANK|POLICE|GUARD|SECRETARY|PRESIDEN|JAYSH|KATAIB|LIWA|HARAKAT|COALITION"
    r"|ALLIANCE|LEAGUE|CORPS|COMMAND|AUTHORITY|SERVICE|INSTITUTE|UNIVERSITY|NEWS|TIMES"
    r"|PALACE|HOUSE|AMBASSADOR|^THE_|_OF_|_TO_")
"""Words of an institution's name: a dated record of the Countries file that has one is a
body (SUDAN_PEOPLE'S_LIBERATION_ARMY, KOSOVO_ASSEMBLY), not a person."""
_MILNONSTATE_PERSON = re.compile(
    r"\b(leader|member|commander|spiritual|spritual|head of|founder|chief|spokes)", re.I)


def _is_country_entry(raw: Raw, codes: list[Restriction], countries: dict[str, str]) -> bool:
    return raw.inline_bare and all(
        c is not None and lo is None and hi is None and len(c) % 3 == 0
        and c[:3] in countries and not any(c[i:i + 3] in SECTORS for i in range(3, len(c), 3))
        for c, lo, hi in codes)


def classify(raw: Raw, restrictions: list[Restriction], countries: dict[str, str],
             counts: Counter[str]) -> str | None:
    """``person``, ``organization``, ``IGO``, ``armed group`` or None (not imported)."""
    dated = any(lo or hi for _, lo, hi in restrictions)
    if raw.source == "countries":
        infos = [code_info(c, countries) for c, _, _ in restrictions if c]
        if _is_country_entry(raw, restrictions, countries) or not any(
                i is not None and i.sector for i in infos):
            # RUSSIAN_FEDERATION_ [RUS]; IRAQ_ [IRQ <20030320] [IRQOCC …]: a state
            counts["countries: country entries (names, capitals, provinces)"] += 1
            return None
        if "countryinfo" in raw.comment.lower() or (
                (_PERSON_SECTION.search(raw.section) or dated)
                and not _ORG_WORDS.search(raw.phrase)):
            return "person"
        counts["countries: national institutions (not imported)"] += 1
        return None
    if raw.source == "milnonstate":
        if _MILNONSTATE_PERSON.search(raw.comment):
            return "person"
        return "armed group"
    if dated or "igorulers" in raw.comment.lower():
        return "person"
    return "org"


def country_table() -> dict[str, str]:
    """CAMEO country block → ISO alpha-3, from ``countries.jsonl`` (``TMP`` → TLS)."""
    table: dict[str, str] = {}
    for line in (HERE / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            table[r["id"]] = r["id"]
    for line in (HERE / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            if len(r.get("cameo", "")) == 3:
                table.setdefault(r["cameo"], r["id"])
    return table


def english_agents(path: Path) -> set[str]:
    """Phoenix's English role phrases (``PRESIDENT``, ``PRIME_MINISTER``, ``PEACEKEEPER``), folded,
    with regular plurals."""
    subst: dict[str, list[str]] = {}
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subst[m[1]] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        phrase = re.split(r"[\[{]", line, maxsplit=1)[0].strip()
        forms = [phrase]
        for key, words in subst.items():  # FISHER!PERSON! → FISHERMAN, FISHERMEN, …
            forms = [f.replace(key, w) for f in forms for w in words] if any(
                key in f for f in forms) else forms
        for f in forms:
            words_ = phrase_words(f.replace("!", ""))
            if not words_:
                continue
            p = fold(" ".join(words_))
            out.add(p)
            if p.endswith("y"):
                out.add(p[:-1] + "ies")
            out.add(p + ("es" if p.endswith(("s", "x", "ch", "sh")) else "s"))
    return out


def country_words(raws: list[Raw], countries: dict[str, str]) -> set[str]:
    """Folded one-word names and adjectives of states (RUSSIAN, AMERICAN, U.S.)."""
    out: set[str] = set()
    for raw in raws:
        if raw.source == "countries" and raw.inline_bare:
            for p in [raw.phrase, *raw.synonyms]:
                ws = phrase_words(p.split("#")[0])
                if len(ws) == 1:
                    out.add(fold(ws[0]))
    return out | {"u.s.", "us", "un", "u.n.", "uk", "eu"}


@dataclass
class Context:
    """Everything the filters need."""

    tokenize: Callable[[str], list[str]]
    corpus: Corpus
    en_agents: set[str]
    id_agents: set[str]
    country_words: set[str]
    curated: set[str]
    counts: Counter[str]

    _keys: dict[str, str] = field(default_factory=dict)

    def key(self, alias: str) -> str:
        """The index key of an alias: its tokens, folded (as the gazetteer trie keys)."""
        k = self._keys.get(alias)
        if k is None:
            k = self._keys[alias] = " ".join(fold(t) for t in self.tokenize(alias) if t.strip())
        return k

    def common(self, word: str) -> bool:
        """Whether Indonesian news writes the word in lower case (an ordinary word): at least
        ``COMMON_MIN`` times and more often than capitalised ("total", "bersatu"; not
        "Amnesty", which English quotes write in lower case now and then)."""
        low = self.corpus.lower[word.lower()]
        f = fold(word)
        return low >= COMMON_MIN and low > self.corpus.title[f] + self.corpus.upper[f]

    def untitled(self, alias: str) -> str | None:
        """A person's alias without its leading state words and titles ("Prime Minister
        Ibrahim Mahlab" → "Ibrahim Mahlab", "Sir Denys Williams" → "Denys Williams"), or None
        when it has none."""
        words = alias.split()
        i = 0
        while i < len(words) - 1:
            f = fold(words[i])
            n = next((n for n in range(len(words) - 1 - i, 0, -1)
                      if " ".join(fold(w) for w in words[i:i + n]) in self.en_agents), 0)
            if n:
                i += n
            elif f in TITLES or (f in self.country_words and i + 1 < len(words) - 1):
                i += 1
            else:
                break
        return " ".join(words[i:]) if 0 < i < len(words) else None

    def reject(self, alias: str, ent: Entity) -> str | None:
        """The name of the filter that drops ``alias``, or None when it stays."""
        words = alias.split()
        folded = [fold(w) for w in words]
        if ent.kind == "person":
            # RUSSIAN_PRESIDENT_VLADIMIR_PUTIN, PRIME_MINISTER_PUTIN: a state word may open
            # the title, but "Israel Katz" is a name
            rest = list(folded)
            while len(rest) > 1 and rest[0] in self.country_words:
                rest = rest[1:]
            if rest[0] in TITLES or any(
                    " ".join(rest[:n]) in self.en_agents for n in range(1, len(rest) + 1)):
                return "title or role phrase"
        else:
            # INDIAN_UN_PEACEKEEPER, THE_UN: a role noun after demonyms, not "China Telecom"
            core = list(folded)
            while core and (core[0] in {"the", "un", "u.n."} or (core[0] in self.country_words
                            and re.search(r"(an|ese|ish|i)$", core[0]))):
                core = core[1:]
            if not core or (" ".join(core) in self.en_agents and (
                    core == folded or len(core) <= 2)):
                return "title or role phrase"
        if self.key(alias) in self.id_agents or fold(alias) in self.en_agents:
            return "agent word"
        # the words that carry the name: not articles, particles or numbers ("La Liga" and
        # "Al-Aqsa" are one word, "17 November" none but a month)
        content = [_ARTICLE_PREFIX.sub("", w) for w in words
                   if fold(w) not in ARTICLES and not w.isdigit()]
        if not content or all(fold(w) in MONTHS for w in content):
            return "articles, numbers or months only"
        if len(content) == 1:
            word = content[0]
            if sum(c.isalpha() for c in word) < MIN_LETTERS:
                return f"one word under {MIN_LETTERS} letters"
            if self.common(word):
                return f"common word (lower case >= {COMMON_MIN})"
            if ent.kind == "person" and "IDN" in ent.countries:
                # Indonesians go by one name that thousands share ("Subroto", "Sutarto")
                return "one-word Indonesian name"
            own = {fold(w) for n in ent.names for w in n.split()}
            near = {n for n in self.corpus.neighbours.get(fold(word), ())
                    if n not in own and not self.common(n)}
            if len(near) >= NEIGHBOURS_MAX:
                return f"shared name part (>= {NEIGHBOURS_MAX} neighbours)"
        elif all(self.common(w) or fold(w) in SMALL_WORDS for w in content):
            return "phrase of common words"
        return None


def slug(name: str) -> str:
    """``Vladimir Putin`` → ``VLADIMIR-PUTIN``."""
    s = fold(name).upper()
    return re.sub(r"[^A-Z0-9]+", "-", s).strip("-")


def _curated_keys(ctx_tokenize: Callable[[str], list[str]]) -> set[str]:
    keys: set[str] = set()
    for path in sorted(HERE.glob("*.jsonl")):
        if path.name == "agents.jsonl" or path.name.startswith("phoenix_"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            for t in [r["name"], *r.get("aliases", []),
                      *(m["text"] for m in r.get("metonyms", []))]:
                keys.add(" ".join(fold(x) for x in ctx_tokenize(t) if x.strip()))
    return keys


def _agent_keys(tokenize: Callable[[str], list[str]]) -> set[str]:
    keys: set[str] = set()
    for line in (HERE / "agents.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            for t in [a["term"], *a.get("variants", [])]:
                keys.add(" ".join(fold(x) for x in tokenize(t) if x.strip()))
    return keys


def default_tokenize() -> Callable[[str], list[str]]:
    """The tokenizer the pipeline uses (``spacy.blank("id")``)."""
    import spacy

    tok = spacy.blank("id").tokenizer
    return lambda s: [t.text for t in tok(s)]


def corpus_files() -> list[Path]:
    """The Indonesian news corpus files used for word statistics."""
    return sorted(CORPUS.glob("*.jsonl"))


def build(verbose: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The Phoenix records by output kind (``person``, ``organization``, ``armed group``),
    each list sorted by id (nothing is written)."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    tokenize = default_tokenize()
    countries = country_table()
    raws: list[Raw] = []
    for source, name in SOURCES.items():
        raws.extend(parse_actors(PETRARCH / name, source))
    corpus = read_corpus(corpus_files())
    namer = Namer(corpus)
    ctx = Context(tokenize, corpus, english_agents(PETRARCH / AGENTS_TXT), _agent_keys(tokenize),
                  country_words(raws, countries), _curated_keys(tokenize), counts)

    # 1. classify, read codes and names
    entities: list[Entity] = []
    for raw in raws:
        restrictions: list[Restriction] = []
        for c in raw.codes:
            try:
                restrictions.append(parse_restriction(c))
            except ValueError:
                counts["restrictions with a malformed date or code (skipped)"] += 1
        kind = classify(raw, restrictions, countries, counts)
        if kind is None:
            continue
        if not any(code for code, _, _ in restrictions):
            counts["records without a code (skipped)"] += 1
            continue
        infos = [code_info(c, countries) for c, _, _ in restrictions if c]
        if kind == "org":
            first = next((i for i in infos if i is not None), None)
            kind = "armed group" if first and first.kind == "armed group" else "organization"
        person = kind == "person"
        korean = person and any(i is not None and i.country in KOREAN for i in infos)
        particles = not any(i is not None and i.country == "VNM" for i in infos)
        names: list[str] = []
        for p in [raw.phrase, *raw.synonyms]:
            p = p.split("#")[0].strip()
            m = re.match(r"^(.*?)[_\s]*\(([^)]*)\)[_\s]*$", p)  # FREE_ACEH_MOVEMENT_(GAM)
            for q in ([m[1], m[2]] if m else [p]):
                words = phrase_words(q)
                if words and fold(words[0]) == "the" and len(words) > 1 and not person:
                    words = words[1:]  # THE_WASHINGTON_POST → Washington Post
                if words and any(c.isalpha() for c in "".join(words)):
                    names.append(namer("_".join(words), person=person, korean=korean,
                                       particles=particles))
        if not names:
            continue
        entities.append(Entity(kind, names, restrictions, raw.source, raw.line, korean))

    # 2. merge records of one name and country; a name with several countries is ambiguous
    groups: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in entities:
        groups[("O" if e.kind == "organization" else e.kind, slug(e.names[0]))].append(e)
    merged: list[Entity] = []
    for (_, _), group in sorted(groups.items()):
        if len(group) == 1:
            merged.append(group[0])
            continue
        own = {_own(e, countries).country for e in group}
        if len(own) > 1:
            counts["records sharing a name across countries (dropped)"] += len(group)
            continue
        counts["records merged with another of the same name"] += len(group) - 1
        base = group[0]
        for e in group[1:]:
            base.names.extend(n for n in e.names if n not in base.names)
        # dated codes of all the records first, then their undated fallbacks: the first
        # record's fallback must not hide the dates of the second
        every = [r for e in group for r in e.restrictions]
        base.restrictions = ([r for r in every if r[1] or r[2]]
                             + [r for r in every if not (r[1] or r[2])])
        merged.append(base)

    # 3. aliases: variants, filters
    for e in merged:
        e.countries = frozenset(
            i.country for i in (code_info(c or "", countries) for c, _, _ in e.restrictions)
            if i is not None and i.country)
        aliases: list[str] = []
        for n in e.names:
            bare = ctx.untitled(n) if e.kind == "person" else None
            for form in [n] if bare is None else [n, bare]:
                for a in [form, *variants(form, person=e.kind == "person", korean=e.korean)]:
                    if a not in aliases:
                        aliases.append(a)
        if any(ctx.key(a) in ctx.curated for a in aliases):
            counts["entities also in a curated file (skipped)"] += 1
            examples["entities also in a curated file (skipped)"].append(e.names[0])
            continue
        kept = []
        for a in aliases:
            why = ctx.reject(a, e)
            if why is None:
                kept.append(a)
            else:
                counts[f"alias filter: {why}"] += 1
                examples[f"alias filter: {why}"].append(a)
        e.record = {"aliases": kept}
    # an alias two Phoenix entities claim names neither
    owners: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(merged):
        for a in e.record.get("aliases", []):
            owners[ctx.key(a)].add(i)
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in OUTPUTS}
    for e in merged:
        if not e.record:
            continue
        kept = []
        for a in e.record["aliases"]:
            if len(owners[ctx.key(a)]) > 1:
                counts["alias filter: claimed by several Phoenix entities"] += 1
                examples["alias filter: claimed by several Phoenix entities"].append(a)
            else:
                kept.append(a)
        # the name is indexed too, so it must be one of the surviving aliases
        title = next((a for a in kept if ctx.key(a) == ctx.key(e.names[0])), None)
        if title is None:
            title = next((a for a in kept if len(a.split()) >= 2), None)
        if title is None:
            counts["entities with no usable name (dropped)"] += 1
            examples["entities with no usable name (dropped)"].append(e.names[0])
            continue
        rec = _record(e, title, kept, countries)
        if rec is None:
            counts["entities without a usable code (dropped)"] += 1
            continue
        out_kind = "person" if e.kind == "person" else (
            "armed group" if rec["kind"] == "armed group" else "organization")
        out[out_kind].append(rec)
    for k in out:
        recs = out[k]
        ids = Counter(r["id"] for r in recs)
        for r in recs:  # two names that slug alike: number them in source order
            if ids[r["id"]] > 1:
                counts["ids made unique with a suffix"] += 1
        seen: Counter[str] = Counter()
        for r in recs:
            if ids[r["id"]] > 1:
                seen[r["id"]] += 1
                r["id"] = f"{r['id']}-{seen[r['id']]}"
        recs.sort(key=lambda r: r["id"])
    if verbose:
        for what, times in sorted(counts.items()):
            shown = ", ".join(examples[what][:6])
            print(f"  {times:6d}  {what}" + (f" (e.g. {shown})" if shown else ""))
    return out


def _own(e: Entity, countries: dict[str, str]) -> CodeInfo:
    """The record's own code: the undated fallback, else the latest stretch."""
    undated = next((c for c, lo, hi in e.restrictions if lo is None and hi is None), None)
    if undated is not None:
        info = code_info(undated, countries)
        if info is not None:
            return info
    line = timeline(e.restrictions)
    for code, _, _ in reversed(line):
        info = code_info(code or "", countries)
        if info is not None:
            return info
    for code, _, _ in e.restrictions:
        info = code_info(code or "", countries)
        if info is not None:
            return info
    return CodeInfo(None, None, None, None)


def _record(e: Entity, name: str, aliases: list[str],
            countries: dict[str, str]) -> dict[str, Any] | None:
    own = _own(e, countries)
    if own.cameo is None:
        return None
    if e.kind == "person":
        kind = "person"
    elif e.source == "milnonstate" or own.kind == "armed group":
        kind = "armed group"
    elif own.kind == "IGO":
        kind = "IGO"
    else:
        kind = "organization"
    sector = own.sector
    if kind == "armed group" and sector not in {"REB", "INS", "SEP", "RAD"}:
        sector = "REB"
    rec: dict[str, Any] = {
        "id": ID_PREFIX["person" if kind == "person" else (
            "armed group" if kind == "armed group" else "organization")] + slug(name),
        "name": name,
        "kind": kind,
        "cameo": own.cameo,
        "aliases": [name, *(a for a in aliases if a != name)],
        "fuzzy": False,
    }
    if own.country:
        rec["country"] = own.country
    if sector:
        rec["sector"] = sector
    if kind == "person":
        undated = next((c for c, lo, hi in e.restrictions if lo is None and hi is None), None)
        roles = []
        for code, lo, hi in timeline(e.restrictions):
            info = code_info(code or "", countries)
            if code == undated or info is None or info.sector is None:
                continue
            role: dict[str, Any] = {"sector": info.sector}
            if info.country:
                role["country"] = info.country
            if lo:
                role["valid_from"] = lo.isoformat()
            if hi:
                role["valid_to"] = hi.isoformat()
            roles.append(role)
        if roles:
            rec["roles"] = roles
    return rec


def dumps(records: list[dict[str, Any]]) -> str:
    """The JSONL text of ``records`` (one sorted-key JSON object per line)."""
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


def main() -> int:
    """Build and write the three files, printing what each filter removed."""
    if not PETRARCH.is_dir() or not CORPUS.is_dir():
        print(f"error: {PETRARCH} or {CORPUS} is missing", file=sys.stderr)
        return 1
    print("build_phoenix: what was left out")
    out = build(verbose=True)
    from geoevents.resources.schemas import GazetteerRecord

    for kind, recs in out.items():
        for r in recs:
            GazetteerRecord.model_validate(r)
        OUTPUTS[kind].write_text(dumps(recs), encoding="utf-8")
        n_alias = sum(len(r["aliases"]) for r in recs)
        n_roles = sum(len(r.get("roles", [])) for r in recs)
        print(f"wrote {OUTPUTS[kind].name}: {len(recs)} records, {n_alias} aliases, "
              f"{n_roles} roles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
