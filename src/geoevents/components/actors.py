"""Actor recognition: gazetteer hits and titles composed into actor mentions.

A mention is a chain of agent words, entities and names, read left to right:

* "Presiden Rusia Vladimir Putin" → agent (presiden) + state (Rusia) + person → Vladimir Putin,
  RUS, GOV;
* "utusan Kremlin untuk Afghanistan Zamir Kabulov" → agent + metonym (Kremlin) + "untuk" +
  state + unknown name → Zamir Kabulov, RUS, GOV (the first state is the affiliation);
* "militer Israel" → Israel, MIL; "Perwakilan Taliban" → Taliban; "Menlu AS" → the United
  States' foreign minister on the date of the story, or a role-only actor.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field

from ..models import Actor
from ..resources.gazetteer import Gazetteer, Match, fold, ministry_term
from ..resources.lexicon import Grammar
from ..resources.morph import verb_like
from ..resources.schemas import AgentWord, GazetteerRecord, Sector

_ARMED = {"MIL", "REB", "INS"}

_STATE_PRONOUNS = {"state", "states", "pair_state"}


@dataclass(frozen=True)
class Mention:
    """An actor mention over tokens ``start:end`` of its sentence."""

    start: int
    end: int
    actor: Actor
    pronoun: str | None = None
    """The antecedent kind for pronouns ("any", "person", "state", "pair", "group")."""
    weak: bool = False
    """An untitled capitalised name the gazetteer does not know (maybe a place or a firm)."""
    place: bool = False
    """Named as a location behind a place preposition and other names ("di Hamburg
    Jerman", "di Kabul , Afghanistan"): where something happens, not who acts."""
    body: Actor | None = None
    """The body a titled person's title names ("Ketua KPK Agus Rahardjo": KPK), for whom
    "pihaknya" speaks."""


@dataclass
class _Sentence:
    """One sentence as :class:`ActorRecognizer` reads it: its tokens, what the gazetteer
    and the NER found on them, and the mentions read so far."""

    words: Sequence[str]
    starts: Sequence[int]
    folded: list[str]
    at: dict[int, Match]
    """The gazetteer match starting at each token."""
    date: dt.date | None
    ner_at: dict[int, tuple[int, str]] | None
    """NER spans by start token (see ``_ner_tokens``), None without NER."""
    defined: dict[int, tuple[int, int]]
    """Organisations defined with their acronym (see ``_defined_names``)."""
    out: list[Mention] = field(default_factory=list)

    @property
    def n(self) -> int:
        """The number of tokens."""
        return len(self.words)


@dataclass(frozen=True)
class _ChainParts:
    """What a chain of matches is made of, as :meth:`ActorRecognizer._resolve` reads it."""

    agents: list[AgentWord]
    person: GazetteerRecord | None
    org: GazetteerRecord | None
    """The body, people or state the chain names (a state for "Kemlu China")."""
    org_match: Match | None
    state: GazetteerRecord | None
    sector: Sector | None

    @property
    def agents_country(self) -> str | None:
        """The state an agent word's office is of, where the word has one ("Kapolri")."""
        return next((a.country for a in self.agents if a.country), None)


def _acronym(w: str) -> bool:
    return 2 <= len(w) <= 5 and w.isalpha() and w.isupper()


DESCRIBED = "described"
"""The pronoun kind of a person's role that "itu" makes definite ("politikus PKS itu")."""


def _apposition_gap(gap: Sequence[str]) -> bool:
    """Whether the words between a nameless title and a name keep them one person: name
    words and acronyms of the office's place or body, up to two commas (the place's
    province in between) and brackets around a short form."""
    return (len(gap) <= 6 and gap.count(",") <= 2 and gap.count("(") == gap.count(")") <= 1
            and all(_is_name_token(w) or _acronym(w) or w in (",", "(", ")") for w in gap))


def _initials_like(w: str) -> bool:
    return 2 <= len(w) <= 4 and w.isalpha() and w.isupper()


def _is_name_token(w: str) -> bool:
    return len(w) > 1 and w[0].isupper() and any(c.islower() for c in w[1:]) and w.isalpha()


class ActorRecognizer:
    """Compose gazetteer hits on a sentence's tokens into :class:`Mention` objects."""

    def __init__(self, gazetteer: Gazetteer, pronouns: dict[str, str], *,
                 bare_names: bool = False, not_names: Sequence[str] = (),
                 places: Sequence[str] = (), numerals: Sequence[str] = (),
                 people_counters: Sequence[str] = (), name_before: Sequence[str] = (),
                 name_after: Sequence[str] = (), common_words: Set[str] = frozenset(),
                 initials_markers: Sequence[str] = (),
                 place_prepositions: Sequence[str] = (),
                 place_at: Callable[[Sequence[str], int], tuple[int, str] | None] | None = None,
                 grammar: Grammar | None = None) -> None:
        self.gaz = gazetteer
        self._place_at = place_at
        """Where a place of the index named at a word ends, and its state (ISO3)."""
        # the grammar's words that shape names and mentions (none without a grammar)
        gw = grammar.folded() if grammar is not None else None
        self._conj = gw.words("conjunctions") if gw else frozenset()
        self._name_joiners = gw.words("name_joiners") if gw else frozenset()
        self._org_joiners = gw.words("org_name_joiners") if gw else frozenset()
        self._of = gw.words("affiliation") if gw else frozenset()
        self._stance_words = gw.words("stance_prefixes") if gw else frozenset()
        self._former = gw.words("former") if gw else frozenset()
        self._alias = gw.words("alias_markers") if gw else frozenset()
        self._body_heads = gw.words("body_heads") if gw else frozenset()
        self._predicative = gw.words("predicative") if gw else frozenset()
        self._demonstratives = gw.words("demonstratives") if gw else frozenset()
        self._origin = gw.words("origin_markers") if gw else frozenset()
        self._party_organs = gw.words("party_organs") if gw else frozenset()
        self._region = gw.words("region_words") if gw else frozenset()
        self._place_prep = {fold(w) for w in place_prepositions}
        self._initials_markers = {fold(w) for w in initials_markers}
        self._common = {fold(w) for w in common_words}
        self._name_before = {fold(w) for w in name_before}
        self._name_after = {fold(w) for w in name_after}
        self.bare_names = bare_names
        self._numerals = {fold(w) for w in numerals}
        self._counters = {fold(w) for w in people_counters}
        self._not_names = {fold(w) for w in not_names}
        self._places = {fold(w) for w in places}
        self._pronouns: dict[tuple[str, ...], str] = {
            tuple(fold(t) for t in gazetteer.tokenize(p) if t.strip()): kind
            for p, kind in pronouns.items()
        }
        self._pron_max = max((len(k) for k in self._pronouns), default=1)
        self._pron_first = {k[0] for k in self._pronouns}
        self._starters = self._pron_first | self._numerals

    def __call__(
        self,
        words: Sequence[str],
        starts: Sequence[int],
        *,
        date: dt.date | None = None,
        entities: Sequence[tuple[int, int, str]] | None = None,
    ) -> list[Mention]:
        """Find mentions in a token sequence.

        Args:
            words: token texts of one sentence (or the part after a dateline).
            starts: character offset of each token in the document.
            date: the date used to resolve offices ("Presiden AS" → the president then).
            entities: statistical NER spans ``(start, end, label)`` in document characters;
                when given, PER and ORG spans the gazetteer does not know become actors
                instead of the capitalised-name heuristic.
        """
        folded = [fold(w) for w in words]
        ner_at = self._ner_tokens(words, starts, entities) if entities is not None else None
        matches = self.gaz.match(words, folded)
        at = {m.start: m for m in matches}
        defined = self._defined_names(words, at) if self.bare_names else {}
        s = _Sentence(words, starts, folded, at, date, ner_at, defined)
        starters = self._starters
        i = 0
        while i < s.n:
            w = words[i]
            if not (w[:1].isupper() or w[:1].isdigit() or i in at or i in defined
                    or folded[i] in starters or (ner_at is not None and i in ner_at)):
                # most words start nothing: a lower-case word that is no pronoun, numeral,
                # gazetteer match or NER span (no reader below would take it)
                i += 1
                continue
            i = self._read_at(s, i)
        # "parlemen anti-Suriah", "milisi pro-Rusia": a stance towards a state is no mention
        # of that state
        out = self._origins([m for m in s.out if not self._stance(folded, m.start)
                             and not self._predicate(folded, m)], folded)
        out = self._aliases(self._titled_people(out, words), words, starts)
        out = self._bodies_before(out)
        out = [self._described(m, folded, at) for m in out]
        return self._located(self._shared_role(out, folded), words, folded)

    @staticmethod
    def _bodies_before(ms: list[Mention]) -> list[Mention]:
        """A body named right before a person is the person's ("Kabid Humas Polda Metro
        Jaya Kombes Argo Yuwono": Polda Metro Jaya)."""
        out = list(ms)
        for k in range(1, len(out)):
            a, b = out[k - 1], out[k]
            if (b.start == a.end and b.body is None and b.pronoun is None and a.pronoun is None
                    and b.actor.kind == "person" and b.actor.name
                    and a.actor.kind == "organization" and a.actor.id):
                out[k] = dataclasses.replace(b, body=a.actor)
        return out

    def _described(self, m: Mention, folded: Sequence[str], at: dict[int, Match]) -> Mention:
        """A person's role and "itu"/"tersebut" after it name someone the story has named:
        "politikus PKS itu", "Pemimpin Filipina itu" (a pronoun of kind ``described``,
        resolved to the last person of the role's country, else the role as read)."""
        first = at.get(m.start)
        if (m.pronoun is None and m.end < len(folded) and folded[m.end] in self._demonstratives
                and first is not None and first.entry.kind == "agent"
                and not (m.actor.kind == "person" and m.actor.name)):
            agent = self.gaz.agent_words.get(first.entry.id)
            if agent is not None and agent.person:
                return dataclasses.replace(m, pronoun=DESCRIBED)
        return m

    # -- reading one sentence, token by token -------------------------------------------

    def _read_at(self, s: _Sentence, i: int) -> int:
        """Read what starts at token ``i`` into ``s.out``; return where reading goes on."""
        for read in (self._defined_name, self._pronoun_mention, self._initials_mention,
                     self._body_mention):
            j = read(s, i)
            if j is not None:
                return j
        m = s.at.get(i)
        if m is None:
            return self._unmatched_words(s, i)
        return self._matched_words(s, i, m)

    def _emit(self, s: _Sentence, i: int, j: int, actor: Actor, pronoun: str | None = None,
              *, weak: bool = False, body: Actor | None = None) -> int:
        """Add the mention of ``actor`` over tokens ``i:j`` to ``s.out``; return ``j``."""
        s.out.append(self._mention(s.words, s.starts, i, j, actor, pronoun, weak=weak,
                                   body=body))
        return j

    def _defined_name(self, s: _Sentence, i: int) -> int | None:
        """An unknown organisation defined with its acronym at ``i`` (see _defined_names)."""
        if i not in s.defined:
            return None
        j, name_end = s.defined[i]
        return self._emit(s, i, j, Actor(
            mention=" ".join(s.words[i:j]), span=(0, 0), name=" ".join(s.words[i:name_end]),
            kind="organization"), weak=True)

    def _pronoun_mention(self, s: _Sentence, i: int) -> int | None:
        """A pronoun at ``i``: an actor that coreference fills in later."""
        pron = self._pronoun(s.folded, i)
        if pron is None:
            return None
        j, kind = pron
        return self._emit(s, i, j, Actor(mention="", span=(0, 0), kind="generic", coref=True),
                          kind)

    def _initials_mention(self, s: _Sentence, i: int) -> int | None:
        """A person's initials at ``i``: an anonymous civilian."""
        if not self._initials(s.words, s.folded, i):
            return None
        # "pria berinisial JR ( 20 )", "berinisial AS" (no United States): an
        # anonymous civilian; the story's country is theirs
        return self._emit(s, i, i + 1, Actor(mention=s.words[i], span=(0, 0), sector="CVL"))

    def _body_mention(self, s: _Sentence, i: int) -> int | None:
        """A state body the gazetteer does not know at ``i``: a capitalised body noun and
        the names after it ("Dinas Perhubungan DKI Jakarta", "Ditjen Perkeretaapian"), up
        to a person or an organisation ("Biro Humas KPK": the bureau, then KPK); None where
        the gazetteer knows the name ("Badan Pusat Statistik") or no name follows."""
        words, folded, at, n = s.words, s.folded, s.at, s.n
        if folded[i] not in self._body_heads or not words[i][:1].isupper():
            return None
        m = at.get(i)
        if m is not None and (m.entry.kind != "agent" or m.end > i + 1):
            return None
        k = i + 1
        sector = "GOV"
        while k < n:
            hit = at.get(k)
            if k == i + 1 and folded[k] == "jenderal":
                k += 1  # "Direktorat Jenderal", "Inspektorat Jenderal": no general
            elif hit is not None and hit.entry.kind == "agent":
                agent = self.gaz.agent_words.get(hit.entry.id)
                if agent is None or agent.person or not _is_name_token(words[k]):
                    break  # a title: "Badan Litbang Kepala ..."
                k = hit.end  # a group noun inside the name: "Kementerian Urusan Rakyat"
            elif hit is not None:
                rec = self.gaz.entities[hit.entry.id]
                if rec.kind in ("person", "organization", "IGO"):
                    # the body it belongs to gives its sector: "Direktorat Lalu Lintas
                    # Polda Metro Jaya" is police
                    if rec.kind == "organization":
                        sector = rec.sector or sector
                    break
                k = hit.end  # a place or state in the name: "Dinas Sosial DKI Jakarta"
            elif _is_name_token(words[k]) or _acronym(words[k]) or (
                    folded[k] in self._org_joiners and k + 1 < n
                    and _is_name_token(words[k + 1]) and k + 1 not in at):
                k += 1  # "Dinas Pemuda dan Olahraga"
            else:
                break
        if k == i + 1:
            return None
        name = " ".join(words[i:k])
        # a variant of a known body's name: "Direktorat Jenderal Bea Cukai" (Bea dan Cukai)
        known = self.gaz.misspelt(name)
        return self._emit(s, i, k, self._known(known, s.date) if known is not None else Actor(
            mention="", span=(0, 0), name=name, kind="organization", sector=sector))

    def _unmatched_words(self, s: _Sentence, i: int) -> int:
        """Read at a token that starts no gazetteer match: a counted group, else a NER span
        (when NER is given) or an untitled name."""
        j = self._counted_group(s, i)
        if j is not None:
            return j
        if s.ner_at is not None:
            return self._ner_mention(s, s.ner_at, i)
        return self._bare_name_mention(s, i)

    def _counted_group(self, s: _Sentence, i: int) -> int | None:
        """A counted group of people at ``i`` (see _counted), or None."""
        j = self._counted(s.folded, s.at, i)
        if j <= i:
            return None
        # "menewaskan 15 orang": a group of civilians; its country comes later
        return self._emit(s, i, j, Actor(mention="", span=(0, 0), sector="CVL"))

    def _ner_mention(self, s: _Sentence, ner_at: dict[int, tuple[int, str]], i: int) -> int:
        """A NER span at ``i`` that overlaps no gazetteer match, else the next token."""
        j, label = ner_at.get(i, (i, ""))
        if j > i and not any(k in s.at for k in range(i, j)):
            name = " ".join(s.words[i:j]).replace(" - ", "-")
            kind = "person" if label == "PER" else "organization"
            return self._emit(s, i, j, Actor(
                mention="", span=(0, 0), name=name, kind=kind), weak=True)
        return i + 1

    def _bare_name_mention(self, s: _Sentence, i: int) -> int:
        """An untitled name at ``i`` (see _bare_name), else past a name that a common word
        opens (see _common_name), else the next token."""
        j = self._bare_name(s.words, s.folded, s.at, i)
        if j <= i:
            return max(i + 1, self._common_name(s.words, s.folded, s.at, i))
        name = " ".join(s.words[i:j]).replace(" - ", "-")
        # a misspelt or transliterated known name ("Ikhawanul Muslimin",
        # "Mevlut Cavusoglu") is that entity; otherwise an unknown person
        known = self.gaz.misspelt(name)
        bare = self._known(known, s.date) if known is not None else Actor(
            mention="", span=(0, 0), name=name, kind="person")
        return self._emit(s, i, j, bare, weak=known is None)

    def _matched_words(self, s: _Sentence, i: int, m: Match) -> int:
        """Read at the gazetteer match ``m`` starting at ``i``: skip it when it is part of
        another name, else read the group or the title chain it opens."""
        if m.entry.kind == "metonym" and self._branch(s.words, s.out, s.at, i):
            # "LBH Jakarta", "Kantor UNESCO Jakarta", "Real Madrid": a capital after a
            # body's name is where that body sits, not the state's government
            return m.end
        if self._party_organ(s.folded, s.at, m):
            # "DPD PDIP": the party's regional board is the party, read from its name
            return m.end
        served = self._principal(s.words, s.folded, s.at, m, s.date)
        if served is not None:
            # "tim hukum Prabowo-Hatta", "massa Prabowo-Hatta": a group named after the
            # one it serves is that group, of the principal's state
            j, group = served
            return self._emit(s, i, j, group)
        if self._part_of_other_name(s.words, s.at, m):
            # "Mega Kuningan", "Susi Air", "Bank Mega": a one-word alias inside a longer
            # capitalised name is not that person; the name is read as a whole
            j = self._bare_name(s.words, s.folded, {}, i)
            return max(j, m.end)
        return self._chain_mention(s, i, m)

    def _chain_mention(self, s: _Sentence, i: int, m: Match) -> int:
        """The actor of the chain of matches from ``m`` and the personal name after it
        ("Presiden Rusia Vladimir Putin"); return where the mention ends."""
        chain, j = self._title_chain(s, m)
        # a personal name after a title: "Presiden Rusia Vladimir Putin", "Menlu Retno",
        # also as an apposition: "Dubes Korut untuk PBB, Ja Song Nam"
        name_start = name_end = j
        if self._titled(chain) and not self._has_person(chain):
            name_start, name_end = self._title_name(s, chain, j)
        actor = self._resolve(chain, s.words, name_start, name_end, s.date)
        end = max(name_end, j)
        if actor is None:
            return end
        pron = self._states_referred(s, i, chain, actor, end)
        if pron is not None:
            # a sentence opening "(Ketiga) menteri luar negeri dari negara-negara
            # tersebut": that role of the states the pronoun refers to (not "menarik
            # duta besar dari negara itu", where the phrase follows its verb)
            return self._emit(s, i, pron[0], actor.model_copy(update={"coref": True}),
                              pron[1])
        body = self._title_body(chain, actor, s.date) if (
            actor.kind == "person" and actor.name) else None
        return self._emit(s, i, self._faction_end(s, actor, end), actor, body=body)

    def _title_body(self, chain: list[Match], person: Actor, date: dt.date | None
                    ) -> Actor | None:
        """The body a person's title names: the organisation in it ("Ketua KPK Agus
        Rahardjo": KPK), or the ministry of a minister's title ("Menlu Retno": the
        Ministry of Foreign Affairs of her state)."""
        c = self._chain_parts(chain)
        if c.org is not None and c.org.kind == "organization":
            return self._known(c.org, date)
        for a in c.agents:
            term = ministry_term(a.term)
            ministry = self.gaz.agent_words.get(term) if term is not None else None
            named = self.gaz.institution(ministry, person.country) if (
                ministry is not None and person.country) else None
            if named is not None and named[1] is not None:
                return self._known(self.gaz.entities[named[1]], date)
        return None

    def _title_chain(self, s: _Sentence, m: Match) -> tuple[list[Match], int]:
        """The matches that ``m`` and those following it compose, and where they end."""
        chain: list[Match] = [m]
        j = m.end
        while j < s.n:
            nxt = self._chain_next(s, chain, j)
            if nxt is None:
                break
            chain.append(nxt)
            j = nxt.end
        return chain, j

    def _chain_next(self, s: _Sentence, chain: list[Match], j: int) -> Match | None:
        """The match at or just after token ``j`` that continues ``chain``, or None."""
        at, folded = s.at, s.folded
        nxt = at.get(j)
        if nxt is None and folded[j] in self._former and chain[-1].entry.kind == "agent":
            # "tersangka mantan Sekretaris Jenderal ..., Waryono Karno": a former
            # office continues the description
            nxt = at.get(j + 1)
        if nxt is not None and self._person_at(at, nxt.start) and self._name_goes_on(s, nxt):
            # "Menteri Keuangan Rini Widyantini": a person's one-word alias that begins a
            # longer name is no match; the title's name is read whole
            return None
        if nxt is not None and self._can_follow(chain, nxt):
            return nxt
        # an office named in capitals inside a title, before its organisation:
        # "Kepala Manajemen PBB Jan Beagle", "Kepala Biro Penerangan Masyarakat
        # Divisi Humas Polri Kombes Mohammad Iqbal"
        skip = self._office_words(s.words, at, j, chain)
        if skip:
            return at[skip]
        # "utusan Kremlin untuk Afghanistan ...": an affiliation phrase inside a title
        if (folded[j] in self._of and j + 1 < s.n and at.get(j + 1) is not None
                and chain[0].entry.kind == "agent" and self._titled(chain)
                and at[j + 1].entry.kind != "agent"):
            return at[j + 1]
        return None

    def _title_name(self, s: _Sentence, chain: list[Match], j: int) -> tuple[int, int]:
        """Span of the personal name after a title chain ending at ``j`` (past the office
        words and the region of the title); a known person there joins ``chain``."""
        words, at = s.words, s.at
        k = j
        if k + 1 < s.n and words[k] == "," and (
                _is_name_token(words[k + 1]) or self._person_at(at, k + 1)):
            k += 1
        if self._person_at(at, k) and not self._name_goes_on(s, at[k]):
            chain.append(at[k])
            return at[k].end, at[k].end
        region = self._region_end(words, s.folded, self._office_end(s, k))
        name_end = self._title_name_end(s, region)
        if name_end == region:
            # no name after the region: the office alone ("Bupati Labuhanbatu
            # Utara"), a role of the story's state
            return region, region
        if (name_end == region + 1 and name_end + 2 < s.n
                and words[name_end] == "," and _is_name_token(words[name_end + 1])
                and _is_name_token(words[name_end + 2])
                and not self._person_at(at, region)):
            # "Direktur Jenderal Pajak, Hadi Poernomo": one capitalised word
            # of the office, then the person's name as an apposition
            return name_end + 1, self._apposed_name_end(s, name_end + 1)
        return region, name_end

    @staticmethod
    def _name_goes_on(s: _Sentence, m: Match) -> bool:
        """Whether a person's one-word alias begins a longer name that the gazetteer does
        not know: after "Menteri Keuangan", "Rini Widyantini" is not Rini Soemarno ("Rini")
        but a person of that whole name."""
        return (m.end - m.start == 1 and m.end < s.n and m.end not in s.at
                and _is_name_token(s.words[m.end]))

    def _office_end(self, s: _Sentence, k: int) -> int:
        """Past the capitalised common nouns from ``k`` that continue an office (and the
        comma after them when a name of two words follows), or ``k``."""
        # capitalised common nouns continue the office, not the name:
        # "Kejaksaan Tinggi Sumatera Utara", "Direktur Jenderal Pajak, Hadi
        # Poernomo" (the name then stands in apposition)
        words, n = s.words, s.n
        office = k
        while (office < n and office not in s.at and _is_name_token(words[office])
               and s.folded[office] in self._common):
            office += 1
        if office == k:
            return k
        return office + 1 if (
            office + 2 < n and words[office] == ","
            and _is_name_token(words[office + 1])
            and _is_name_token(words[office + 2])) else office

    def _title_name_end(self, s: _Sentence, start: int) -> int:
        """End of the name words (and joiners inside) from ``start`` after a title; a
        gazetteer match that is no person ends them."""
        words, folded, at, n = s.words, s.folded, s.at, s.n
        k = start
        # "Presiden Dewan", "mantan Menteri Hukum": capitalised common nouns of
        # a title are no name
        while k < n and folded[k] not in self._not_names and (
                _is_name_token(words[k]) or (
                    folded[k] in self._name_joiners and k > start and k + 1 < n
                    and _is_name_token(words[k + 1]))):
            if k in at and not self._person_at(at, k):
                break
            k += 1
        return k

    def _apposed_name_end(self, s: _Sentence, k: int) -> int:
        """End of the name words (and joiners inside) of an apposition from ``k``."""
        words, folded, n = s.words, s.folded, s.n
        while k < n and (_is_name_token(words[k]) or (
                folded[k] in self._name_joiners and k + 1 < n
                and _is_name_token(words[k + 1]))):
            k += 1
        return k

    def _states_referred(self, s: _Sentence, i: int, chain: list[Match], actor: Actor,
                         end: int) -> tuple[int, str] | None:
        """The pronoun of states after "dari" that a nameless role opening the sentence
        belongs to (its end and kind), or None."""
        if not (end + 1 < s.n and s.folded[end] == "dari" and actor.name is None and i <= 1
                and all(c.entry.kind == "agent" for c in chain)):
            return None
        pron = self._pronoun(s.folded, end + 1)
        return pron if pron is not None and pron[1] in _STATE_PRONOUNS else None

    @staticmethod
    def _faction_end(s: _Sentence, actor: Actor, end: int) -> int:
        """End of a party's faction named after the party's mention, or ``end``."""
        if actor.kind == "organization" and end + 1 < s.n and \
                s.folded[end] == "kubu" and _is_name_token(s.words[end + 1]):
            # "PPP kubu Djan Faridz": a party's faction acts as the party
            end += 1
            while end < s.n and _is_name_token(s.words[end]):
                end += 1
        return end


    def _region_end(self, words: Sequence[str], folded: Sequence[str], k: int) -> int:
        """Where a region named after a title ends, or ``k``: an Indonesian place
        (``place_at``), up to three capitalised words and the region words closing them
        ("Labuhanbatu Utara", "Nusa Tenggara Barat"), or region words right after a
        capitalised word of the title ("Kapolda Metro" + "Jaya"), whichever is longer."""
        n = len(words)
        # a place of the index: "Bupati Jepara", "Kapolda Sumut", "Gubernur Jawa Barat
        # Ridwan Kamil" (the name follows it)
        hit = self._place_at(words, k) if self._place_at is not None and k < n else None
        place = hit[0] if hit is not None and hit[1] == "IDN" else k
        x = k
        while (x < n and x - k < 3 and _is_name_token(words[x])
               and folded[x] not in self._region):
            x += 1
        if x >= n or folded[x] not in self._region or not words[x][:1].isupper() or (
                x == k and (k == 0 or not words[k - 1][:1].isupper())):
            return place
        while x < n and folded[x] in self._region and words[x][:1].isupper():
            x += 1
        return max(x, place)

    # -- what follows the reading -------------------------------------------------------

    @staticmethod
    def _titled_people(ms: list[Mention], words: Sequence[str]) -> list[Mention]:
        """A title and the name after it are one person, with the place or body the title
        is of between them: "Gubernur DKI Jakarta Anies Baswedan", "Bupati Halmahera Timur
        Rudi Erawan" (not a governor and, apart, a person). A name the gazetteer does not
        know takes the title's role. The name may stand in apposition, after a comma or
        the office's short form in brackets: "Wakil Gubernur DKI Jakarta, Sandiaga Uno",
        "Bupati Hulu Sungai Tengah, Kalimantan Selatan, Abdul Latif", "Menteri Keuangan
        (Menkeu) Sri Mulyani"."""
        out: list[Mention] = []
        k = 0
        while k < len(ms):
            a = ms[k]
            b = ms[k + 1] if k + 1 < len(ms) else None
            gap = words[a.end:b.start] if b is not None else []
            if (b is not None and a.pronoun is None and b.pronoun is None
                    and a.actor.kind == "person" and a.actor.name is None
                    and b.actor.kind == "person" and b.actor.name
                    and _apposition_gap(gap)):
                person = b.actor
                if person.id is None:
                    country = person.country or a.actor.country
                    person = person.model_copy(update={
                        "country": country, "sector": a.actor.sector,
                        "cameo": _cameo(country, a.actor.sector)})
                out.append(Mention(a.start, b.end, person.model_copy(update={
                    "span": (a.actor.span[0], b.actor.span[1])})))
                k += 2
                continue
            out.append(a)
            k += 1
        return out

    def _aliases(self, ms: list[Mention], words: Sequence[str], starts: Sequence[int]
                 ) -> list[Mention]:
        """A person's name, an alias word and another name are one mention of that person:
        "Andi Agustinus alias Andi Narogong", "Sudiwardono alias SDW". The gazetteer's
        person where it knows either name, else a person named by both (so that either
        name later in the story is the same person)."""
        out: list[Mention] = []
        k = 0
        while k < len(ms):
            a = ms[k]
            b = ms[k + 1] if k + 1 < len(ms) else None
            if (b is not None and a.pronoun is None and b.pronoun is None
                    and a.actor.kind == "person" and a.actor.name
                    and (b.actor.kind == "person" or _initials_like(words[b.start]))
                    and b.start == a.end + 1 and fold(words[a.end]) in self._alias):
                person = a.actor if a.actor.id or not b.actor.id else b.actor
                if person.id is None:
                    name = " ".join(words[a.start:b.end])
                    head = a.actor.name.split()[0]
                    if not name.startswith(head):
                        # a title before the name: "Bupati ... Sudiwardono alias SDW"
                        name = f"{a.actor.name} {' '.join(words[a.end:b.end])}"
                    person = person.model_copy(update={"name": name})
                out.append(self._mention(words, starts, a.start, b.end, person, None))
                k += 2
                continue
            out.append(a)
            k += 1
        return out

    def _located(self, ms: list[Mention], words: Sequence[str], folded: Sequence[str]
                 ) -> list[Mention]:
        """Mark the mentions named as a location behind a place preposition and other
        capitalised names that are no mention ("di Hamburg Jerman")."""
        out = []
        for m in ms:
            # names, acronyms ("di KTT G20 , Hamburg , Jerman"), and a comma only between a
            # place and its state: "di Kabul , Afghanistan", not "di
            # Ghouta Timur , enam orang lainnya tewas" or "Di Washington , AS menegaskan"
            state = m.actor.kind == "state" and m.actor.sector is None
            k = m.start - 1
            while k >= 0 and ((words[k][:1].isupper() and words[k].isalnum())
                              or (words[k] == "," and state)):
                k -= 1
            if (0 < k < m.start - 1 and folded[k] in self._place_prep
                    and words[k + 1] != ","):
                m = dataclasses.replace(m, place=True)
            out.append(m)
        return out

    def _shared_role(self, ms: list[Mention], folded: Sequence[str]) -> list[Mention]:
        """A role before coordinated states belongs to each: "pasukan Pakistan dan India"
        are Pakistan's and India's forces."""
        for k in range(1, len(ms)):
            a, b = ms[k - 1], ms[k]
            if (a.actor.kind == "state" and a.actor.sector and b.actor.kind == "state"
                    and b.actor.sector is None and b.pronoun is None
                    and b.start == a.end + 1 and folded[a.end] in self._conj):
                sector = a.actor.sector
                ms[k] = Mention(b.start, b.end, b.actor.model_copy(update={
                    "sector": sector, "cameo": _cameo(b.actor.country, sector)}), None, b.weak)
        return ms

    def _origins(self, ms: list[Mention], folded: Sequence[str]) -> list[Mention]:
        """A state that says where someone comes from takes no part, and gives its
        country to the people named right before it: "warga asal Mozambik" are
        Mozambicans; "Robson , warga asal Mozambik , diringkus polisi" arrests Robson."""
        out: list[Mention] = []
        for m in ms:
            if (m.actor.kind == "state" and m.actor.sector is None and m.pronoun is None
                    and m.start > 0 and folded[m.start - 1] in self._origin):
                prev = out[-1] if out else None
                if (prev is not None and prev.end == m.start - 1 and prev.pronoun is None
                        and prev.actor.country is None and prev.actor.kind != "organization"):
                    sector = prev.actor.sector
                    out[-1] = dataclasses.replace(prev, actor=prev.actor.model_copy(update={
                        "country": m.actor.country,
                        "cameo": _cameo(m.actor.country, sector)}))
                continue
            out.append(m)
        return out

    def _predicate(self, folded: Sequence[str], m: Mention) -> bool:
        """Whether ``m`` is a nameless role that says what someone is: "ditahan sebagai
        tersangka", "Keduanya jadi tersangka" (not who took part)."""
        return (m.actor.name is None and m.pronoun is None and m.start > 0
                and folded[m.start - 1] in self._predicative)

    def _stance(self, folded: Sequence[str], i: int) -> bool:
        if i >= 2 and folded[i - 1] == "-" and folded[i - 2] in self._stance_words:
            return True
        return i >= 1 and folded[i - 1] in self._stance_words

    def short_forms(
        self, words: Sequence[str], starts: Sequence[int], found: list[Mention],
        seen: dict[str, Actor],
    ) -> list[Mention]:
        """Add mentions for short forms of people named in the document (their names
        recorded in ``seen`` by :meth:`remember_names`).

        "Menteri BUMN Rini Soemarno ... Rini mengatakan ...": "Rini" is the same person. Only
        name parts of three or more letters, capitalised, and not already in a mention count.
        """
        covered = {k for m in found for k in range(m.start, m.end)}
        out = []
        for m in found:
            # "Jaksa Agung Prasetyo ... meminta bantuan Jaksa Agung": a title alone names the
            # person who bore it earlier in the story
            a = m.actor
            key = self._title_key(words, m)
            if key and a.kind == "person" and m.pronoun is None:
                if a.name is None and a.id is None and key in seen and (
                        a.country in (None, seen[key].country)):
                    m = dataclasses.replace(m, actor=seen[key].model_copy(
                        update={"mention": a.mention, "span": a.span}), pronoun=None)
                elif a.name is not None:
                    seen[key] = a  # the latest bearer of the title
            elif m.weak and m.end - m.start == 1 and a.name in seen and seen[a.name] != a:
                # "kata Iqbal" after "Kombes Mohammad Iqbal": the lone name is that person
                m = dataclasses.replace(m, actor=seen[a.name].model_copy(
                    update={"mention": a.mention, "span": a.span}), pronoun=None, weak=False)
            out.append(m)
        for k, w in enumerate(words):
            if k in covered or not (_is_name_token(w) or _acronym(w)) or (
                    len(w) < 3 and not _initials_like(w)):
                continue
            actor = seen.get(w)
            if actor is not None:
                out.append(Mention(k, k + 1, actor.model_copy(
                    update={"span": (starts[k], starts[k] + len(w))})))
        return sorted(out, key=lambda m: m.start)

    @staticmethod
    def remember_names(found: Sequence[Mention], seen: dict[str, Actor]) -> None:
        """Record the name parts of the people in ``found`` for :meth:`short_forms` (the
        first person named with a part keeps it)."""
        for m in found:
            a = m.actor
            if a.kind == "generic" and a.sector == "CVL" and _initials_like(a.mention):
                seen.setdefault(a.mention, a)  # "JR" later in the story is the same person
            if a.kind == "organization" and a.id is None and a.mention.endswith(")"):
                # "Himpunan Mahasiswa Islam (HMI)": later "HMI" is the same body
                seen.setdefault(a.mention.rsplit("(", 1)[-1].strip(" )"), a)
            if a.kind == "person" and a.name and m.pronoun is None:
                for part in a.name.replace("-", " ").split():
                    if len(part) >= 2 and part[0].isupper():
                        seen.setdefault(part, a)

    # -- helpers ------------------------------------------------------------------------

    def _known(self, rec: GazetteerRecord, date: dt.date | None) -> Actor:
        """The actor of a gazetteer record (a person's country and sector on ``date``)."""
        country, sector = (self.gaz.role_on(rec, date) if rec.kind == "person"
                           else (rec.country, rec.sector))
        return Actor(mention="", span=(0, 0), name=rec.name, id=rec.id, country=country,
                     sector=sector, kind=rec.kind, cameo=rec.cameo)

    def _title_key(self, words: Sequence[str], m: Mention) -> str | None:
        """The person-title words a mention starts with ("title:jaksa agung"), or None."""
        hits = self.gaz.match(words[m.start:m.end])
        title = [h for h in hits if h.entry.kind == "agent"
                 and self.gaz.agent_words[h.entry.id].person]
        if not title or title[0].start != 0:
            return None
        return "title:" + " ".join(h.entry.id for h in title)

    def _counted(self, folded: Sequence[str], at: dict[int, Match], i: int) -> int:
        """End of "<number> <classifier>" at ``i`` ("15 orang", "dua puluh orang") when no
        role word follows ("tiga orang terduga teroris" are the suspects), else ``i``."""
        k = i
        while k < len(folded) and (folded[k] in self._numerals or (
                folded[k][:1].isdigit() and folded[k].replace(".", "").isdigit())):
            k += 1
        if k == i or k >= len(folded) or folded[k] not in self._counters:
            return i
        return i if k + 1 in at else k + 1

    def _principal(self, words: Sequence[str], folded: Sequence[str], at: dict[int, Match],
                   m: Match, date: dt.date | None) -> tuple[int, Actor] | None:
        """End and actor of "<group word> <principal>" ("tim hukum Prabowo", "pendukung
        Jokowi"), or None when ``m`` is no such word or no name follows it."""
        if m.entry.kind != "agent":
            return None
        aw = self.gaz.agent_words[m.entry.id]
        if not aw.principal or m.end >= len(words):
            return None
        nxt = at.get(m.end)
        if nxt is not None and nxt.entry.kind == "entity":
            rec = self.gaz.entities[nxt.entry.id]
            if rec.kind != "person":
                return None  # "simpatisan ISIS", "pendukung Rusia": the body itself acts
            country = self.gaz.role_on(rec, date)[0]
            end = nxt.end
        else:
            end = self._bare_name(words, folded, at, m.end)
            if end == m.end:
                return None
            country = None
        # "Prabowo-Hatta": a ticket of two names is one principal
        while end + 1 < len(words) and words[end] == "-" and end + 1 in at:
            end = at[end + 1].end
        return end, Actor(mention="", span=(0, 0), name=None, country=country,
                          sector=aw.sector, kind="generic", cameo=_cameo(country, aw.sector))

    def _defined_names(self, words: Sequence[str], at: dict[int, Match]
                       ) -> dict[int, tuple[int, int]]:
        """Organisations the gazetteer does not know, defined with their acronym: "Himpunan
        Mahasiswa Islam (HMI)" → start → (end after the parenthesis, end of the name)."""
        out: dict[int, tuple[int, int]] = {}
        for p in range(2, len(words) - 2):
            acr = words[p + 1]
            if words[p] != "(" or words[p + 2] != ")" or not _acronym(acr):
                continue
            k = p
            while k > 0 and p - k < 8 and (_is_name_token(words[k - 1]) or (
                    words[k - 1].islower() and words[k - 1] in self._org_joiners
                    and k < p)):
                k -= 1
            while k < p and not _is_name_token(words[k]):
                k += 1
            initials = "".join(w[0] for w in words[k:p] if _is_name_token(w)).upper()
            if p - k < 2 or initials != acr.upper():
                continue
            m = at.get(k)
            if m is not None and m.end >= p:
                continue  # the gazetteer knows it ("Komisi Pemilihan Umum (KPU)")
            out[k] = (p + 3, p)
        return out

    def _pronoun(self, folded: Sequence[str], i: int) -> tuple[int, str] | None:
        if folded[i] not in self._pron_first:
            return None
        for k in range(min(self._pron_max, len(folded) - i), 0, -1):
            kind = self._pronouns.get(tuple(folded[i:i + k]))
            if kind:
                return i + k, kind
        return None

    def _mention(
        self, words: Sequence[str], starts: Sequence[int], i: int, j: int,
        actor: Actor, pronoun: str | None, *, weak: bool = False, body: Actor | None = None,
    ) -> Mention:
        a = starts[i]
        b = starts[j - 1] + len(words[j - 1])
        return Mention(i, j, actor.model_copy(update={"span": (a, b)}),
                       pronoun, weak, body=body)

    def _part_of_other_name(self, words: Sequence[str], at: dict[int, Match],
                            m: Match) -> bool:
        """Whether a one-word alias of a person sits inside a longer capitalised name."""
        rec = self.gaz.entities.get(m.entry.id) if m.entry.kind == "entity" else None
        if rec is None or rec.kind != "person" or m.end - m.start != 1:
            return False
        nxt = m.end < len(words) and m.end not in at and _is_name_token(words[m.end])
        prev = m.start > 1 and _is_name_token(words[m.start - 1])
        return nxt or prev

    def _party_organ(self, folded: Sequence[str], at: dict[int, Match], m: Match) -> bool:
        """Whether ``m`` names one of a party's boards right before the party ("DPD PDIP",
        "DPP Golkar"): the board is the party, not the body of the same short name."""
        nxt = at.get(m.end)
        if nxt is None or " ".join(folded[m.start:m.end]) not in self._party_organs:
            return False
        rec = self.gaz.entities.get(nxt.entry.id)
        return rec is not None and rec.sector == "PTY"

    def _can_follow(self, chain: list[Match], nxt: Match) -> bool:
        kinds = [c.entry.kind for c in chain]
        if nxt.entry.kind == "agent":
            # "Wakil Presiden", "Menteri Luar Negeri AS" are single agents; an agent after an
            # entity only continues a title ("Kapolri Jenderal ...") when a title started it
            return kinds[-1] == "agent"
        rec = self.gaz.entities.get(nxt.entry.id)
        if rec is not None and rec.kind == "person":
            # "Presiden Joko Widodo": a person after a title; "Bank Mega" is no person;
            # "rezim Kim Jong-un": a government named by its leader
            return self._titled(chain) or self._regime(chain)
        if kinds[-1] == "agent":
            return True
        # entity after entity: a state after an institution's short name ("Kemlu China":
        # China's foreign ministry)
        if rec is None:
            return False
        prev = self.gaz.entities.get(chain[-1].entry.id)
        if rec.kind == "state" and prev is not None and prev.kind == "generic" and (
                kinds[0] == "agent"):
            return True  # "pasukan Kurdi Suriah": a people's force in one state
        return (rec.kind == "state" and prev is not None and prev.kind == "organization"
                and nxt.entry.kind == "entity" and len(chain) <= 2)

    @staticmethod
    def _ner_tokens(words: Sequence[str], starts: Sequence[int],
                    entities: Sequence[tuple[int, int, str]]) -> dict[int, tuple[int, str]]:
        """PER/ORG spans as token ranges: start token → (end token, label)."""
        index = {c: k for k, c in enumerate(starts)}
        out: dict[int, tuple[int, str]] = {}
        for a, b, label in entities:
            if label not in ("PER", "ORG") or a not in index:
                continue
            i = index[a]
            j = i
            while j < len(words) and starts[j] < b:
                j += 1
            if j > i:
                out[i] = (j, label)
        return out

    def _bare_name(self, words: Sequence[str], folded: Sequence[str], at: dict[int, Match],
                   i: int) -> int:
        """End of an untitled personal name starting at ``i`` ("Hendrawan", "Taufiq Kiemas"),
        or ``i``. Capitalised words that the gazetteer does not know, not after a locative
        preposition ("di Bandung"), not a sentence-initial single word ("Sebelumnya")."""
        if not self.bare_names or not _is_name_token(words[i]):
            return i
        if i > 0 and folded[i - 1] in self._places:
            return i
        if folded[i] in self._common:
            return i
        k = self._name_run(words, folded, at, i)
        hit = self._place_at(words, i) if self._place_at is not None else None
        if hit is not None and hit[0] >= k:
            return i  # a place of the index: "mengakui Yerusalem sebagai ibu kota"
        # two words at least: a lone capitalised word is too often a place, a firm or the
        # start of a sentence; later short forms are linked by short_forms()
        if k - i < 1 or (k - i < 2 and not self._name_slot(words, folded, i)) or (
                k < len(words) and k in at and at[k].entry.kind != "agent"):
            return i
        return k

    def _name_run(self, words: Sequence[str], folded: Sequence[str], at: dict[int, Match],
                  i: int) -> int:
        """End of the run of capitalised words (and joiners) from ``i`` that no gazetteer
        match interrupts."""
        k = i
        while k < len(words) and k not in at and (
                (_is_name_token(words[k]) and folded[k] not in self._not_names)
                or (folded[k] in self._name_joiners and k > i and k + 1 < len(words)
                    and _is_name_token(words[k + 1]))):
            if words[k] == "-" and k - i >= 2 and self._name_run(words, folded, at, k + 1
                                                                 ) - k > 2:
                # a hyphen between two names of two words or more joins a ticket of two
                # people: "pasangan Dodi Reza Alex - Giri Ramanda" (not "Alex Oxlade -
                # Chamberlain" or "Hans - Peter Schaller", one person each)
                break
            k += 1
        return k

    def _common_name(self, words: Sequence[str], folded: Sequence[str], at: dict[int, Match],
                     i: int) -> int:
        """End of a capitalised name opened by a common word, or ``i``: such a name is an
        event, an office or a place, no person, and none of its words starts a name either
        ("menghadiri Pameran Kaligrafi Nusantara", "ditahan di Kelurahan Lingkar")."""
        if not self.bare_names or folded[i] not in self._common or not _is_name_token(
                words[i]):
            return i
        return self._name_run(words, folded, at, i)

    @staticmethod
    def _branch(words: Sequence[str], out: Sequence[Mention], at: dict[int, Match], i: int
                ) -> bool:
        """Whether the metonym at ``i`` follows the name of a body: an organisation or IGO
        mention, or an acronym or capitalised word (not the sentence's first) that starts
        no gazetteer match."""
        if i == 0:
            return False
        if out and out[-1].end == i and out[-1].actor.kind in ("organization", "IGO"):
            return True
        prev = words[i - 1]
        return i - 1 > 0 and (i - 1) not in at and (_acronym(prev) or _is_name_token(prev))

    def _initials(self, words: Sequence[str], folded: Sequence[str], i: int) -> bool:
        """Whether ``words[i]`` is a person's initials: capitals after "berinisial", or
        before an age in brackets ("YIK ( 31 )")."""
        if not _initials_like(words[i]):
            return False
        if i > 0 and (folded[i - 1] in self._initials_markers or folded[i - 1] in self._alias):
            return True
        return (i + 3 < len(words) and words[i + 1] == "(" and words[i + 2].isdigit()
                and len(words[i + 2]) <= 2 and words[i + 3] == ")")

    def _name_slot(self, words: Sequence[str], folded: Sequence[str], i: int) -> bool:
        """Whether a lone capitalised word at ``i`` stands where only a name can: after a
        speech verb or a preposition of persons ("kata Burhanuddin", "bertemu dengan
        Hitler"), or as a subject between a comma or clause start and a verb ("namun
        Augustus menolak", ", Hendrawan kemudian menyebut")."""
        if folded[i] in self._not_names:
            return False
        if i + 1 < len(words) and _is_name_token(words[i + 1]):
            return False  # "dengan Eropa Timur": part of a longer name that is no person
        if i > 0 and folded[i - 1] in self._name_before:
            return True
        if (i > 0 and folded[i - 1] in self._alias) or (
                i + 1 < len(words) and folded[i + 1] in self._alias):
            return True  # "Reno Suharsono alias Kholid", "Sudiwardono alias SDW"
        if i > 0 and i + 1 < len(words) and folded[i + 1] == "sebagai" and verb_like(
                folded[i - 1]):
            return True  # "menetapkan Waryono sebagai tersangka"
        if i == 0 or not (words[i - 1] == "," or folded[i - 1] in self._name_after):
            return False
        k = i + 1
        while k < len(words) and k < i + 3 and folded[k] in self._name_after:
            k += 1
        return k < len(words) and verb_like(folded[k])

    def _office_words(self, words: Sequence[str], at: dict[int, Match], j: int,
                      chain: list[Match]) -> int:
        """Position of the organisation after up to four capitalised office words that
        follow a title, or 0."""
        if not self._titled(chain) or chain[-1].entry.kind != "agent":
            return 0
        k = j
        while k < len(words) and k - j < 4 and k not in at and (
                _is_name_token(words[k]) or _acronym(words[k])):
            k += 1  # "Ketua Umum DPP Partai Nasdem": DPP is the party's central board
        m = at.get(k)
        if k > j and m is not None and m.entry.kind != "agent" and (
                self.gaz.entities[m.entry.id].kind not in ("person", "state")):
            return k
        return 0

    def _person_at(self, at: dict[int, Match], k: int) -> bool:
        m = at.get(k)
        return m is not None and m.entry.kind == "entity" and gaz_kind(
            self.gaz, m.entry.id) == "person"

    def _regime(self, chain: list[Match]) -> bool:
        return len(chain) == 1 and chain[0].entry.kind == "agent" and self.gaz.agent_words[
            chain[0].entry.id].regime

    def _titled(self, chain: list[Match]) -> bool:
        for c in chain:
            if c.entry.kind == "agent":
                aw = self.gaz.agent_words.get(c.entry.id)
                if aw is not None and aw.person:
                    return True
        return False

    def _has_person(self, chain: list[Match]) -> bool:
        return any(
            c.entry.kind == "entity" and self.gaz.entities[c.entry.id].kind == "person"
            for c in chain
        )

    def _resolve(
        self, chain: list[Match], words: Sequence[str], j: int, name_end: int,
        date: dt.date | None,
    ) -> Actor | None:
        """The actor of a chain of matches and the personal name ``words[j:name_end]``."""
        c = self._chain_parts(chain)
        org = c.org
        if org is not None and org.kind == "generic" and c.sector in _ARMED:
            return self._armed_people(c.state, org)
        name_text = " ".join(words[j:name_end]).replace(" - ", "-") if name_end > j else None
        if c.person is not None:
            return self._titled_person(c, c.person, date)
        if name_text:
            return self._titled_name(c, name_text, date)
        if org is not None:
            if org.kind == "state":
                return self._state_role(c, org, date)
            return self._body_role(c, org)
        if c.agents:
            # "Kapolri" alone is Indonesia's police chief, whatever state the story is about
            country = c.agents_country
            return Actor(mention="", span=(0, 0), name=None, country=country, sector=c.sector,
                         kind="person" if c.agents[0].person else "generic",
                         cameo=_cameo(country, c.sector) if country else None)
        return None

    def _chain_parts(self, chain: list[Match]) -> _ChainParts:
        """The agent words, person, body, state and sector of a chain of matches."""
        gaz = self.gaz
        agents = [gaz.agent_words[c.entry.id] for c in chain if c.entry.kind == "agent"]
        ents: list[tuple[Match, GazetteerRecord]] = [
            (c, gaz.entities[c.entry.id]) for c in chain if c.entry.kind != "agent"
        ]
        person = next((r for _, r in ents if r.kind == "person"), None)
        org = next((r for _, r in ents if r.kind != "person"), None)
        org_match = next((c for c, r in ents if r.kind != "person"), None)
        state = next((r for _, r in ents if r.kind == "state"), None)
        # Indonesian noun phrases are head-first: "pasukan rezim" (MIL), "juru bicara
        # militer" (GOV), "Kapolri Jenderal X" (COP, whatever rank follows the title)
        sector = next((a.sector for a in agents if a.sector), None)
        if org is not None and org.kind == "organization" and state is not None:
            # "Kemlu China": that state's institution of the same kind
            sector = sector or org.sector
            kind = gaz.institution_kind(org)
            if kind is not None:
                agents = [*agents, kind]
            org, org_match = state, next(c for c, r in ents if r is state)
        return _ChainParts(agents, person, org, org_match, state, sector)

    @staticmethod
    def _armed_people(state: GazetteerRecord | None, org: GazetteerRecord) -> Actor:
        """A people's armed force: a rebel group of the state named, else of the people's."""
        # "pasukan Kurdi Suriah", "milisi Kurdi": a people's armed force is a rebel
        # group of the state named, else of the people's state
        return Actor(mention="", span=(0, 0), name=None,
                     country=state.country if state is not None else org.country,
                     sector="REB", kind="generic", cameo=_cameo(
                         state.country if state is not None else org.country, "REB"))

    def _titled_person(self, c: _ChainParts, person: GazetteerRecord,
                       date: dt.date | None) -> Actor:
        """A known person in a chain, or the state a regime word names by its leader."""
        gaz = self.gaz
        country, psector = gaz.role_on(person, date)
        ruled = gaz.entities.get(country) if country else None
        if any(a.regime for a in c.agents) and ruled is not None and ruled.kind == "state":
            return Actor(mention="", span=(0, 0), name=ruled.name, id=ruled.id,
                         country=ruled.country, sector=c.sector, kind="state",
                         cameo=_cameo(ruled.cameo or ruled.country, c.sector))
        org = c.org
        return Actor(
            mention="", span=(0, 0), name=person.name, id=person.id,
            country=(org.country if org and org.kind == "state" else country) or country,
            sector=c.sector or psector, kind="person", cameo=person.cameo,
        )

    def _titled_name(self, c: _ChainParts, name_text: str, date: dt.date | None) -> Actor:
        """The person a name after a title is: a known one written another way, or an
        unknown one of the title's state and sector."""
        gaz, org = self.gaz, c.org
        country = org.country if org else c.agents_country
        sector = c.sector or (org.sector if org is not None and org.kind != "state" else None)
        known = gaz.fuzzy(name_text)
        if known is not None and known.kind == "person":
            kc, ks = gaz.role_on(known, date)
            return Actor(mention="", span=(0, 0), name=known.name, id=known.id,
                         country=country or kc, sector=sector or ks, kind="person",
                         cameo=known.cameo)
        return Actor(mention="", span=(0, 0), name=name_text, country=country,
                     sector=sector, kind="person",
                     cameo=_cameo(country, sector))

    def _state_role(self, c: _ChainParts, org: GazetteerRecord, date: dt.date | None
                    ) -> Actor:
        """A role of a state with no name: the holder of its office on ``date``, a person
        of the state, its institution by name, or the state in that sector."""
        gaz = self.gaz
        metonym_sector = c.org_match.entry.sector if c.org_match else None
        office = next((a.office for a in c.agents if a.office), None)
        person_word = any(a.person for a in c.agents)
        sec = c.sector or metonym_sector
        if office:
            holder = gaz.holder(office, org.country, date)
            if holder is not None:
                return Actor(mention="", span=(0, 0), name=holder.name, id=holder.id,
                             country=org.country, sector=sec, kind="person",
                             cameo=holder.cameo)
        if person_word:
            return Actor(mention="", span=(0, 0), name=None, country=org.country,
                         sector=sec, kind="person", cameo=_cameo(org.country, sec))
        # "Kementerian Luar Negeri Turki": Turkey's foreign ministry by its name
        inst = next((a for a in c.agents if a.institution), None)
        named = gaz.institution(inst, org.id) if inst is not None else None
        if named is not None:
            return Actor(mention="", span=(0, 0), name=named[0], id=named[1],
                         country=org.country, sector=sec, kind="organization",
                         cameo=_cameo(org.country, sec))
        return Actor(mention="", span=(0, 0), name=org.name, id=org.id,
                     country=org.country, sector=sec, kind="state",
                     cameo=_cameo(org.cameo or org.country, sec))

    @staticmethod
    def _body_role(c: _ChainParts, org: GazetteerRecord) -> Actor:
        """A body or a people in the role of the chain's words, if they give one."""
        # a people takes the role of the noun that heads it: "pengungsi Rohingya" are
        # refugees (REF), "warga Rohingya" civilians; a body keeps its own ("anggota Hamas")
        own = (c.sector or org.sector) if org.kind == "generic" else (org.sector or c.sector)
        return Actor(mention="", span=(0, 0), name=org.name, id=org.id, country=org.country,
                     sector=own, kind=org.kind,
                     cameo=_cameo(org.country, own) if own != org.sector else org.cameo)


def gaz_kind(gaz: Gazetteer, entity_id: str) -> str:
    """The kind of a gazetteer entity."""
    return gaz.entities[entity_id].kind


def _cameo(country: str | None, sector: str | None) -> str | None:
    if not country:
        return None
    base = country[:3]
    return base + sector if sector and not country.endswith(sector) else country
