"""The actor gazetteer: an alias index over entities, agent words and metonyms.

Matching works on token sequences so that it agrees with the tokenizer that split the text.
Aliases written in capitals ("AS", "UE", "DK PBB") only match the same capitals, so the
Indonesian word "as" (axle) is never the United States; other aliases match any case but must
start with a capital in the text when they do in the gazetteer ("Istana" the palace as a
metonym, not "istana pasir").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process, utils

from .schemas import AgentWord, GazetteerRecord

EntryKind = Literal["entity", "metonym", "agent"]

_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
"""An alias of letters and single spaces, which every tokenizer splits on the spaces."""


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Case-fold and strip diacritics: "Erdoğan" → "erdogan" (cached: words repeat)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().replace("’", "'")


def _is_caps(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_MINISTRY = "kementerian "
_MINISTER = "menteri "


def ministry_term(title: str) -> str | None:
    """The ministry word of a minister's title ("menteri luar negeri" → "kementerian luar
    negeri"), or None for another word."""
    return _MINISTRY + title[len(_MINISTER):] if title.startswith(_MINISTER) else None
_NATIONAL = re.compile(r"\s+(?:RI|Republik Indonesia)$")


def minister_titles(agents: Sequence[AgentWord], records: Sequence[GazetteerRecord]
                    ) -> list[AgentWord]:
    """The title of each ministry's minister, from the ministry's name: "Kementerian Pemuda
    dan Olahraga" (or "Kemenpora"'s long form) gives "Menteri Pemuda dan Olahraga", so that
    "Menteri Pemuda dan Olahraga Imam Nahrawi" is one titled person, not "Menteri Pemuda"
    and a stray "Olahraga". Indonesian ministers are titled by their ministry's full name;
    the names come from the institution words (any state's ministry) and the records of
    Indonesia's own ministries. Titles the agent words already have are left as they are."""
    have = {fold(w) for a in agents for w in (a.term, *a.variants)}
    out: dict[str, AgentWord] = {}

    def add(name: str, english: str, sector: str | None) -> None:
        name = _NATIONAL.sub("", name)
        if not fold(name).startswith(_MINISTRY):
            return
        title = _MINISTER + fold(name)[len(_MINISTRY):]
        if title in have or title in out:
            return
        out[title] = AgentWord(term=title, english=english, sector=sector)

    for a in agents:
        if a.institution is not None and not a.person:
            english = a.institution.replace(" ({country})", "").replace("Ministry", "Minister")
            for w in (a.term, *a.variants):
                add(w, english, a.sector)
    for r in records:
        if r.kind == "organization" and r.country == "IDN" and "Ministry" in r.name:
            english = re.sub(r"\s*\(Indonesia\)$", "", r.name).replace("Ministry", "Minister")
            for w in (r.name, *r.aliases):
                add(w, english, r.sector)
    return list(out.values())


@dataclass(frozen=True)
class Entry:
    """What an alias points to."""

    kind: EntryKind
    id: str
    sector: str | None = None
    exact: tuple[str, ...] | None = None
    """Token texts that must match exactly (for all-capital aliases)."""
    capital: bool = False
    """Whether the first matched token must start with a capital letter."""


@dataclass(frozen=True)
class Match:
    """A gazetteer hit on tokens ``start:end`` of a token sequence."""

    start: int
    end: int
    entry: Entry


@dataclass
class Gazetteer:
    """An index of entities and agent words, built from validated records.

    Args:
        records: gazetteer entities (states, IGOs, groups, people, institutions).
        agents: agent words (role and group nouns).
        tokenize: the function that splits text into token strings; it must be the one used
            on the documents, so that aliases and text are split alike.
    """

    records: Sequence[GazetteerRecord]
    agents: Sequence[AgentWord]
    tokenize: Callable[[str], list[str]]
    entities: dict[str, GazetteerRecord] = field(init=False)
    agent_words: dict[str, AgentWord] = field(init=False)
    _trie: dict[tuple[str, ...], list[Entry]] = field(init=False)
    _max_len: int = field(init=False)
    _first: set[str] = field(init=False)
    _fuzzy_choices: dict[str, str] = field(init=False)
    _fuzzy_ids: dict[str, str] = field(init=False)
    _by_office: dict[tuple[str, str | None], list[GazetteerRecord]] = field(init=False)
    _by_name: dict[str, str] = field(init=False)
    _kind_of: dict[str, AgentWord] = field(init=False)
    _typos: dict[tuple[str, float], str | None] = field(init=False)
    _by_length: list[str] = field(init=False)
    _lengths: list[int] = field(init=False)
    _word_tokens: dict[str, list[str]] = field(init=False)
    national: dict[tuple[str, str], GazetteerRecord] = field(init=False)
    """The one body of a (country, sector), from the records marked ``national``."""

    def __post_init__(self) -> None:
        self.entities = {r.id: r for r in self.records}
        self.agents = [*self.agents, *minister_titles(self.agents, self.records)]
        self.national = {(r.country, r.sector): r for r in self.records
                         if r.national and r.country and r.sector}
        self.agent_words = {a.term: a for a in self.agents}
        self._trie = {}
        self._fuzzy_choices = {}
        self._fuzzy_ids = {}
        self._by_office = {}
        self._word_tokens = {}
        for rec in self.records:
            for alias in [rec.name, *rec.aliases]:
                self._add(alias, Entry("entity", rec.id))
                if rec.fuzzy and rec.kind != "state" and len(alias) >= 8 and " " in alias:
                    key = utils.default_process(fold(alias))
                    self._fuzzy_choices.setdefault(key, key)
                    self._fuzzy_ids.setdefault(key, rec.id)
            for m in rec.metonyms:
                self._add(m.text, Entry("metonym", rec.id, sector=m.sector))
            for role in rec.roles:
                if role.office:
                    self._by_office.setdefault((role.office, role.country), []).append(rec)
        for a in self.agents:
            for w in [a.term, *a.variants]:
                self._add(w, Entry("agent", a.term, sector=a.sector), agent=True)
        self._max_len = max((len(k) for k in self._trie), default=1)
        self._first = {k[0] for k in self._trie}
        self._by_name = {r.name: r.id for r in self.records}
        self._typos = {}
        # the fuzzy keys by length: a ratio of 90 allows a length difference of a tenth of
        # the two lengths together, so :meth:`misspelt` scores only that window
        self._by_length = sorted(self._fuzzy_choices, key=len)
        self._lengths = [len(k) for k in self._by_length]
        # an organisation record that is one state's instance of an institution word
        # ("Kemlu" = Ministry of Foreign Affairs (Indonesia)): "Kemlu Turki" is Turkey's
        self._kind_of = {}
        countries = {r.country for r in self.records if r.kind == "organization" and r.country}
        for a in self.agents:
            for c in countries:
                named = self.institution(a, c)
                if named is not None and named[1] is not None:
                    self._kind_of[named[1]] = a

    def _words(self, alias: str) -> list[str]:
        """The tokens of an alias as the document tokenizer splits them. The tokenizer splits
        on spaces first, so an alias of letters and single spaces ("Vladimir Putin") is split
        word by word, each distinct word tokenized once: the tens of thousands of aliases share
        most of their words."""
        if not _PLAIN.fullmatch(alias):
            return [t for t in self.tokenize(alias) if t.strip()]
        out: list[str] = []
        for w in alias.split(" "):
            toks = self._word_tokens.get(w)
            if toks is None:
                toks = self._word_tokens[w] = [t for t in self.tokenize(w) if t.strip()]
            out.extend(toks)
        return out

    def _add(self, alias: str, entry: Entry, *, agent: bool = False) -> None:
        toks = self._words(alias)
        if not toks:
            return
        key = tuple(fold(t) for t in toks)
        caps = _is_caps(alias)
        entry = Entry(
            entry.kind, entry.id, entry.sector,
            exact=tuple(toks) if caps else None,
            capital=not agent and not caps and alias[:1].isupper(),
        )
        bucket = self._trie.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    # -- matching -----------------------------------------------------------------------

    def match(self, words: Sequence[str], folded: Sequence[str] | None = None) -> list[Match]:
        """All longest, left-to-right, non-overlapping hits in a token sequence.

        Entities win over agent words on the same tokens ("Kremlin" is a metonym, not an agent
        word); several entries for one alias are kept in gazetteer order.
        """
        folded = folded if folded is not None else [fold(w) for w in words]
        out: list[Match] = []
        i, n = 0, len(words)
        while i < n:
            if folded[i] not in self._first:
                i += 1
                continue
            hit: Match | None = None
            for j in range(min(n, i + self._max_len), i, -1):
                entries = self._trie.get(tuple(folded[i:j]))
                if not entries:
                    continue
                ok = [e for e in entries if self._accept(e, words, i, j)]
                if ok:
                    ok.sort(key=lambda e: e.kind == "agent")
                    hit = Match(i, j, ok[0])
                    break
            if hit is None:
                i += 1
            else:
                out.append(hit)
                i = hit.end
        return out

    @staticmethod
    def _accept(e: Entry, words: Sequence[str], i: int, j: int) -> bool:
        if e.exact is not None:
            return tuple(words[i:j]) == e.exact
        if e.capital:
            c = words[i][:1]
            return c.isupper() or c.isdigit()
        return True

    # -- resolution ---------------------------------------------------------------------

    def lookup(self, alias: str) -> list[Entry]:
        """Exact lookup of an alias (case rules as in :meth:`match`).

        The alias goes through the tokenizer, as the pipeline's text does.
        """
        words = self._words(alias)
        entries = self._trie.get(tuple(fold(w) for w in words), [])
        return [e for e in entries if self._accept(e, words, 0, len(words))]

    def fuzzy(self, mention: str, *, score_cutoff: float = 90.0) -> GazetteerRecord | None:
        """Approximate lookup for long names (typos, transliterations: "Sergei Lavrov").

        Only aliases of at least two words and eight characters take part, and the mention
        must be as long, so that short words never merge with names; a mention of fewer
        words than the name must keep its first or last word.
        """
        if len(mention) < 8 or " " not in mention.strip():
            return None
        query = utils.default_process(fold(mention))
        best = process.extractOne(
            query, self._fuzzy_choices, scorer=fuzz.WRatio, processor=None,
            score_cutoff=score_cutoff,
        )
        if best is None:
            return None
        # a part of a longer name is another person unless it keeps the name's first or
        # last word: "Abdul Latif" may be "Abdul Latif Rashid", but "Abdul Aziz" is not
        # "Khalid bin Khalifa bin Abdul Aziz Al Thani"
        got, words = best[0].split(), query.split()
        if len(words) < len(got) and not (
                fuzz.ratio(words[0], got[0]) >= 80 or fuzz.ratio(words[-1], got[-1]) >= 80):
            return None
        return self.entities[self._fuzzy_ids[best[2]]]

    def misspelt(self, mention: str, *, score_cutoff: float = 90.0) -> GazetteerRecord | None:
        """A known name of two or more words written with a typo or another transliteration
        ("Ikhawanul Muslimin", "Mevlut Cavusoglu"): a whole-string edit-distance match, about
        ten times cheaper than :meth:`fuzzy`, for the many capitalised names of a text."""
        if len(mention) < 8 or " " not in mention.strip():
            return None
        key = (mention, score_cutoff)
        if key not in self._typos:
            if len(self._typos) > 100_000:  # names repeat across a corpus; bound the memory
                self._typos.clear()
            query = utils.default_process(fold(mention))
            # ratio = 100 * (1 - indel / (n + m)) and indel >= |n - m|
            slack = 1 - score_cutoff / 100
            n = len(query)
            lo = bisect.bisect_left(self._lengths, math.floor(n * (1 - slack) / (1 + slack)))
            hi = bisect.bisect_right(self._lengths, math.ceil(n * (1 + slack) / (1 - slack)))
            best = process.extractOne(
                query, self._by_length[lo:hi], scorer=fuzz.ratio, processor=None,
                score_cutoff=score_cutoff,
            )
            self._typos[key] = None if best is None else self._fuzzy_ids[best[0]]
        found = self._typos[key]
        return None if found is None else self.entities[found]

    def institution(self, agent: AgentWord, country: str) -> tuple[str, str | None] | None:
        """(name, id or None) of the body ``agent`` names in ``country`` ("kementerian luar
        negeri", "TUR" → "Ministry of Foreign Affairs (Turkey)"), or None when the word names
        no institution or the country is unknown."""
        state = self.entities.get(country)
        if agent.institution is None or state is None or state.kind != "state":
            return None
        name = agent.institution.format(country=state.name)
        return name, self._by_name.get(name)

    def institution_kind(self, rec: GazetteerRecord) -> AgentWord | None:
        """The institution word that ``rec`` is one state's instance of, if any."""
        return self._kind_of.get(rec.id)

    def holder(
        self, office: str, country: str | None, date: dt.date | None,
    ) -> GazetteerRecord | None:
        """The person holding ``office`` for ``country`` on ``date`` (None if unknown)."""
        if date is None:
            return None
        for rec in self._by_office.get((office, country), []):
            for role in rec.roles:
                if role.office != office or role.country != country:
                    continue
                if (role.valid_from is None or role.valid_from <= date) and (
                    role.valid_to is None or date < role.valid_to
                ):
                    return rec
        return None

    def role_on(self, rec: GazetteerRecord, date: dt.date | None) -> tuple[str | None, str | None]:
        """(country, sector) of a person on a date: the role valid then, else the record's own."""
        if date is not None:
            for role in rec.roles:
                if (role.valid_from is None or role.valid_from <= date) and (
                    role.valid_to is None or date < role.valid_to
                ):
                    return role.country or rec.country, role.sector
        return rec.country, rec.sector
