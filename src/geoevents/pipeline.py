"""The geoevents pipeline: a spaCy ``Language`` whose stages are registered components.

Stages (each a ``Language.factory``): news segmentation and dateline → sentences → actor
mentions → date expressions → event rules → reference and alias resolution. All state lives
on the :class:`Pipeline` object and its ``nlp``; the data files are loaded once per process
and shared (see :mod:`geoevents.resources`).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from . import errors
from .actors import ActorRecognizer, Mention
from .clean import LanguageCheck, load_language_rules, looks_like_html, working_view
from .confidence import Confidence, ConfidenceModel, load_confidence_model
from .dates import DateResolver, load_date_rules
from .events import EventEngine, RawEvent
from .frame import extract_frame
from .gazetteer import Gazetteer, fold
from .inputs import check_text, forget_tokenizers, share_tokenizer, tokenize_words
from .lexicon import Grammar, Lexicon, TriggerHit, load_grammar
from .location import SentenceView, load_locator
from .models import (
    Action,
    Actor,
    DateMention,
    Document,
    Event,
    Granularity,
    Location,
    Sentence,
)
from .models_nlp.loading import load_model
from .ner import ner_token_spans
from .places import PlaceRules, PlaceSpan, load_place_rules, load_places
from .ranker import Ranker, RankerModel, load_ranker_model
from .resources import (
    cached,
    cameo_info,
    data_key,
    default_gazetteer_files,
    default_trigger_files,
    gazetteer_dir,
    load_common_words,
    load_genre_words,
    load_morphology,
    load_not_verbs,
    read_agents,
    read_index,
    read_model,
    read_records,
    read_triggers,
    save_index,
    save_model,
)
from .schemas import AgentWord, GazetteerRecord
from .spans import STATE, register_extensions, write_results
from .stanza_adapter import StanzaParser, find_models
from .text import Segment, Segmenter, load_text_rules

EXT = STATE


@dataclass
class _State:
    """Per-document working state, kept on ``doc._.geoevents``."""

    published: dt.date | None
    published_source: str
    published_text: str | None = None
    text: str = ""
    """The caller's text."""
    view: str = ""
    """The same-length working view the Doc was built on (``doc.text`` is slow to rebuild)."""
    language: str = "id"
    warnings: tuple[str, ...] = ()
    segments: list[Segment] | None = None
    tokens: list[tuple[list[str], list[int]]] | None = None
    """Per segment: the texts and character offsets of its content tokens."""
    parses: list[tuple[list[int], list[str]] | None] | None = None
    """Per segment, with a parser: each content token's head (index in the segment, -1 for
    none) and its UD relation; None until the event rules ask for it through ``parse_at``."""
    parse_at: Callable[[int], tuple[list[int], list[str]] | None] | None = None
    mentions: list[list[Mention]] | None = None
    story_country: str | None = None
    """The state the story is about (:meth:`ActorStage._story_country`)."""
    dates: list[list[DateMention]] | None = None
    raw: list[list[RawEvent]] | None = None
    resolved: dict[int, dict[int, list[Actor]]] | None = None
    """Per segment index, each mention's actors after reference resolution (by ``id``)."""
    events: list[Event] | None = None
    event_features: list[tuple[str, ...]] | None = None
    """Per event, the features its confidence was computed from (:mod:`geoevents.confidence`)."""


def _state(doc: Doc) -> _State:
    st = doc._.get(EXT)
    if st is None:
        st = _State(None, "none")
        doc._.set(EXT, st)
    return st  # type: ignore[no-any-return]


# -- shared resources ---------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def load_gazetteer(extra: tuple[str, ...] = (), *, lang: str = "id") -> Gazetteer:
    """The default gazetteer with ``extra`` files merged over it (cached by paths in the
    process, and compiled once per content of the files: :func:`resources.cached`)."""
    files = [*default_gazetteer_files(), *(Path(p) for p in extra)]
    agents = gazetteer_dir() / "agents.jsonl"

    def build() -> Gazetteer:
        return Gazetteer(read_records(files), read_agents(agents),
                         functools.partial(tokenize_words, lang))

    return cached(data_key("gazetteer", [*files, agents], lang), build)


@functools.lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The trigger lexicon with ``extra`` trigger files added (cached by paths)."""
    files = [*default_trigger_files(), *(Path(p) for p in extra)]
    g = load_grammar()
    function = [*g.prepositions, *g.determiners, *g.conditional, *g.clause_boundaries,
                *g.coordinators, *g.negation, *g.intent]
    return cached(data_key("lexicon", files, *function),
                  lambda: Lexicon(read_triggers(files), function_words=function))


def clear_cache() -> None:
    """Forget loaded data files (after editing them in a running session)."""
    for f in (load_gazetteer, load_lexicon, load_grammar, load_text_rules, load_date_rules,
              load_language_rules, load_places, load_place_rules, load_common_words,
              load_genre_words, load_morphology, load_not_verbs):
        f.cache_clear()
    forget_tokenizers()


def _place_at(words: Sequence[str], k: int) -> tuple[int, str] | None:
    """Where a place of the index named at ``words[k]`` ends, and its state (the index is
    loaded when a name first asks)."""
    hit = load_places().at(words, k)
    return (hit[0], hit[1].country) if hit is not None else None


# -- components ---------------------------------------------------------------------------


class NewsSegmenter:
    """Stage 1: boilerplate, dateline, publication date and sentence boundaries."""

    def __init__(self) -> None:
        self.segmenter = Segmenter(load_text_rules())
        self.dates = DateResolver(load_date_rules())

    def __call__(self, doc: Doc) -> Doc:
        st = _state(doc)
        if st.published is None and doc._.published is not None:
            # a spaCy user's Doc: "doc._.published" gives the publication date
            st.published, st.published_source = parse_published(doc._.published), "caller"
        if not st.view:
            st.view = st.text = doc.text
        view = st.view
        st.segments = self.segmenter(view)
        if st.published is None:
            found = self.dates.find_published(view)
            if found is not None:
                st.published, _, (a, b) = found
                st.published_text = (st.text or view)[a:b]  # the caller's characters
                st.published_source = "dateline"
        # token offsets, lengths and spaces in bulk: creating a Token object per word is the
        # costliest part of reading a Doc (the Doc is built on ``view``, so its texts are
        # slices of it)
        arr = doc.to_array([IDX, LENGTH, IS_SPACE]) if len(doc) else numpy.zeros((0, 3))
        idx = arr[:, 0].tolist()
        lengths = arr[:, 1].tolist()
        space = arr[:, 2].tolist()
        st.tokens = []
        for seg in st.segments:
            lo, hi = bisect.bisect_left(idx, seg.content_start), bisect.bisect_left(idx, seg.end)
            keep = [i for i in range(lo, hi) if not space[i]]
            st.tokens.append(([view[idx[i]:idx[i] + lengths[i]] for i in keep],
                              [idx[i] for i in keep]))
        if len(doc):
            # one bulk write: setting Token.is_sent_start one by one is quadratic
            first = numpy.isin(arr[:, 0], numpy.array([s.start for s in st.segments]))
            first[0] = True
            flags = numpy.where(first, 1, -1).astype("int64").reshape(-1, 1).astype("uint64")
            doc.from_array([SENT_START], flags)  # type: ignore[arg-type]
        return doc


class ActorStage:
    """Stage 3: actor mentions from the gazetteer, agent words and titles.

    Its data (the compiled gazetteer, the trigger lexicon, the grammar) is read from the
    package when first needed, or from a saved pipeline's folder by :meth:`from_disk`.
    """

    def __init__(self, gazetteer: Sequence[str], bare_names: bool = True,
                 ner: str = "heuristic", triggers: Sequence[str] = ()) -> None:
        self.ner = ner
        self.bare_names = bare_names
        self._sources = (tuple(gazetteer), tuple(triggers))
        self._data: tuple[Gazetteer, Lexicon, Grammar, ActorRecognizer] | None = None

    def _use(self, gaz: Gazetteer, lexicon: Lexicon, g: Grammar) -> None:
        """Build the recognizer over this gazetteer, lexicon and grammar."""
        dates = load_date_rules()
        calendar = [w for m in dates.months for w in m.names]
        calendar += [w for d in dates.weekdays for w in d.names]
        recognizer = ActorRecognizer(
            gaz, g.pronouns, bare_names=self.bare_names,
            not_names=[*g.not_names, *calendar], places=g.locatives, numerals=g.numerals,
            people_counters=g.people_counters, common_words=load_common_words(),
            initials_markers=g.initials_markers, place_prepositions=g.place_prepositions,
            name_before=[*g.speech_verbs, *g.name_markers],
            name_after=[*g.aspect, *g.name_openers], place_at=_place_at, grammar=g)
        self._data = (gaz, lexicon, g, recognizer)

    def _ready(self) -> tuple[Gazetteer, Lexicon, Grammar, ActorRecognizer]:
        """The stage's data, read from the package the first time it is needed."""
        if self._data is None:
            gazetteer, triggers = self._sources
            self._use(load_gazetteer(gazetteer), load_lexicon(triggers), load_grammar())
        assert self._data is not None
        return self._data

    @property
    def gaz(self) -> Gazetteer:
        """The compiled gazetteer."""
        return self._ready()[0]

    @property
    def lexicon(self) -> Lexicon:
        """The trigger lexicon (which sentences the statistical NER reads)."""
        return self._ready()[1]

    @property
    def recognizer(self) -> ActorRecognizer:
        """The actor recognizer over the gazetteer and the grammar."""
        return self._ready()[3]

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the compiled gazetteer, the lexicon and the grammar into ``path``."""
        gaz, lexicon, g, _ = self._ready()
        save_index(path, "gazetteer.pickle", gaz)
        save_index(path, "lexicon.pickle", lexicon)
        save_model(path, "grammar.json", g)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorStage:
        """Use the data :meth:`to_disk` saved in ``path`` (not the package's)."""
        self._use(read_index(path, "gazetteer.pickle", Gazetteer),
                  read_index(path, "lexicon.pickle", Lexicon),
                  read_model(path, "grammar.json", Grammar))
        return self

    def __call__(self, doc: Doc) -> Doc:
        st = _state(doc)
        st.mentions = []
        seen: dict[str, Actor] = {}
        segments, tokens = st.segments or [], st.tokens or []
        entities = self._entities(segments, tokens)
        found = [
            [] if seg.skipped else self.recognizer(
                words, starts, date=st.published, entities=ents)
            for seg, (words, starts), ents in zip(segments, tokens, entities, strict=True)]
        # a short form may come before the full name ("Waryono ... Waryono Karno"): the names
        # of the whole story are known first
        self.recognizer.remember_names([m for ms in found for m in ms], seen)
        for seg, ms, (words, starts) in zip(st.segments or [], found, st.tokens or [],
                                            strict=True):
            st.mentions.append([] if seg.skipped else self.recognizer.short_forms(
                words, starts, ms, seen))
        dateline = self._dateline(st)
        self._default_country(st.mentions, st.tokens or [], dateline)
        if any(_unknown_named(m.actor) for ms in st.mentions for m in ms):
            # only stories naming someone the gazetteer does not know need it
            st.story_country = self._story_country(st.mentions, None, dateline)[0]
        return doc

    def _entities(self, segments: Sequence[Segment],
                  tokens: Sequence[tuple[list[str], list[int]]],
                  ) -> list[list[tuple[int, int, str]] | None]:
        """The statistical NER's spans of each sentence that may hold an event (a trigger
        word in it), in document characters; None for the other sentences, whose unknown
        names the capitalised-word heuristic finds (they serve as antecedents only)."""
        out: list[list[tuple[int, int, str]] | None] = [None] * len(segments)
        if self.ner != "model":
            return out
        todo = [k for k, (seg, (words, _)) in enumerate(zip(segments, tokens, strict=True))
                if not seg.skipped and words and self.lexicon.may_fire(words)]
        sentences = []
        for k in todo:
            words, starts = tokens[k]
            spaces = [starts[i] + len(w) < starts[i + 1] for i, w in enumerate(words[:-1])]
            sentences.append((words, [*spaces, False]))
        for k, found in zip(todo, ner_token_spans(sentences), strict=True):
            words, starts = tokens[k]
            out[k] = [(starts[a], starts[b - 1] + len(words[b - 1]), label)
                      for a, b, label in found]
        return out

    def _institution(self, words: list[str], m: Mention) -> AgentWord | None:
        """The institution word of a role-only mention ("Kementerian Sosial"), if any."""
        found = None
        for hit in self.gaz.match(words[m.start:m.end]):
            if hit.entry.kind == "agent":
                agent = self.gaz.agent_words[hit.entry.id]
                if agent.person:
                    return None  # "juru bicara Kementerian Luar Negeri" is a person
                found = agent if agent.institution else found
        return found

    def _default_country(self, mentions: list[list[Mention]],
                         tokens: list[tuple[list[str], list[int]]],
                         dateline: Sequence[str] = ()) -> None:
        """Give role-only actors without a country ("polisi", "warga", "pemerintah") one.

        In this order (the words are in ``resources/id/places.yaml``):

        1. a place attached to the actor: "polisi di Manchester" (GBR), "warga Marawi" (PHL),
           "pengunjuk rasa dari Kabupaten Aceh Utara" (IDN), "warga sipil di Gaza" (a state);
        2. in the same sentence, the nearest state named before the actor ("sanksi kepada dua
           warga Cina dan satu perusahaan pelayaran"); for actors who are where the event
           happens (police, civilians, protesters: ``scene_sectors``) also the nearest place
           before or after them that is not a destination ("Polisi menangkap dua pria di
           Surabaya" is Indonesian police, "militer mengirim pasukan ke Rafah" says nothing);
        3. the story's country (:meth:`_story_country`), else Indonesia (the press is
           Indonesian: a bare "Kapolri" or "polisi" is Indonesian).

        A bare "pemerintah" / "pemerintah pusat" (``government_words``) becomes its state as
        a named actor (name, id, sector GOV), as "pemerintah X" is the state X in the
        annotation guidelines: "pemerintah" in a story about Thailand is *Thailand*.
        """
        index = load_places()
        rules = index.rules
        needs = [{m.end for m in ms if self._needs_country(m)} for ms in mentions]
        if not any(needs):
            return
        found: list[list[PlaceSpan] | None] = [None] * len(mentions)

        def places_in(s: int) -> list[PlaceSpan]:
            spans = found[s]
            if spans is None:
                ms = mentions[s]
                # an actor's own words are no place ("Pemerintah Kota Surabaya" is one actor)
                spans = found[s] = [
                    p for p in index.find(tokens[s][0], needs[s])
                    if not any(m.start < p.end and p.start < m.end for m in ms)]
            return spans

        ranks: dict[bool, list[str]] = {}

        def story(with_places: bool) -> str:
            # the story's places are only looked for when an actor falls back on them
            if with_places not in ranks:
                ranks[with_places] = self._story_country(
                    mentions, [places_in(s) for s in range(len(mentions))]
                    if with_places else None, dateline)
            return ranks[with_places][0]

        for s, ms in enumerate(mentions):
            if needs[s]:
                self._countries_of_sentence(tokens[s][0], ms, places_in(s), story, rules)

    def _countries_of_sentence(self, words: list[str], ms: list[Mention],
                               places: list[PlaceSpan], story: Callable[[bool], str],
                               rules: PlaceRules) -> None:
        """Steps 1-3 of :meth:`_default_country` for the mentions of one sentence."""
        scene = set(rules.scene_sectors)
        attach = {fold(w) for w in rules.attachments}
        dest = {fold(w) for w in rules.destinations}
        nearest: tuple[int, str] | None = None  # the last state named: (its end, country)
        for k, m in enumerate(ms):
            a = m.actor
            if not self._needs_country(m):
                if a.kind == "state" and a.country:
                    nearest = (m.end, a.country)
                continue
            assert a.sector is not None
            c = (self._attached(words, ms, k, places, attach)
                 or self._nearby(m, nearest, places, dest, with_places=a.sector in scene)
                 or story(a.sector in scene))
            update: dict[str, Any] = {"country": c, "cameo": c + a.sector,
                                      **self._body_of(words, m, c, rules)}
            ms[k] = dataclasses.replace(m, actor=a.model_copy(update=update))

    def _body_of(self, words: list[str], m: Mention, c: str, rules: PlaceRules
                 ) -> dict[str, Any]:
        """The named body a role-only mention of state ``c`` is, as fields of its actor:
        "Kementerian Sosial" in an Indonesian story is Indonesia's ministry; a bare
        "pemerintah" in a story about Thailand is the state Thailand."""
        a = m.actor
        inst = self._institution(words, m) if a.name is None else None
        named = self.gaz.institution(inst, c) if inst is not None else None
        if named is not None:
            return {"name": named[0], "id": named[1], "kind": "organization"}
        state = self.gaz.entities.get(c)
        government = {fold(w) for w in rules.government_words}
        if a.name is None and a.sector == "GOV" and state is not None and \
                state.kind == "state" and \
                " ".join(fold(w) for w in words[m.start:m.end]) in government:
            return {"name": state.name, "id": state.id, "kind": "state"}
        return {}

    @staticmethod
    def _dateline(st: _State) -> list[str]:
        """The words of the story's dateline ("SURABAYA, KOMPAS.com -"), if it has one."""
        view = st.view or st.text
        for seg in st.segments or []:
            if not seg.skipped and seg.content_start > seg.start:
                return tokenize_words("id", view[seg.start:seg.content_start])
        return []

    @staticmethod
    def _needs_country(m: Mention) -> bool:
        """A role-only actor without a country ("polisi"), or a title without a state
        ("Menteri Perhubungan Ignasius Jonan"): the story's state is theirs."""
        a = m.actor
        titled = a.kind == "person" and a.id is None and a.sector is not None
        return bool((a.name is None or titled) and a.country is None and a.sector
                    and a.sector != "IGO" and m.pronoun is None)

    @staticmethod
    def _attached(words: list[str], ms: list[Mention], k: int, places: list[PlaceSpan],
                  attach: Set[str]) -> str | None:
        """The country of a place or state right after mention ``k``, directly ("warga
        Marawi") or after an attaching word ("polisi di Manchester", "warga asal Aceh")."""
        m = ms[k]
        at = {m.end}
        if m.end < len(words) and fold(words[m.end]) in attach:
            at.add(m.end + 1)
        for p in places:
            if p.start in at:
                return p.place.country
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        if nxt is not None and nxt.actor.kind == "state" and nxt.start == m.end + 1 and \
                fold(words[m.end]) in attach:
            return nxt.actor.country  # "warga sipil di Gaza" as a state
        return None

    @staticmethod
    def _nearby(m: Mention, state: tuple[int, str] | None, places: list[PlaceSpan],
                dest: Set[str], *, with_places: bool) -> str | None:
        """The nearest state or place named before ``m`` in its sentence ("bentrokan di
        Rakhine antara militer dan ..."), with ``with_places`` also a place after it; a
        destination ("ke Rafah") is no actor's place."""
        best = (m.start - state[0], state[1]) if state is not None else None
        for p in places:
            if (p.marker is not None and p.marker in dest) or (
                    p.start >= m.end and not with_places):
                continue
            d = m.start - p.end if p.end <= m.start else p.start - m.end
            if best is None or d < best[0]:
                best = (d, p.place.country)
        return best[1] if best is not None else None

    @staticmethod
    def _story_country(mentions: list[list[Mention]], places: list[list[PlaceSpan]] | None,
                       dateline: Sequence[str]) -> list[str]:
        """The story's countries, best first: the states its actors belong to most often
        (each mention 1, those of the first sentence ``lead_weight`` more); with ``places``
        (for its police and civilians, who are where the story happens) also the places it
        names and the dateline's place ("SURABAYA, KOMPAS.com -" counts
        ``dateline_weight``). Ties go to the first named; Indonesia when nothing is named."""
        index = load_places()
        rules = index.rules
        counts: dict[str, int] = {}
        lead = True
        for ms in mentions:
            for m in ms:
                c = m.actor.country
                if c and m.pronoun is None:
                    counts[c] = counts.get(c, 0) + 1 + (rules.lead_weight if lead else 0)
            lead = lead and not ms
        if places is None:
            return sorted(counts, key=lambda c: -counts[c]) or ["IDN"]
        lead = True
        for ms, ps in zip(mentions, places, strict=True):
            for p in ps:
                c = p.place.country
                counts[c] = counts.get(c, 0) + 1 + (rules.lead_weight if lead else 0)
            lead = lead and not ms and not ps
        for p in index.find(dateline, after=range(len(dateline)))[:1]:
            c = p.place.country
            counts[c] = counts.get(c, 0) + rules.dateline_weight
        return sorted(counts, key=lambda c: -counts[c]) or ["IDN"]


class ParseStage:
    """Stage 3b (with ``parser=``): a dependency parse of each sentence, aligned to its
    content tokens by character offsets, for the parse-aware event rules.

    Args:
        parser: "spacy" (the shipped Indonesian model) or "stanza" (stanza's Indonesian
            models, installed with ``geoevents download stanza``).
    """

    def __init__(self, parser: str) -> None:
        self.parser = parser
        if parser == "spacy":
            # only the parser and what it listens to: NER and morphology are not loaded
            model = load_model(exclude=("ner", "morphologizer"))
            self._pipe: Any = model.pipe
        else:
            # a clear ModelNotFoundError now, not at the first document; the directory found
            # now ($STANZA_RESOURCES_DIR at load time) is the one parsed with later
            self._pipe = StanzaParser(find_models().root).pipe

    def __call__(self, doc: Doc) -> Doc:
        """Make each sentence's parse available on demand: the event rules ask for it only
        where the shallow rules find no roles, so most sentences are never parsed."""
        st = _state(doc)
        st.parses = [None] * len(st.segments or [])
        st.parse_at = functools.partial(self.parse_at, st)
        return doc

    def parse_at(self, st: _State, k: int) -> tuple[list[int], list[str]] | None:
        """The parse of segment ``k`` (computed once), aligned to its tokens."""
        parses, segs = st.parses or [], st.segments or []
        if parses[k] is not None:
            return parses[k]
        seg = segs[k]
        _, starts = (st.tokens or [])[k]
        if seg.skipped or not starts:
            return None
        view = st.view or st.text or ""
        sent = next(iter(self._pipe([view[seg.content_start:seg.end]])))
        ours = {c: j for j, c in enumerate(starts)}
        heads = [-1] * len(starts)
        deps = [""] * len(starts)
        for t in sent:
            j = ours.get(seg.content_start + t.idx)
            if j is None:
                continue
            h = ours.get(seg.content_start + t.head.idx) if t.head.i != t.i else None
            heads[j] = -1 if h is None else h
            deps[j] = t.dep_.lower()
        parses[k] = (heads, deps)
        return parses[k]


class DateStage:
    """Stage 4: date expressions resolved against the publication date."""

    def __init__(self) -> None:
        self.resolver = DateResolver(load_date_rules())

    def __call__(self, doc: Doc) -> Doc:
        st = _state(doc)
        view = st.view or doc.text
        st.dates = [
            [] if seg.skipped else self.resolver.find(
                view, st.published, start=seg.start, end=seg.end)
            for seg in st.segments or []
        ]
        return doc


class EventStage:
    """Stage 5: the event rules (the lexicon, the grammar and the role ranker's weights are
    read from the package when first needed, or from a saved pipeline's folder)."""

    def __init__(self, triggers: Sequence[str], ranker: bool = True) -> None:
        self._triggers = tuple(triggers)
        self._ranker = ranker
        self._engine: EventEngine | None = None

    def _use(self, lexicon: Lexicon, grammar: Grammar, model: RankerModel | None) -> None:
        """Build the engine over this lexicon, grammar and ranker."""
        self._engine = EventEngine(lexicon, grammar,
                                   Ranker(model, grammar) if model is not None else None)

    def _ready(self) -> None:
        """Read the stage's data from the package the first time it is needed."""
        if self._engine is None:
            self._use(load_lexicon(self._triggers), load_grammar(),
                      load_ranker_model() if self._ranker else None)

    @property
    def engine(self) -> EventEngine:
        """The event rules over the lexicon and the grammar."""
        self._ready()
        assert self._engine is not None
        return self._engine

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicon, the grammar and the ranker's weights into ``path``."""
        engine = self.engine
        save_index(path, "lexicon.pickle", engine.lexicon)
        save_model(path, "grammar.json", engine.g)
        if engine.ranker is not None:
            save_model(path, "ranker.json", engine.ranker.model)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EventStage:
        """Use the data :meth:`to_disk` saved in ``path`` (not the package's)."""
        self._use(read_index(path, "lexicon.pickle", Lexicon),
                  read_model(path, "grammar.json", Grammar),
                  read_model(path, "ranker.json", RankerModel) if self._ranker else None)
        return self

    def __call__(self, doc: Doc) -> Doc:
        st = _state(doc)
        st.raw = []
        if st.language != "id":
            st.raw = [[] for _ in st.segments or []]
            return doc
        lazy = st.parse_at
        for k, (seg, ms, (words, _)) in enumerate(zip(
                st.segments or [], st.mentions or [], st.tokens or [], strict=True)):
            if seg.skipped or not ms:
                st.raw.append([])
                continue
            parse = functools.partial(lazy, k) if lazy is not None else None
            st.raw.append(self.engine.sentence(words, ms, parse=parse))
        return doc


@dataclass
class _Reading:
    """What the resolver has read of a story so far, sentence by sentence."""

    events: list[Event] = dataclasses.field(default_factory=list)
    features: list[tuple[str, ...]] = dataclasses.field(default_factory=list)
    """Per event, its confidence features."""
    history: list[Actor] = dataclasses.field(default_factory=list)
    """Resolved, non-pronoun mentions in reading order."""
    sentences: list[list[Actor]] = dataclasses.field(default_factory=list)
    """The same, per sentence."""
    acted: list[list[Actor]] = dataclasses.field(default_factory=list)
    """Per sentence, the named states that were actors."""
    places: set[int] = dataclasses.field(default_factory=set)
    """Ids of history entries named as a place ("di X")."""
    last_subject: Actor | None = None
    n_kept: int = 0
    """Sentences read so far."""
    text: str = ""
    """The story's text (the caller's characters)."""


@dataclass(frozen=True)
class _Words:
    """One sentence's content words, their offsets, mentions and dates."""

    words: list[str]
    starts: list[int]
    mentions: list[Mention]
    dates: list[DateMention]


class ResolveStage:
    """Stage 6: pronouns and unexpressed subjects, short forms, dates → :class:`Event`."""

    def __init__(self, min_confidence: float = 0.0, gazetteer: Sequence[str] = ()) -> None:
        self.min_confidence = min_confidence
        self._gazetteer = tuple(gazetteer)
        self._loaded = False

    def _ready(self) -> None:
        """Read the stage's data from the package the first time it is needed."""
        if not self._loaded:
            self._use(load_grammar(), load_gazetteer(self._gazetteer).national,
                      load_confidence_model(), load_lexicon(()))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the grammar, the national bodies of the gazetteer, the confidence model and
        the lexicon into ``path`` (the place index is package data, cached by its hash)."""
        self._ready()
        save_model(path, "grammar.json", self.grammar)
        save_index(path, "national.pickle", self.national)
        save_model(path, "confidence.json", self.confidence.model)
        save_index(path, "lexicon.pickle", self.lexicon)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ResolveStage:
        """Use the data :meth:`to_disk` saved in ``path`` (not the package's)."""
        self._use(read_model(path, "grammar.json", Grammar),
                  read_index(path, "national.pickle", dict),
                  read_model(path, "confidence.json", ConfidenceModel),
                  read_index(path, "lexicon.pickle", Lexicon))
        return self

    def _use(self, g: Grammar, national: dict[tuple[str, str], GazetteerRecord],
             confidence: ConfidenceModel, lexicon: Lexicon) -> None:
        """Set the stage up over this grammar, gazetteer bodies, model and lexicon."""
        self.grammar = g
        self.national = national
        self.confidence = Confidence(confidence, g)
        self.locator = load_locator()
        self.lexicon = lexicon
        w = g.folded()
        self.speech = w.words("speech_verbs")
        self.saying = w.words("saying_verbs")
        self.boundaries = w.words("clause_boundaries")
        self.period_openers = w.words("period_openers")
        self.period_parts = w.words("period_parts")
        self.sentence_adverbs = w.words("sentence_adverbs") | {","}
        # the hand-picked words and those IndoSum's sport, showbiz and gadget stories use
        # far more than its news (scripts/genre_words.py)
        self.genre_first: dict[str, list[tuple[str, ...]]] = {}
        for x in (*g.genre_words, *g.discard, *sorted(load_genre_words())):
            q = tuple(fold(x).split())
            if q not in self.genre_first.setdefault(q[0], []):
                self.genre_first[q[0]].append(q)
        self.genre_sentences = g.genre_sentences
        self.genre_share = g.genre_share
        self.prepositions = w.words("prepositions")
        self.not_event_day_after = w.words("not_event_day_after")
        self.aspect = w.words("aspect")
        # a month after these opens no adverb between subject and verb ("pada Agustus lalu")
        self.not_before_month = self.prepositions | self.period_parts
        self.place_phrase = w.words("place_phrase_prepositions")
        self._loaded = True

    def _national(self, a: Actor) -> Actor:
        """A group of a state's one body of its sector, named as that body: "polisi" in an
        Indonesian story is Polri (every police unit of Indonesia is part of it)."""
        rec = (self.national.get((a.country, a.sector)) if a.kind == "generic"
               and a.name is None and a.country and a.sector else None)
        if rec is None:
            return a
        return a.model_copy(update={"name": rec.name, "id": rec.id})

    def _state_of(self, a: Actor) -> Actor:
        """The state ``a`` belongs to, as an actor (``a`` itself when it is one or when its
        country is no state of the gazetteer): "kedua negara" after "Presiden Jokowi ... PM
        Australia Malcolm Turnbull" is Indonesia and Australia. Every gazetteer holds the
        default one's states; the default gazetteer is the actor stage's own (cached)
        unless extra files were given."""
        rec = load_gazetteer(()).entities.get(a.country or "")
        if a.kind == "state" or rec is None or rec.kind != "state":
            return a
        return a.model_copy(update={"name": rec.name, "id": rec.id, "sector": None,
                                    "kind": "state", "cameo": rec.cameo})

    def _off_topic(self, st: _State) -> bool:
        """Whether the story is about sport, entertainment or gadgets: enough of its
        sentences hold a word of those ("klub", "pelatih", "film", "ponsel")."""
        n = total = 0
        for seg, (words, _) in zip(st.segments or [], st.tokens or [], strict=True):
            if seg.skipped:
                continue
            total += 1
            low = [fold(w) for w in words]
            if any(low[i] in self.genre_first and any(
                    tuple(low[i:i + len(q)]) == q for q in self.genre_first[low[i]])
                    for i in range(len(low))):
                n += 1
        return n >= self.genre_sentences and n >= self.genre_share * total

    def _quote_speakers(self, st: _State) -> dict[int, Actor]:
        """The speaker of each sentence inside a quotation that runs over several sentences:
        named after the quote ("“Kami akan membantu. Kami juga mengecam AS,” kata Lavrov") or
        before it ("Lavrov mengatakan, “Kami ...”"), by segment index."""
        segs, tokens, mentions = st.segments or [], st.tokens or [], st.mentions or []
        out: dict[int, Actor] = {}
        run: list[int] = []  # the segments of the quotation being read
        opener: Actor | None = None
        for k, (seg, (words, _), ms) in enumerate(zip(segs, tokens, mentions, strict=True)):
            if seg.skipped:
                continue
            marks = [i for i, w in enumerate(words) if w in _QUOTES]
            if not run and marks and len(marks) % 2 == 1:
                # a quotation opens here and stays open: who says it, if named before it
                run, opener = [k], self._speaker_before(words, ms, marks[0])
                continue
            if run:
                run.append(k)
                if marks and len(marks) % 2 == 1:  # it closes here
                    after = [m for m in ms if m.start > marks[-1]]
                    speaker = self._speaker(words, after) or opener
                    if speaker is not None:
                        out.update({j: speaker for j in run})
                    run, opener = [], None
                elif len(run) > 6:  # an unbalanced quote mark: give up
                    run, opener = [], None
        return out

    def _speaker_before(self, words: list[str], ms: list[Mention], quote: int
                        ) -> Actor | None:
        """The subject of a saying verb right before a quotation ("Presiden Joko Widodo
        mengatakan , “ ..."), or None."""
        k = quote - 1
        while k >= 0 and words[k] in (",", ":"):
            k -= 1
        if k < 0 or words[k].lower() not in self.saying:
            return None
        before = [m for m in ms if m.end <= k and m.pronoun is None and not (
            m.start > 0 and words[m.start - 1].lower() in self.prepositions)]
        return before[0].actor if before else None

    def __call__(self, doc: Doc) -> Doc:
        self._ready()
        st = _state(doc)
        text = st.text or doc.text
        quoted = self._quote_speakers(st)
        st.resolved = {}
        r = _Reading(text=text)
        dateline = functools.cache(functools.partial(self._dateline_place, st))
        for k_seg, (seg, ms, dates, raws, (words, starts)) in enumerate(zip(
            st.segments or [], st.mentions or [], st.dates or [], st.raw or [], st.tokens or [],
            strict=True,
        )):
            if seg.skipped:
                continue
            quote = next((i for i, w in enumerate(words) if w in _QUOTES), None)
            speaker = (self._speaker(words, ms) or quoted.get(k_seg) or (
                self._speaker_before(words, ms, quote) if quote is not None else None))
            resolved, named = self._resolve_mentions(words, ms, speaker, r)
            # the dateline's date is the story's, not the event's
            dates = [d.model_copy(update={"text": text[d.span[0]:d.span[1]]}) for d in dates
                     if d.span[0] >= seg.content_start]
            n_before = len(r.events)
            first_actor = self._sentence_events(
                st, seg, _Words(words, starts, ms, dates), raws, resolved, r, dateline)
            st.resolved[k_seg] = resolved
            r.n_kept += 1
            r.sentences.append(named)
            r.acted.append([e.actor for e in r.events[n_before:]
                            if e.actor.kind == "state" and not e.actor.coref])
            # the first actor named outside a prepositional phrase ("Dalam suratnya kepada
            # Sekjen PBB, Antonio Guterres, Ja menulis": Ja)
            subj = next((resolved[id(m)][0] for m in ms if resolved[id(m)] and not (
                m.start > 0 and words[m.start - 1].lower() in self.prepositions)), None)
            r.last_subject = first_actor or subj or r.last_subject
        self._keep(doc, st, list(zip(r.events, r.features, strict=True)))
        return doc

    def _resolve_mentions(self, words: list[str], ms: list[Mention], speaker: Actor | None,
                          r: _Reading) -> tuple[dict[int, list[Actor]], list[Actor]]:
        """Each mention's actors (pronouns and plurals resolved against what was read), by
        ``id`` of the mention, and the actors the sentence names outside place phrases."""
        resolved: dict[int, list[Actor]] = {}
        recent = [a for sent in r.sentences[-2:] for a in sent]
        # "AS, Australia dan Jepang meminta ... Negara-negara tersebut juga mendorong":
        # a plural of states refers first to the states that last acted together
        acting = [a for sent in r.acted[-3:] for a in sent]
        named: list[Actor] = []
        for m in ms:
            last = r.last_subject
            if (m.pronoun in ("any", "person") and last is not None
                    and not m.actor.sector and self._subject_slot(words, ms, m)
                    and (m.pronoun == "any" or last.kind == "person")):
                # "mereka"/"pihaknya" as a sentence's subject continues the previous
                # sentence's subject, not its last-named actor
                found = [last.model_copy(update={
                    "mention": m.actor.mention, "span": m.actor.span, "coref": True})]
            else:
                found = self._antecedents(
                    m, r.history, speaker,
                    acting if len({a.country for a in acting}) >= 2 else recent, r.places)
            before = words[m.start - 1].lower() if m.start > 0 else ""
            # places ("di Manila") are not among the states a plural refers to
            if m.pronoun is None and before not in self.place_phrase:
                named.extend(found)
            resolved[id(m)] = found
            if found and m.pronoun is None:
                r.history.append(found[0])
                if before == "di" or m.place:
                    # "bertemu ... di Gedung Putih. Keduanya ...", "di KTT G20, Hamburg,
                    # Jerman": a place takes no part
                    r.places.add(id(found[0]))
        return resolved, named

    def _sentence_events(self, st: _State, seg: Segment, s: _Words, raws: list[RawEvent],
                         resolved: dict[int, list[Actor]], r: _Reading,
                         dateline: Callable[[], Location | None]) -> Actor | None:
        """Append the sentence's events (political pairs only) with their confidence
        features to ``r``; the first event's actor, if any."""
        text = r.text
        words, starts, ms = s.words, s.starts, s.mentions
        kept = [(raw, a, t) for raw, a, t in self._pairs(raws, resolved, r.last_subject)
                if _political(a) and _political(t) and not _same_entity(a, t)
                and _political_pair(a, t)]
        fanout = Counter(id(raw.hit) for raw, _, _ in kept)
        lower = [fold(w) for w in words]
        where = SentenceView(
            words, starts, text, ms,
            places=functools.cache(functools.partial(self.locator.index.find, words)),
            triggers=functools.cache(functools.partial(self._trigger_spans, words)))
        visits = [raw for raw, _, _ in kept if raw.cameo.startswith(self.locator.visit_codes)]
        # "mengunjungi Moskow untuk menandatangani ...": the visit's scene is the others'
        visit_scene = next((loc for loc in (self.locator.in_sentence(
            where, cameo=v.cameo, hit=v.hit, target_m=v.target, target=v.target.actor)
            for v in visits) if loc is not None), None)
        first_actor: Actor | None = None
        for raw, actor, target in kept:
            # a person or body the gazetteer does not know is of the story's state ("Dadang
            # Rusdiana meminta ..." in a story about Indonesian politics); filled after
            # the political filters, which judge what the text says
            filled = (not actor.country and bool(st.story_country),
                      not target.country and bool(st.story_country))
            actor, target = (_of_story(actor, st.story_country),
                             _of_story(target, st.story_country))
            feats = self.confidence.features(
                raw.hit, raw.rule, raw.actor, raw.target, actor, target, words=words,
                lower=lower, mentions=ms, sentence=r.n_kept, fanout=fanout[id(raw.hit)],
                story_filled=filled, ranker_prob=raw.prob)
            r.features.append(tuple(feats))
            actor, target = self._national(actor), self._national(target)
            location = self.locator.locate(
                where, cameo=raw.cameo, hit=raw.hit, target_m=raw.target, actor=actor,
                target=target, dateline=dateline, visit=bool(visits), fallback=visit_scene)
            r.events.append(self._event(st, seg, s, r, raw, actor, target, location,
                                        self.confidence.probability(feats)))
            first_actor = first_actor or actor
        return first_actor

    def _event(self, st: _State, seg: Segment, s: _Words, r: _Reading, raw: RawEvent,
               actor: Actor, target: Actor, location: Location | None, confidence: float
               ) -> Event:
        """The :class:`Event` of a resolved reading: its action, date and sentence."""
        text = r.text
        words, starts = s.words, s.starts
        date, date_text, granularity = self._date(s.dates, st.published, words, starts,
                                                  raw.hit)
        info = cameo_info(raw.cameo)
        trig = raw.hit.trigger.trigger
        hs = raw.hit
        tok_a = (starts[hs.start], starts[hs.end - 1] + len(words[hs.end - 1]))
        return Event(
            actor=actor, target=target,
            action=Action(
                cameo=raw.cameo, root=raw.cameo[:2], label=info.label,
                plover=trig.plover or info.plover, trigger=text[tok_a[0]:tok_a[1]],
                trigger_span=tok_a,
                goldstein=trig.goldstein if trig.goldstein is not None and
                raw.cameo == trig.cameo else info.goldstein),
            date=date, date_text=date_text, date_granularity=granularity,
            sentence=text[seg.start:seg.end], sentence_span=(seg.start, seg.end),
            negated=raw.negated, location=location,
            rule=raw.rule + ("+coref" if actor.coref or target.coref else ""),
            confidence=round(confidence, 4),
        )

    def _keep(self, doc: Doc, st: _State, scored: list[tuple[Event, tuple[str, ...]]]
              ) -> None:
        """The story's events after the genre filter, one per reading and the confidence
        threshold, on the state and in the Doc's span groups."""
        text = st.text or doc.text
        if scored and self._off_topic(st):
            # "Persija menggandeng klub asal Jepang": in a sports, showbiz or gadget story
            # only events between political bodies count
            scored = [(e, f) for e, f in scored if _official(e.actor) and e.target is not None
                      and _official(e.target)]
        scored = _one_per_reading(scored)
        scored = [(e, f) for e, f in scored if (e.confidence or 0.0) >= self.min_confidence]
        st.events = [e for e, _ in scored]
        st.event_features = [f for _, f in scored]
        write_results(doc, _named_actors(st, text), _dates(st, text),
                      (_with_mentions(e, text) for e in st.events))

    def _trigger_spans(self, words: list[str]) -> list[tuple[int, int]]:
        """The token spans of the sentence's trigger words (for :mod:`geoevents.location`)."""
        return [(h.start, h.end) for h in self.lexicon.find(words)]

    def _dateline_place(self, st: _State) -> Location | None:
        """The place of the story's dateline ("KABUL, KOMPAS.com -"), if it names one."""
        for seg in st.segments or []:
            if not seg.skipped and seg.content_start > seg.start:
                return self.locator.in_dateline(st.text or st.view, seg.start,
                                                seg.content_start)
        return None

    @staticmethod
    def _pairs(raws: list[RawEvent], resolved: dict[int, list[Actor]],
               last_subject: Actor | None) -> Iterator[tuple[RawEvent, Actor, Actor]]:
        """(raw event, actor, target) for each resolved reading of each raw event."""
        for r in raws:
            if r.actor is None:
                # an unexpressed subject continues a named one ("Serta melakukan ...")
                actors = [last_subject.model_copy(update={"coref": True})] if (
                    last_subject is not None and last_subject.name) else []
            else:
                actors = resolved.get(id(r.actor), [])
            if r.actor is r.target:
                # a pair acting on itself: "kedua negara saling mengusir" gives both
                # directions, "keduanya bertemu" the first
                if len(actors) == 2:
                    yield r, actors[0], actors[1]
                    if r.rule.endswith("+mutual"):
                        yield r, actors[1], actors[0]
                continue
            for a in actors:
                for t in resolved.get(id(r.target), []):
                    yield r, a, t

    @staticmethod
    def _subject_slot(words: list[str], ms: list[Mention], m: Mention) -> bool:
        """Whether a pronoun opens its sentence's main clause: "Mereka ...", "Namun, dia
        ...", "Setelah itu, dia akan bertolak ke Kuwait" (no actor named before it)."""
        if m.start <= 2:
            return True
        return (m.start <= 6 and words[m.start - 1] == "," and ms[0] is m)

    def _speaker(self, words: list[str], ms: list[Mention]) -> Actor | None:
        """The actor named right after a speech verb in the sentence ("kata Kapolri")."""
        for m in ms:
            k = m.start - 1
            if m.pronoun is None and k >= 0 and words[k].lower() in self.speech:
                return m.actor
        return None

    def _antecedents(self, m: Mention, history: list[Actor], speaker: Actor | None = None,
                     recent: Sequence[Actor] = (), places: Set[int] = frozenset()) -> list[
                         Actor]:
        """The actor of a mention: itself, or what its pronoun refers to ("pihaknya",
        "negara itu" a state, "kedua negara" / "keduanya" the last two actors named, "kami"
        the speaker)."""
        if m.pronoun is None:
            return [m.actor]
        want = m.pronoun
        if want == "speaker":
            if speaker is None:
                return []
            return [speaker.model_copy(update={"mention": m.actor.mention,
                                               "span": m.actor.span, "coref": True})]
        role = {"sector": m.actor.sector} if m.actor.sector else {}  # "menteri dari negara itu"
        if want == "states":
            return self._named_states(m, recent, role)
        if want == "pair_state":
            return self._last_two_states(m, history, places, role)
        return self._last_of_kind(m, want, history, places, role)

    @staticmethod
    def _named_states(m: Mention, recent: Sequence[Actor], role: dict[str, Any]
                      ) -> list[Actor]:
        """"negara-negara tersebut": the states named in the last two sentences."""
        group: dict[str, Actor] = {}
        for a in reversed(recent):
            if a.kind == "state" and a.country and a.country not in group:
                group[a.country] = a.model_copy(update={
                    "mention": m.actor.mention, "span": m.actor.span, "coref": True, **role})
        return list(group.values())[::-1] if len(group) >= 2 else []

    def _last_two_states(self, m: Mention, history: list[Actor], places: Set[int],
                         role: dict[str, Any]) -> list[Actor]:
        """"kedua negara": the last two states named, by country."""
        states: dict[str, Actor] = {}
        for a in reversed(history[-12:]):
            if id(a) in places:
                continue
            if a.country and a.country not in states and (
                    a.kind == "state" or not any(x.kind == "state" and x.country == a.country
                                                 for x in history)):
                states[a.country] = self._state_of(a).model_copy(update={
                    "mention": m.actor.mention, "span": m.actor.span, "coref": True, **role})
            if len(states) == 2:
                # in the order the story first named them: "Presiden Jokowi bertemu PM
                # Australia ... kedua negara sepakat" is Indonesia, then Australia
                first = {c: next(i for i, x in enumerate(history) if x.country == c)
                         for c in states}
                return sorted(states.values(), key=lambda x: first[x.country or ""])
        return []

    @staticmethod
    def _last_of_kind(m: Mention, want: str, history: list[Actor], places: Set[int],
                      role: dict[str, Any]) -> list[Actor]:
        """The last actor of the pronoun's kind ("dia" a person, "negara itu" a state,
        "kelompok itu" a group), or the last two actors for "keduanya"."""
        seen: list[Actor] = []
        for a in reversed(history[-12:] if want == "pair" else history):
            if want == "pair" and id(a) in places:
                continue
            if want == "person" and a.kind != "person":
                continue
            if want == "state" and a.kind != "state":
                continue
            if want == "group" and a.kind not in ("organization", "armed group", "IGO"):
                continue
            copy = a.model_copy(update={"mention": m.actor.mention, "span": m.actor.span,
                                        "coref": True, **(role if want == "state" else {})})
            if want != "pair":
                return [copy]
            if all(_key(x) != _key(a) for x in seen):
                seen.append(copy)
                if len(seen) == 2:
                    return seen[::-1]
        return []

    def _date(self, dates: list[DateMention], published: dt.date | None,
              words: list[str], starts: list[int], hit: TriggerHit) -> tuple[
            dt.date | None, str | None, Granularity]:
        """The event's date: the sentence's first day ("Rabu (20 Oktober)"); else a month or
        a year that dates this event's own clause (:meth:`_period_of`): "menyerang ISIS sejak
        pertengahan Januari" is dated to January ("month"), "Pada 2013 , Rusia menyerang
        ..." has no date ("year", as the annotation guidelines have it); else the
        publication date. A month in another clause dates something else: "... setelah
        pengambilalihan mereka pada pertengahan Agustus", "referendum April nanti"."""
        for d in dates:
            if d.date is not None and d.granularity == "day" and not self._relative(
                    d, words, starts, hit) and not self._not_event_day(d, words, starts):
                return d.date, d.text, "day"
        for d in dates:
            if d.date is not None and self._period_of(d, words, starts, hit):
                if d.granularity == "month":
                    return d.date, d.text, "month"
                return None, d.text, "year"
        return published, None, "day"

    def _not_event_day(self, d: DateMention, words: list[str], starts: list[int]) -> bool:
        """Whether the word before a day (past "hari") makes it no day of the event:
        "paling lambat sampai Senin (16/10)", "setiap Jumat", "salat Jumat"."""
        k = bisect.bisect_left(starts, d.span[0]) - 1
        if k >= 0 and words[k].lower() == "hari":
            k -= 1
        return k >= 0 and words[k].lower() in self.not_event_day_after

    def _relative(self, d: DateMention, words: list[str], starts: list[int],
                  hit: TriggerHit) -> bool:
        """Whether a date after the trigger belongs to a relative clause ("yang") between
        them, opened inside it by "pada": "mengkritik Kenyatta, presiden yang dilantik pada
        pekan lalu" dates the inauguration, not the criticism; a date at the end of the
        sentence ("... yang dikuasai pemberontak di dekat Damaskus Jumat (17/11)") dates
        the main clause."""
        k = bisect.bisect_left(starts, d.span[0])
        return (k >= hit.end and k > 0 and words[k - 1].lower() in self.period_openers
                and any(w.lower() == "yang" for w in words[hit.end:k]))

    def _period_of(self, d: DateMention, words: list[str], starts: list[int],
                   hit: TriggerHit) -> bool:
        """Whether a month or year expression dates the trigger's clause: it follows "sejak"
        or "pada" (with "awal"/"pertengahan"/"akhir" between), and either opens the sentence
        (after sentence adverbs: "Sebelumnya , pada Maret , ...") or stands after the trigger
        with no clause boundary, relative "yang" or comma between; or, without an opener,
        it opens the sentence set off by a comma before the trigger ("Juni lalu , Dalai
        Lama bertemu ..."), or stands between the subject and the verb ("Qatar bulan lalu
        menuding ...")."""
        k = bisect.bisect_left(starts, d.span[0])
        end = bisect.bisect_left(starts, d.span[1])
        if k > 0 and end <= hit.start and all(
                w.lower() in self.aspect for w in words[end:hit.start]) and words[
                k - 1].lower() not in self.not_before_month:
            # between the subject and its verb: "Qatar bulan lalu menuding Saudi ..."
            return True
        j = k - 1
        while j >= 0 and words[j].lower() in self.period_parts:
            j -= 1

        def fronted(i: int) -> bool:
            return all(w.lower() in self.sentence_adverbs for w in words[:i])

        if j < 0 or words[j].lower() not in self.period_openers:
            end = bisect.bisect_left(starts, d.span[1])
            return (end < len(words) and words[end] == "," and end <= hit.start
                    and fronted(j + 1))
        if fronted(j):
            return True
        between = [w.lower() for w in words[hit.end:j]]
        return k >= hit.end and not any(
            w in self.boundaries or w in ("yang", ",") for w in between)


_QUOTES = frozenset({'"', "“", "”"})
"""Quotation marks that open or close direct speech."""


def _one_per_reading(scored: list[tuple[Event, tuple[str, ...]]]
                     ) -> list[tuple[Event, tuple[str, ...]]]:
    """One event per trigger, root and resolved pair, the surest: "Kini, Hamas mengklaim
    mereka menahan dua tentara Israel" reads Hamas → Israel through "Hamas" and through
    "mereka"; the two are one event."""
    def key(e: Event) -> tuple[object, ...]:
        def who(a: Actor | None) -> tuple[object, ...]:
            return (None,) if a is None else (a.id or a.name, a.country, a.sector)
        return (e.sentence_span, e.action.trigger_span, e.action.root, who(e.actor),
                who(e.target))

    best: dict[tuple[object, ...], int] = {}
    for i, (e, _) in enumerate(scored):
        k = key(e)
        if k not in best or (e.confidence or 0.0) > (scored[best[k]][0].confidence or 0.0):
            best[k] = i
    keep = set(best.values())
    return [x for i, x in enumerate(scored) if i in keep]


_POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "LEG", "JUD", "OPP", "PTY", "REB", "INS", "IGO", "SPY", "SEP"})


_NON_POLITICAL_SECTORS = frozenset(
    {"BUS", "MED", "EDU", "HLH", "REL", "LAB", "AGR", "ENV", "NGO", "MUS", "CHR", "JEW", "BUD",
     "HIN"})
"""Sectors of actors that make no event political by themselves (GUIDELINES: companies,
clubs, media); civilians and refugees of a state are political actors ("warga sipil
Gaza")."""


def _of_story(a: Actor, country: str | None) -> Actor:
    """``a`` with the story's country when it is a named person or organisation that the
    gazetteer does not know ("Himpunan Mahasiswa Islam (HMI)" in an Indonesian story)."""
    return a.model_copy(update={"country": country}) if country and _unknown_named(a) else a


def _unknown_named(a: Actor) -> bool:
    """A named person or organisation that the gazetteer does not know, of no country."""
    return a.kind in ("person", "organization") and a.id is None and not a.country and \
        bool(a.name)


def _official(a: Actor) -> bool:
    """A state, an IGO, or an actor in a political sector (government, military, police,
    parliament, courts, parties, rebels ...)."""
    return (a.kind in ("state", "IGO") and a.sector in (None, *_POLITICAL_SECTORS)) or (
        a.sector in _POLITICAL_SECTORS)


def _political(a: Actor) -> bool:
    """An actor an event can hold: a named entity, or a role with a country."""
    return bool(a.name or a.country or a.sector == "IGO")


def _political_pair(a: Actor, b: Actor) -> bool:
    """GUIDELINES: events between non-political actors (students, schools, companies) are
    not political events unless a named or state actor is on one side."""
    def strong(x: Actor) -> bool:
        # a gazetteer entity, or an actor placed in a state (an untitled name the gazetteer
        # does not know is not enough: "Apple dan Samsung saling menggugat"); a company, a
        # medium or an NGO is none even when the gazetteer knows it ("Huawei menggandeng
        # PT Erajaya")
        if x.sector in _NON_POLITICAL_SECTORS:
            return False
        return x.id is not None or (x.sector in _POLITICAL_SECTORS and (
            x.name is not None or x.country is not None)) or (
            x.country is not None and x.name is not None)

    return strong(a) or strong(b)


def _key(a: Actor) -> object:
    """What makes two actors the same for reference: entity id, name, else country and role."""
    return a.id or a.name or (a.country, a.sector)


def _same_entity(a: Actor, b: Actor) -> bool:
    if a.id and a.id == b.id:
        return a.sector == b.sector
    return bool(a.name and a.name == b.name)


@Language.factory("geoevents_segmenter", assigns=["doc._.geoevents", "token.is_sent_start"])
def make_segmenter(nlp: Language, name: str) -> NewsSegmenter:
    """Factory of the news segmentation stage."""
    register_extensions()
    return NewsSegmenter()


@Language.factory("geoevents_actors",
                  default_config={"gazetteer": [], "bare_names": True, "ner": "heuristic",
                                  "triggers": []},
                  requires=["doc._.geoevents"], assigns=["doc._.geoevents"])
def make_actors(nlp: Language, name: str, gazetteer: list[str], bare_names: bool,
                ner: str, triggers: list[str]) -> ActorStage:
    """Factory of the actor stage; ``gazetteer`` lists extra gazetteer files, ``bare_names``
    turns untitled capitalised names into person actors, ``ner`` chooses how names the
    gazetteer does not know are found: "heuristic" (capitalised words) or "model" (the
    trained NER, on the sentences where a word of the trigger lexicon with the extra
    ``triggers`` files may fire)."""
    register_extensions()
    return ActorStage(gazetteer, bare_names, ner, triggers)


@Language.factory("geoevents_parser", default_config={"parser": "spacy"},
                  requires=["doc._.geoevents"], assigns=["doc._.geoevents"])
def make_parser(nlp: Language, name: str, parser: str) -> ParseStage:
    """Factory of the optional dependency-parse stage."""
    register_extensions()
    return ParseStage(parser)


@Language.factory("geoevents_dates", requires=["doc._.geoevents"],
                  assigns=["doc._.geoevents"])
def make_dates(nlp: Language, name: str) -> DateStage:
    """Factory of the date stage."""
    register_extensions()
    return DateStage()


@Language.factory("geoevents_events", default_config={"triggers": [], "ranker": True},
                  requires=["doc._.geoevents"], assigns=["doc._.geoevents"])
def make_events(nlp: Language, name: str, triggers: list[str], ranker: bool) -> EventStage:
    """Factory of the event stage; ``triggers`` lists extra trigger files, ``ranker`` turns
    on the trained reader of roles the rules leave empty."""
    register_extensions()
    return EventStage(triggers, ranker)


@Language.factory("geoevents_resolver",
                  default_config={"min_confidence": 0.0, "gazetteer": []},
                  requires=["doc._.geoevents"],
                  assigns=["doc._.geoevents", "doc._.events", "doc.spans"])
def make_resolver(nlp: Language, name: str, min_confidence: float,
                  gazetteer: list[str]) -> ResolveStage:
    """Factory of the resolution stage; events below ``min_confidence`` are dropped;
    ``gazetteer`` lists the actor stage's extra gazetteer files."""
    register_extensions()
    return ResolveStage(min_confidence, gazetteer)


# -- the public pipeline ------------------------------------------------------------------

OPTIONS = ("gazetteer", "triggers", "max_length", "ner", "parser", "ranker", "min_confidence")
MAX_LENGTH = 2_000_000
"""Default limit on a document's length in characters (about 2 MB of text)."""


def parse_published(value: object) -> dt.date | None:
    """Turn ``published`` (date, datetime, ISO string or None) into a date.

    Raises:
        PublishedDateError: for anything else, with a message that says what to pass.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            return dt.date.fromisoformat(s[:10])
        except ValueError:
            pass
    raise errors.PublishedDateError(errors.E002.format(value=value))


class Pipeline:
    """A reusable, picklable geoevents pipeline.

    Args:
        gazetteer: extra gazetteer JSONL files merged over the default one (same ``id``
            replaces an entity).
        triggers: extra trigger YAML files added to the default lexicon.
        parser: None (the default: shallow rules over tokens), "spacy" (the shipped
            Indonesian parser) or "stanza" (stanza's models, ``geoevents download stanza``).
            With a parser, the event rules read each trigger's roles from the tokens first;
            where they find none, the sentence is parsed and actor and target come from the
            dependency tree (nsubj, obj, obl with its preposition, passive agents, conj).
            Most sentences are never parsed. The two paths are close in entity F1 (the
            figures are in docs/accuracy.md); without a parser precision is higher and the
            pipeline twice as fast.
        ranker: read the roles of triggers the rules leave empty with the trained ranker
            (:mod:`geoevents.ranker`; the default). Its events carry ``+ranker`` in
            ``Event.rule``; False gives the rules alone.
        min_confidence: drop events whose ``Event.confidence`` is below this, in [0, 1].
            None (the default) takes the threshold the confidence model was trained with
            (:mod:`geoevents.confidence`, docs/accuracy.md); 0 keeps every event.
        ner: how people and organisations the gazetteer does not know are found:
            "heuristic" (untitled capitalised names; the default, measured the more accurate
            on the development set) or "model" (the shipped statistical NER, PER/ORG).
        max_length: longest document accepted, in characters; longer ones raise
            :class:`~geoevents.errors.DocumentTooLongError` (split them, or raise the limit
            knowing that memory grows with it).

    Examples:
        >>> nlp = Pipeline()
        >>> [e.action.root for e in nlp.extract("Rusia mengecam Amerika Serikat.",
        ...                                     published="2024-01-10")]
        ['11']
    """

    def __init__(self, *, gazetteer: Iterable[str | Path] | str | Path | None = None,
                 triggers: Iterable[str | Path] | str | Path | None = None,
                 max_length: int = MAX_LENGTH, ner: str = "heuristic",
                 parser: str | None = None, ranker: bool = True,
                 min_confidence: float | None = None) -> None:
        if not isinstance(max_length, int) or max_length < 1:
            raise errors.OptionError(f"max_length must be a positive int, got {max_length!r}")
        if ner not in ("heuristic", "model"):
            raise errors.OptionError(f"ner must be 'heuristic' or 'model', got {ner!r}")
        if not isinstance(ranker, bool):
            raise errors.OptionError(f"ranker must be True or False, got {ranker!r}")
        if min_confidence is not None and (
                isinstance(min_confidence, bool) or not isinstance(min_confidence, (int, float))
                or not 0.0 <= min_confidence <= 1.0):
            raise errors.OptionError(
                f"min_confidence must be None or a number in [0, 1], got {min_confidence!r}")
        if parser not in (None, "spacy", "stanza"):
            raise errors.OptionError(
                f"parser must be None, 'spacy' or 'stanza', got {parser!r}")
        self.options: dict[str, Any] = {
            "gazetteer": _paths(gazetteer), "triggers": _paths(triggers),
            "max_length": max_length, "ner": ner, "parser": parser, "ranker": ranker,
            "min_confidence": min_confidence}
        self.max_length = max_length
        self._language = LanguageCheck(load_language_rules())
        nlp = spacy.blank("id")
        share_tokenizer("id", nlp.tokenizer)
        nlp.max_length = max_length + 1
        register_extensions()
        nlp.add_pipe("geoevents_segmenter")
        nlp.add_pipe("geoevents_actors", config={"gazetteer": self.options["gazetteer"],
                                                 "ner": ner,
                                                 "triggers": self.options["triggers"]})
        if parser is not None:
            nlp.add_pipe("geoevents_parser", config={"parser": parser})
        nlp.add_pipe("geoevents_dates")
        nlp.add_pipe("geoevents_events", config={"triggers": self.options["triggers"],
                                                 "ranker": ranker})
        threshold = (load_confidence_model().threshold if min_confidence is None
                     else float(min_confidence))
        nlp.add_pipe("geoevents_resolver", config={"min_confidence": threshold,
                                                   "gazetteer": self.options["gazetteer"]})
        for _, pipe in nlp.pipeline:
            # the data now: a bad or missing file is an error of load(), not of a document
            if isinstance(pipe, (ActorStage, EventStage, ResolveStage)):
                pipe._ready()
        self.nlp = nlp

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.options,))

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer the actor stage uses."""
        stage = self.nlp.get_pipe("geoevents_actors")
        assert isinstance(stage, ActorStage)
        return stage.gaz

    def make_doc(self, text: str, *, published: object = None) -> Doc:
        """Run the spaCy pipeline and return the ``Doc`` (with ``doc._.geoevents``).

        The ``Doc`` is built on a same-length working view of ``text`` (markup and invisible
        characters blanked out, see :mod:`geoevents.clean`), so its offsets are offsets into
        ``text``.

        Raises:
            InputTypeError: ``text`` is not a str.
            PublishedDateError: ``published`` is not a date.
            DocumentTooLongError: ``text`` is longer than ``max_length`` characters.
        """
        return self.nlp(self._prepared(text, published))

    def _prepared(self, text: str, published: object) -> Doc:
        """The ``Doc`` of ``text`` with its working state, before the components run."""
        text = check_text(text)
        if len(text) > self.max_length:
            raise errors.DocumentTooLongError(errors.E004.format(
                n=len(text), limit=self.max_length))
        pub = parse_published(published)
        view = working_view(text)
        warnings: tuple[str, ...] = ("html",) if looks_like_html(text) else ()
        language = "id" if self._language.is_indonesian(view) else "other"
        if language != "id":
            warnings += ("not_indonesian",)
        doc = self.nlp.make_doc(view)
        doc._.set(EXT, _State(pub, "caller" if pub else "none", text=text, view=view,
                              language=language, warnings=warnings))
        return doc

    def analyze(self, text: str, *, published: object = None) -> Document:
        """Everything found in one document: sentences, actors, dates and events."""
        doc = self.make_doc(text, published=published)
        return self._document(doc)

    def extract(self, text: str, *, published: object = None) -> list[Event]:
        """The events of one document."""
        return list(self.analyze(text, published=published).events)

    def pipe(self, items: Iterable[str | tuple[str, dict[str, Any]]], *,
             batch_size: int = 64) -> Iterator[Document]:
        """Analyse a stream of texts or ``(text, metadata)`` pairs, yielding Documents in
        order, through spaCy's ``nlp.pipe`` in batches of ``batch_size``.

        ``metadata`` may hold ``published``; the rest is kept in ``Document.meta``. A bad
        item raises its typed error when its turn comes (:mod:`geoevents.batch` records
        per-document failures instead).
        """
        def prepared() -> Iterator[tuple[Doc, dict[str, Any] | None]]:
            for item in items:
                if isinstance(item, tuple):
                    text, meta = item
                    meta = dict(meta or {})
                    published = meta.pop("published", None)
                    keep = {k: v for k, v in meta.items()
                            if v is None or isinstance(v, (str, int, float))}
                    yield self._prepared(text, published), keep or None
                else:
                    yield self._prepared(item, None), None

        for doc, meta in self.nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
            out = self._document(doc)
            yield out.model_copy(update={"meta": meta}) if meta is not None else out

    def _document(self, doc: Doc) -> Document:
        st = _state(doc)
        text = st.text or doc.text
        sentences = tuple(
            Sentence(text=text[s.start:s.end], span=(s.start, s.end), skipped=s.skipped,
                     reason=s.reason)
            for s in st.segments or []
        )
        return Document(
            text=text, published=st.published,
            published_source=st.published_source,
            published_text=st.published_text, sentences=sentences,
            actors=tuple(_named_actors(st, text)), dates=tuple(_dates(st, text)),
            events=tuple(_with_mentions(e, text) for e in st.events or []),
            language=st.language, warnings=st.warnings,
        )

    def extract_frame(self, df: Any, *, text: str = "text", published: str | None = "published",
                      id: str | None = "id", errors: str = "raise") -> Any:
        """The events of a pandas DataFrame's rows, one row per event (flat columns, see
        :func:`geoevents.frame.extract_frame`)."""
        return extract_frame(self, df, text=text, published=published, id=id,
                             errors=errors)  # type: ignore[arg-type]


def _named_actors(st: _State, text: str) -> Iterator[Actor]:
    """The actors named in the text (no pronouns), with their mentions as written."""
    for ms in st.mentions or []:
        for m in ms:
            if m.pronoun is None:
                yield m.actor.model_copy(
                    update={"mention": text[m.actor.span[0]:m.actor.span[1]]})


def _dates(st: _State, text: str) -> Iterator[DateMention]:
    for ds in st.dates or []:
        for d in ds:
            yield d.model_copy(update={"text": text[d.span[0]:d.span[1]]})


def _with_mentions(e: Event, text: str) -> Event:
    def fix(a: Actor | None) -> Actor | None:
        if a is None:
            return None
        return a.model_copy(update={"mention": text[a.span[0]:a.span[1]]})

    return e.model_copy(update={"actor": fix(e.actor), "target": fix(e.target)})


def _paths(value: Iterable[str | Path] | str | Path | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, Path)):
        return [str(value)]
    return [str(v) for v in value]


def _rebuild(options: dict[str, Any]) -> Pipeline:
    return Pipeline(**options)
